import { AwsError } from '../shared/aws-error.js';
import { findOperation, getShape, structMembers } from './model.js';
import type { MemberInfo, ServiceModel, Shape } from './model.js';
import { matchesPattern } from './patterns.js';
import { iamPathMessage, iamPathShapes } from './query/iam-path-text.js';
import { issue, listItemPath, memberPath, validationErrorFor, valueStyleFor } from './validation-error.js';
import type { ValidationIssue, ValueStyle } from './validation-error.js';

interface Walk {
  model: ServiceModel;
  style: ValueStyle;
  issues: ValidationIssue[];
  /** Shapes whose pattern failures the service words in a sentence of its own (IAM paths). */
  ownSentence: ReadonlySet<Shape>;
  /** Those failures: answered only when nothing else is wrong. */
  deferred: ValidationIssue[];
  /** Patterns that replace the model's for some shapes (emulator mode's lenient names). */
  patterns?: ReadonlyMap<Shape, string>;
}

function walk(model: ServiceModel): Walk {
  return { model, style: valueStyleFor(model), issues: [], ownSentence: iamPathShapes(model), deferred: [] };
}

/** String length as the models mean it: Unicode code points, so an emoji counts once. */
function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function checkLength(w: Walk, shape: Shape, value: unknown, length: number, path: string): void {
  if (shape.min !== undefined && length < shape.min) {
    w.issues.push(issue('minLength', path, value, shape, w.style, `have length greater than or equal to ${shape.min}`));
  }
  if (shape.max !== undefined && length > shape.max) {
    w.issues.push(issue('maxLength', path, value, shape, w.style, `have length less than or equal to ${shape.max}`));
  }
}

const byName = new WeakMap<Shape, Map<string, MemberInfo>>();

function membersByName(model: ServiceModel, shape: Shape): Map<string, MemberInfo> {
  let members = byName.get(shape);
  if (!members) {
    members = new Map(structMembers(model, shape).map((m) => [m.name, m]));
    byName.set(shape, members);
  }
  return members;
}

/**
 * Members are checked in the order the input holds them, which for a decoded request is the order
 * the request named them (AWS lists several errors in request order, not model order); required
 * members the input lacks come after, in model order.
 */
function checkStructure(w: Walk, shape: Shape, value: object, path: string): void {
  const obj = value as Record<string, unknown>;
  const members = membersByName(w.model, shape);
  for (const key of Object.keys(obj)) {
    const m = Object.hasOwn(obj, key) ? members.get(key) : undefined;
    if (m) checkMember(w, m, obj[key], path);
  }
  for (const m of members.values()) {
    if (m.required && !Object.hasOwn(obj, m.name)) checkMember(w, m, undefined, path);
  }
}

function checkMember(w: Walk, m: MemberInfo, v: unknown, parent: string): void {
  const p = memberPath(parent, m.name);
  if (v === undefined || v === null) {
    if (m.required) w.issues.push(issue('required', p, v, m.shape, w.style, 'not be null'));
  } else {
    checkValue(w, m.shape, v, p);
  }
}

function checkValue(w: Walk, shape: Shape, value: unknown, path: string): void {
  switch (shape.type) {
    case 'structure':
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) checkStructure(w, shape, value, path);
      return;
    case 'list': {
      if (!Array.isArray(value)) return;
      checkLength(w, shape, value, value.length, path);
      const member = getShape(w.model, shape.member!.shape);
      value.forEach((item, i) => {
        if (item !== undefined && item !== null) checkValue(w, member, item, listItemPath(path, i + 1));
      });
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null) return;
      const entries = Object.entries(value);
      checkLength(w, shape, value, entries.length, path);
      const keyShape = getShape(w.model, shape.key!.shape);
      const valueShape = getShape(w.model, shape.value!.shape);
      for (const [k, v] of entries) {
        checkValue(w, keyShape, k, `${path}.${k}`);
        if (v !== undefined && v !== null) checkValue(w, valueShape, v, `${path}.${k}`);
      }
      return;
    }
    case 'string':
      if (typeof value === 'string') checkString(w, shape, value, path);
      return;
    case 'blob':
      if (value instanceof Uint8Array) checkLength(w, shape, value, value.byteLength, path);
      return;
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      if (typeof value === 'number') checkRange(w, shape, value, path);
      return;
    default:
      return;
  }
}

function checkString(w: Walk, shape: Shape, value: string, path: string): void {
  if (shape.min !== undefined || shape.max !== undefined) checkLength(w, shape, value, codePointLength(value), path);
  const pattern = w.patterns?.get(shape) ?? shape.pattern;
  if (pattern !== undefined && !matchesPattern(pattern, value)) {
    if (w.ownSentence.has(shape)) w.deferred.push({ kind: 'pattern', path, message: iamPathMessage(path) });
    else
      w.issues.push(
        issue('pattern', path, value, shape, w.style, `satisfy regular expression pattern: ${shape.pattern}`),
      );
  }
  if (shape.enum && !shape.enum.includes(value)) {
    const set = w.style.listEnumValues ? `: [${shape.enum.join(', ')}]` : '';
    w.issues.push(issue('enum', path, value, shape, w.style, `satisfy enum value set${set}`));
  }
}

function checkRange(w: Walk, shape: Shape, value: number, path: string): void {
  if (shape.min !== undefined && value < shape.min) {
    w.issues.push(issue('minValue', path, value, shape, w.style, `have value greater than or equal to ${shape.min}`));
  }
  if (shape.max !== undefined && value > shape.max) {
    w.issues.push(issue('maxValue', path, value, shape, w.style, `have value less than or equal to ${shape.max}`));
  }
}

/**
 * Every constraint the decoded input of `operationName` breaks, depth-first, members in the order
 * the input holds them: required members, length of strings/lists/maps/blobs, numeric ranges,
 * patterns and enums. An IAM path's pattern failure (its own sentence) comes last.
 */
export function collectValidationIssues(model: ServiceModel, operationName: string, input: unknown): ValidationIssue[] {
  const w = walkInput(model, operationName, input);
  return w ? [...w.issues, ...w.deferred] : [];
}

function walkInput(
  model: ServiceModel,
  operationName: string,
  input: unknown,
  patterns?: Readonly<Record<string, string>>,
): Walk | undefined {
  const op = findOperation(model, operationName);
  if (!op?.input) return undefined;
  const w = walk(model);
  if (patterns) w.patterns = shapePatterns(model, patterns);
  checkStructure(w, getShape(model, op.input.shape), typeof input === 'object' && input !== null ? input : {}, '');
  return w;
}

function shapePatterns(model: ServiceModel, patterns: Readonly<Record<string, string>>): Map<Shape, string> {
  const byShape = new Map<Shape, string>();
  for (const [name, pattern] of Object.entries(patterns)) {
    const shape = model.shapes[name];
    if (shape) byShape.set(shape, pattern);
  }
  return byShape;
}

/**
 * The error AWS would answer this input with, or undefined when the input satisfies the model.
 * The model's constraints come first; only an otherwise valid request gets IAM's sentence for an
 * invalid path (the first one, alone).
 */
export function validateInput(
  model: ServiceModel,
  operationName: string,
  input: unknown,
  /** Shape name → the pattern to check instead of the model's. */
  patterns?: Readonly<Record<string, string>>,
): AwsError | undefined {
  const w = walkInput(model, operationName, input, patterns);
  if (!w) return undefined;
  if (w.issues.length) return validationErrorFor(model, w.issues);
  const own = w.deferred[0];
  return own ? new AwsError('ValidationError', own.message, 400, 'Sender') : undefined;
}

/**
 * What an operation's output breaks in the model (the same checks as for input). Ward's own
 * handlers run this in tests, so an ID shorter than the model allows or a missing required member
 * fails a test rather than a client's parser.
 */
export function collectOutputIssues(
  model: ServiceModel,
  operationName: string,
  output: unknown,
  patterns?: Readonly<Record<string, string>>,
): ValidationIssue[] {
  const op = findOperation(model, operationName);
  if (!op?.output) return [];
  const w = walk(model);
  if (patterns) w.patterns = shapePatterns(model, patterns);
  checkStructure(w, getShape(model, op.output.shape), typeof output === 'object' && output !== null ? output : {}, '');
  return [...w.issues, ...w.deferred];
}
