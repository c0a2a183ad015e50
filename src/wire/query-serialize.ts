import type { AwsError } from '../shared/aws-error.js';
import { findOperation, getShape, isFlattened, structMembers, wireName } from './model.js';
import type { ServiceModel, Shape, ShapeRef } from './model.js';
import { encodeBase64 } from './scalars.js';
import { formatTimestamp, toDate } from './timestamps.js';
import { escapeXml } from './xml-escape.js';

function fail(path: string, expected: string, value: unknown): never {
  throw new TypeError(
    `cannot serialize ${path}: expected ${expected}, got ${Array.isArray(value) ? 'array' : typeof value}`,
  );
}

function scalarText(ref: ShapeRef, shape: Shape, value: unknown, path: string): string {
  switch (shape.type) {
    case 'string':
      return escapeXml(typeof value === 'string' ? value : String(value));
    case 'boolean':
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      if (value === 'true' || value === 'false') return value;
      return fail(path, 'boolean', value);
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      // String() already spells NaN and ±Infinity the way botocore does.
      if (typeof value === 'number' || typeof value === 'bigint') return String(value);
      return fail(path, 'number', value);
    case 'timestamp': {
      const date = toDate(value) ?? fail(path, 'Date', value);
      return escapeXml(formatTimestamp(date, ref.timestampFormat ?? shape.timestampFormat ?? 'iso8601'));
    }
    case 'blob':
      return encodeBase64(value);
    default:
      return fail(path, shape.type, value);
  }
}

function structureBody(model: ServiceModel, shape: Shape, value: unknown, path: string): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'object', value);
  const obj = value as Record<string, unknown>;
  let xml = '';
  for (const m of structMembers(model, shape)) {
    const v = obj[m.name];
    if (v === undefined || v === null) continue;
    xml += element(model, m.wire, m.ref, m.shape, v, `${path}.${m.name}`);
  }
  return xml;
}

/** One member as XML: `<Name>…</Name>`, or for flattened lists/maps a run of sibling elements. */
function element(model: ServiceModel, name: string, ref: ShapeRef, shape: Shape, value: unknown, path: string): string {
  switch (shape.type) {
    case 'structure':
      return `<${name}>${structureBody(model, shape, value, path)}</${name}>`;
    case 'list': {
      if (!Array.isArray(value)) return fail(path, 'array', value);
      const itemRef = shape.member!;
      const itemShape = getShape(model, itemRef.shape);
      const flat = isFlattened(ref, shape);
      const itemName = wireName(itemRef, itemShape, flat ? name : 'member');
      let items = '';
      for (const item of value) {
        if (item !== undefined && item !== null)
          items += element(model, itemName, itemRef, itemShape, item, `${path}[]`);
      }
      if (flat) return items;
      return items ? `<${name}>${items}</${name}>` : `<${name}/>`;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'object', value);
      const keyRef = shape.key!;
      const valueRef = shape.value!;
      const keyShape = getShape(model, keyRef.shape);
      const valueShape = getShape(model, valueRef.shape);
      const keyName = wireName(keyRef, keyShape, 'key');
      const valueName = wireName(valueRef, valueShape, 'value');
      const flat = isFlattened(ref, shape);
      let entries = '';
      for (const [k, v] of Object.entries(value)) {
        if (v === undefined || v === null) continue;
        const pair =
          element(model, keyName, keyRef, keyShape, k, `${path}{}`) +
          element(model, valueName, valueRef, valueShape, v, `${path}.${k}`);
        entries += flat ? `<${name}>${pair}</${name}>` : `<entry>${pair}</entry>`;
      }
      if (flat) return entries;
      return entries ? `<${name}>${entries}</${name}>` : `<${name}/>`;
    }
    default:
      return `<${name}>${scalarText(ref, shape, value, path)}</${name}>`;
  }
}

function responseMetadata(requestId: string): string {
  return `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>`;
}

/**
 * The Query-protocol XML body for a successful call: `<OpResponse xmlns><OpResult>…</OpResult>
 * <ResponseMetadata>…</ResponseMetadata></OpResponse>`, the inverse of botocore's QueryParser. Members go out
 * in model order under their locationName; null and undefined members are left out. `output` is the generated
 * `…Response` object (timestamps may be Date, ISO string or epoch milliseconds). Throws TypeError when
 * `output` does not fit the model, which is a handler bug.
 */
export function serializeQueryResponse(
  model: ServiceModel,
  operationName: string,
  output: unknown,
  requestId: string,
): string {
  const op = findOperation(model, operationName);
  if (!op) throw new Error(`${model.metadata.serviceId} has no operation ${operationName}`);
  const ns = escapeXml(model.metadata.xmlNamespace ?? '');
  let result = '';
  if (op.output) {
    const wrapper = op.output.resultWrapper ?? `${operationName}Result`;
    const body =
      output === undefined || output === null
        ? ''
        : structureBody(model, getShape(model, op.output.shape), output, operationName);
    result = body ? `<${wrapper}>${body}</${wrapper}>` : `<${wrapper}/>`;
  }
  return `<${operationName}Response xmlns="${ns}">${result}${responseMetadata(requestId)}</${operationName}Response>`;
}

/** The Query-protocol error body: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`. */
export function serializeQueryError(err: AwsError, requestId: string, xmlNamespace: string): string {
  return (
    `<ErrorResponse xmlns="${escapeXml(xmlNamespace)}"><Error><Type>${err.fault}</Type>` +
    `<Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message></Error>` +
    `<RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`
  );
}
