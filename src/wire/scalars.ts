import type { Shape } from './model.js';
import { parseTimestamp } from './timestamps.js';

/** Marks text that does not read as its shape's type. */
export const INVALID: unique symbol = Symbol('invalid');

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/** The type name AWS's (Java) stack would report for a shape type. */
export function javaTypeName(shape: Shape): string {
  switch (shape.type) {
    case 'integer':
      return 'Integer';
    case 'long':
      return 'Long';
    case 'float':
      return 'Float';
    case 'double':
      return 'Double';
    case 'boolean':
      return 'Boolean';
    case 'timestamp':
      return 'Timestamp';
    case 'blob':
      return 'Blob';
    default:
      return 'String';
  }
}

/** Decodes base64 text strictly (Buffer.from alone silently skips garbage). */
export function decodeBase64(text: string): Uint8Array | typeof INVALID {
  const compact = text.replace(/\s+/g, '');
  if (!BASE64.test(compact)) return INVALID;
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

/** Base64 of a blob value; strings are taken as UTF-8, as botocore does. */
export function encodeBase64(value: unknown): string {
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (typeof value === 'string') return Buffer.from(value, 'utf8').toString('base64');
  throw new TypeError(`blob value must be a Uint8Array or string, got ${typeof value}`);
}

/** Reads Query-protocol text as a value of a scalar shape, or INVALID. */
export function parseScalarText(shape: Shape, text: string): unknown {
  switch (shape.type) {
    case 'string':
      return text;
    case 'integer':
    case 'long': {
      if (!INTEGER.test(text)) return INVALID;
      const n = Number(text);
      if (shape.type === 'integer' ? n < -2147483648 || n > 2147483647 : !Number.isSafeInteger(n)) return INVALID;
      return n;
    }
    case 'float':
    case 'double': {
      if (text === 'NaN') return Number.NaN;
      if (text === 'Infinity' || text === '-Infinity') return Number(text);
      return DECIMAL.test(text) ? Number(text) : INVALID;
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : INVALID;
    }
    case 'timestamp':
      return parseTimestamp(text) ?? INVALID;
    case 'blob':
      return decodeBase64(text);
    default:
      return INVALID;
  }
}

/** Assigns an own property even for keys like `__proto__` that come from user-supplied map keys. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
