import { AwsError } from '../shared/aws-error.js';
import { ModeledAwsError } from './errors.js';
import { findOperation, getShape, structMembers } from './model.js';
import type { ServiceModel, Shape, ShapeRef } from './model.js';
import { INVALID, decodeBase64, encodeBase64, setOwn } from './scalars.js';
import { formatIso8601, parseTimestamp, toDate, toEpochSeconds } from './timestamps.js';

// AWS JSON services reject ill-typed bodies before validation, with Jackson-flavoured wording.
function serializationError(message: string): AwsError {
  return new AwsError('SerializationException', message, 400, 'Sender');
}

function tokenOf(value: unknown): string {
  if (Array.isArray(value)) return 'START_ARRAY';
  if (typeof value === 'object') return 'START_OBJECT';
  if (typeof value === 'string') return 'STRING_VALUE';
  if (typeof value === 'boolean') return value ? 'TRUE_VALUE' : 'FALSE_VALUE';
  return 'NUMBER_VALUE';
}

function mismatch(value: unknown, type: string): AwsError {
  const article = /^[AEIOU]/.test(type) ? 'an' : 'a';
  return serializationError(`${tokenOf(value)} can not be converted to ${article} ${type}`);
}

function decodeValue(model: ServiceModel, shape: Shape, value: unknown): unknown {
  switch (shape.type) {
    case 'structure':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw mismatch(value, 'Structure');
      return decodeStructure(model, shape, value as Record<string, unknown>);
    case 'list': {
      if (!Array.isArray(value)) throw mismatch(value, 'List');
      const member = getShape(model, shape.member!.shape);
      return value.filter((v) => v !== null && v !== undefined).map((v) => decodeValue(model, member, v));
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw mismatch(value, 'Map');
      const valueShape = getShape(model, shape.value!.shape);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (v !== null && v !== undefined) setOwn(out, k, decodeValue(model, valueShape, v));
      }
      return out;
    }
    case 'string':
      if (typeof value !== 'string') throw mismatch(value, 'String');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw mismatch(value, 'Boolean');
      return value;
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value))
        throw mismatch(value, shape.type === 'long' ? 'Long' : 'Integer');
      return value;
    case 'float':
    case 'double':
      if (typeof value === 'number') return value;
      if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return Number(value);
      throw mismatch(value, shape.type === 'float' ? 'Float' : 'Double');
    case 'timestamp': {
      const date =
        typeof value === 'number'
          ? new Date(value * 1000)
          : typeof value === 'string'
            ? parseTimestamp(value)
            : undefined;
      if (!date || Number.isNaN(date.getTime())) throw mismatch(value, 'Date');
      return date;
    }
    case 'blob': {
      const bytes = typeof value === 'string' ? decodeBase64(value) : INVALID;
      if (bytes === INVALID) throw mismatch(value, 'Blob');
      return bytes;
    }
    default:
      return value;
  }
}

function decodeStructure(model: ServiceModel, shape: Shape, obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of structMembers(model, shape)) {
    // REST-JSON members bound to the URI, query string or headers are not read from the body.
    if (m.ref.location) continue;
    if (!Object.hasOwn(obj, m.wire)) continue;
    const v = obj[m.wire];
    if (v !== null && v !== undefined) out[m.name] = decodeValue(model, m.shape, v);
  }
  return out;
}

/**
 * Reads a JSON 1.1 request body (text, or already parsed) into the operation's input shape: timestamps
 * (epoch seconds) become Dates, blobs (base64) Uint8Arrays, unknown members are dropped. An empty body is `{}`.
 * Throws AwsError `SerializationException` for malformed JSON or ill-typed members.
 */
export function decodeJsonInput(model: ServiceModel, operationName: string, body: unknown): unknown {
  const op = findOperation(model, operationName);
  if (!op) throw new AwsError('UnknownOperationException', `Unknown operation ${operationName}`, 400);
  let parsed: unknown = body ?? {};
  if (typeof body === 'string') {
    if (body.trim() === '') return {};
    try {
      parsed = JSON.parse(body);
    } catch (e) {
      throw serializationError(`Could not parse request body as JSON: ${(e as Error).message}`);
    }
  }
  if (!op.input) return {};
  if (parsed === null) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw mismatch(parsed, 'Structure');
  return decodeStructure(model, getShape(model, op.input.shape), parsed as Record<string, unknown>);
}

function encodeValue(model: ServiceModel, ref: ShapeRef, shape: Shape, value: unknown): unknown {
  switch (shape.type) {
    case 'structure':
      return encodeStructure(model, shape, value);
    case 'list': {
      if (!Array.isArray(value)) throw new TypeError('list value must be an array');
      const itemRef = shape.member!;
      const item = getShape(model, itemRef.shape);
      return value.filter((v) => v !== null && v !== undefined).map((v) => encodeValue(model, itemRef, item, v));
    }
    case 'map': {
      const valueRef = shape.value!;
      const valueShape = getShape(model, valueRef.shape);
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as object)) {
        if (v !== null && v !== undefined) setOwn(out, k, encodeValue(model, valueRef, valueShape, v));
      }
      return out;
    }
    case 'timestamp': {
      const date = toDate(value);
      if (!date) throw new TypeError(`timestamp value ${String(value)} is not a date`);
      const format = ref.timestampFormat ?? shape.timestampFormat ?? 'unixTimestamp';
      if (format === 'iso8601') return formatIso8601(date);
      return format === 'rfc822' ? date.toUTCString() : toEpochSeconds(date);
    }
    case 'blob':
      return encodeBase64(value);
    case 'float':
    case 'double':
      // JSON has no NaN or Infinity; AWS sends them as strings.
      return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
    default:
      return value;
  }
}

function encodeStructure(model: ServiceModel, shape: Shape, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError('structure value must be an object');
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const m of structMembers(model, shape)) {
    if (m.ref.location) continue;
    const v = obj[m.name];
    if (v !== undefined && v !== null) out[m.wire] = encodeValue(model, m.ref, m.shape, v);
  }
  return out;
}

/**
 * The JSON 1.1 body for a successful call: modeled members only, in model order; Dates as epoch seconds,
 * blobs as base64. Operations without output answer `{}`.
 */
export function serializeJsonResponse(model: ServiceModel, operationName: string, output: unknown): string {
  const op = findOperation(model, operationName);
  if (!op) throw new Error(`${model.metadata.serviceId} has no operation ${operationName}`);
  if (!op.output || output === undefined || output === null) return '{}';
  return JSON.stringify(encodeStructure(model, getShape(model, op.output.shape), output));
}

/**
 * The JSON error body: `{"__type":"AccountNotFoundException","Message":"…"}`. Modeled errors use their
 * shape's own casing for the message member (Organizations `Message`, Account `message`) and add their
 * extra members, such as Organizations' `Reason`.
 */
export function serializeJsonError(err: AwsError): string {
  if (err instanceof ModeledAwsError) {
    return JSON.stringify({ __type: err.code, [err.messageMember]: err.message, ...err.fields });
  }
  return JSON.stringify({ __type: err.code, Message: err.message });
}
