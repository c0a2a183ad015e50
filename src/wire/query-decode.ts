import { AwsError } from '../shared/aws-error.js';
import { findOperation, getShape, isFlattened, structMembers, wireName } from './model.js';
import type { MemberInfo, ServiceModel, Shape, ShapeRef } from './model.js';
import { INVALID, javaTypeName, parseScalarText, setOwn } from './scalars.js';
import { SHOW_ALL, issue, listItemPath, memberPath, validationErrorFor } from './validation-error.js';
import type { ValidationIssue } from './validation-error.js';

/** Query parameters as a tree: `Tags.member.1.Key=a` lives at Tags → member → 1 → Key. */
interface ParamNode {
  value?: string;
  children?: Map<string, ParamNode>;
}

/** Envelope and SigV4 query-auth parameters: not input members, whatever the model says. */
function isEnvelopeParam(key: string): boolean {
  return key === 'Action' || key === 'Version' || key.startsWith('X-Amz-');
}

function buildTree(params: URLSearchParams): ParamNode {
  const root: ParamNode = {};
  for (const [key, value] of params) {
    if (isEnvelopeParam(key)) continue;
    let node = root;
    for (const part of key.split('.')) {
      node.children ??= new Map();
      let child = node.children.get(part);
      if (!child) {
        child = {};
        node.children.set(part, child);
      }
      node = child;
    }
    // A repeated parameter keeps its first value, as URLSearchParams.get does.
    node.value ??= value;
  }
  return root;
}

/** Children named 1, 2, 3 … in numeric order; gaps are tolerated, other names ignored. */
function indexedChildren(node: ParamNode | undefined): ParamNode[] {
  if (!node?.children) return [];
  const indexed: Array<[number, ParamNode]> = [];
  for (const [name, child] of node.children) {
    if (/^[1-9]\d{0,8}$/.test(name)) indexed.push([Number(name), child]);
  }
  return indexed.sort((a, b) => a[0] - b[0]).map(([, child]) => child);
}

interface Decode {
  model: ServiceModel;
  issues: ValidationIssue[];
}

/** A structure's members by the parameter name they travel under. */
const byWireName = new WeakMap<Shape, Map<string, MemberInfo>>();

function membersByWireName(model: ServiceModel, shape: Shape): Map<string, MemberInfo> {
  let members = byWireName.get(shape);
  if (!members) {
    members = new Map();
    for (const m of structMembers(model, shape)) {
      let key = m.wire;
      // botocore names a flattened list after its member's locationName, not the structure member.
      if (m.shape.type === 'list' && isFlattened(m.ref, m.shape) && m.shape.member) {
        const itemShape = getShape(model, m.shape.member.shape);
        key = wireName(m.shape.member, itemShape, key);
      }
      members.set(key, m);
    }
    byWireName.set(shape, members);
  }
  return members;
}

/**
 * Members are read in the order the request names them (the tree keeps first appearance), so the
 * object's keys, and the validation errors found in it, follow the request rather than the model.
 */
function decodeStructure(d: Decode, shape: Shape, node: ParamNode, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!node.children) return out;
  const members = membersByWireName(d.model, shape);
  for (const [key, child] of node.children) {
    const m = members.get(key);
    if (!m) continue;
    const value = decodeNode(d, m.ref, m.shape, child, memberPath(path, m.name));
    if (value !== undefined) out[m.name] = value;
  }
  return out;
}

function decodeNode(d: Decode, ref: ShapeRef, shape: Shape, node: ParamNode, path: string): unknown {
  switch (shape.type) {
    case 'structure':
      return decodeStructure(d, shape, node, path);
    case 'list': {
      const memberRef = shape.member!;
      const memberShape = getShape(d.model, memberRef.shape);
      // An empty list travels as a bare `Name=`, which the tree shows as a node without children.
      const container = isFlattened(ref, shape) ? node : node.children?.get(wireName(memberRef, memberShape, 'member'));
      const items: unknown[] = [];
      indexedChildren(container).forEach((child, i) => {
        const item = decodeNode(d, memberRef, memberShape, child, listItemPath(path, i + 1));
        if (item !== undefined) items.push(item);
      });
      return items;
    }
    case 'map': {
      const keyShape = getShape(d.model, shape.key!.shape);
      const valueShape = getShape(d.model, shape.value!.shape);
      const keyName = wireName(shape.key!, keyShape, 'key');
      const valueName = wireName(shape.value!, valueShape, 'value');
      const entries = isFlattened(ref, shape) ? node : node.children?.get('entry');
      const out: Record<string, unknown> = {};
      for (const entry of indexedChildren(entries)) {
        const k = entry.children?.get(keyName)?.value;
        const v = entry.children?.get(valueName);
        if (k === undefined || !v) continue;
        const value = decodeNode(d, shape.value!, valueShape, v, `${path}.${k}`);
        if (value !== undefined) setOwn(out, k, value);
      }
      return out;
    }
    default: {
      if (node.value === undefined) return undefined;
      const value = parseScalarText(shape, node.value);
      if (value !== INVALID) return value;
      // The raw text is what failed, so it is shown even for numeric members (sensitive ones still hide it).
      d.issues.push(issue('type', path, node.value, shape, SHOW_ALL, `be of type ${javaTypeName(shape)}`));
      return undefined;
    }
  }
}

/**
 * Reads the Query-protocol parameters of `operationName` into a plain object shaped like its input
 * (the generated `…Request` interface): the inverse of botocore's QuerySerializer. Parameters the model does
 * not know are ignored, as AWS ignores them. Throws AwsError `ValidationError` when a value is not of its
 * member's type (`MaxItems=ten`), and `InvalidAction` for an operation the model lacks.
 */
export function decodeQueryInput(model: ServiceModel, operationName: string, params: URLSearchParams): unknown {
  const op = findOperation(model, operationName);
  if (!op) {
    throw new AwsError(
      'InvalidAction',
      `Could not find operation ${operationName} for version ${model.metadata.apiVersion}`,
      400,
    );
  }
  if (!op.input) return {};
  const d: Decode = { model, issues: [] };
  const input = decodeStructure(d, getShape(model, op.input.shape), buildTree(params), '');
  if (d.issues.length) throw validationErrorFor(model, d.issues);
  return input;
}
