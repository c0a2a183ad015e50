import { AwsError } from '../shared/aws-error.js';
import { ModeledAwsError } from './errors.js';
import { decodeJsonInput, serializeJsonResponse } from './json-protocol.js';
import { findOperation, getShape, structMembers } from './model.js';
import type { OperationModel, ServiceModel, Shape } from './model.js';
import { setOwn } from './scalars.js';

/**
 * The REST-JSON protocol (the Account service): the operation is named by method and path (the
 * model's `http.requestUri`), members bound with `location` come from the URI, query string or
 * headers, the rest is a JSON body. Errors carry their code in `x-amzn-ErrorType` and a
 * `{"message": …}` body.
 */

export interface RestJsonResponse {
  body: string;
  headers: Record<string, string>;
}

function serializationError(message: string): AwsError {
  return new AwsError('SerializationException', message, 400, 'Sender');
}

function splitUri(requestUri: string): { path: string; query: string } {
  const q = requestUri.indexOf('?');
  return q < 0 ? { path: requestUri, query: '' } : { path: requestUri.slice(0, q), query: requestUri.slice(q + 1) };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `/things/{Name}/x` → a regexp with one group per label, and the label names. */
function uriMatcher(path: string): { re: RegExp; labels: string[] } {
  const labels: string[] = [];
  let source = '';
  let last = 0;
  for (const m of path.matchAll(/\{([^}]+)\}/g)) {
    source += escapeRegExp(path.slice(last, m.index));
    const greedy = m[1]!.endsWith('+');
    labels.push(greedy ? m[1]!.slice(0, -1) : m[1]!);
    source += greedy ? '(.+)' : '([^/]+)';
    last = m.index + m[0].length;
  }
  source += escapeRegExp(path.slice(last));
  return { re: new RegExp(`^${source}/?$`), labels };
}

/** The operation a REST request names by its method and path, with its URI labels; undefined if none. */
export function findRestOperation(
  model: ServiceModel,
  method: string,
  path: string,
): { operation: OperationModel; labels: Record<string, string> } | undefined {
  for (const operation of Object.values(model.operations)) {
    if (operation.http.method.toUpperCase() !== method.toUpperCase()) continue;
    const { re, labels } = uriMatcher(splitUri(operation.http.requestUri).path);
    const m = re.exec(path);
    if (!m) continue;
    const values: Record<string, string> = {};
    labels.forEach((label, i) => {
      setOwn(values, label, decodeURIComponent(m[i + 1] ?? ''));
    });
    return { operation, labels: values };
  }
  return undefined;
}

function scalarFrom(shape: Shape, text: string, where: string): unknown {
  switch (shape.type) {
    case 'integer':
    case 'long': {
      if (!/^-?\d+$/.test(text)) throw serializationError(`Could not read ${where} value '${text}' as a number`);
      return Number(text);
    }
    case 'float':
    case 'double': {
      const n = Number(text);
      if (Number.isNaN(n) && text !== 'NaN')
        throw serializationError(`Could not read ${where} value '${text}' as a number`);
      return n;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false')
        throw serializationError(`Could not read ${where} value '${text}' as a boolean`);
      return text === 'true';
    case 'timestamp': {
      const d = new Date(/^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : text);
      if (Number.isNaN(d.getTime())) throw serializationError(`Could not read ${where} value '${text}' as a timestamp`);
      return d;
    }
    default:
      return text;
  }
}

/**
 * Decodes a REST-JSON request into the operation's input: URI labels, query-string and header
 * members by their `location`, everything else from the JSON body (as JSON 1.1 does).
 * `headers` are the raw name/value pairs (names compared case-insensitively, repeats joined by `,`).
 */
export function decodeRestJsonInput(
  model: ServiceModel,
  operationName: string,
  path: string,
  query: URLSearchParams,
  headers: ReadonlyArray<readonly [string, string]>,
  body: string,
): unknown {
  const op = findOperation(model, operationName);
  if (!op) throw new AwsError('UnknownOperationException', `Unknown operation ${operationName}`, 400);
  const input = decodeJsonInput(model, operationName, body) as Record<string, unknown>;
  if (!op.input) return input;
  const labels = findRestOperation(model, op.http.method, path)?.labels ?? {};
  for (const m of structMembers(model, getShape(model, op.input.shape))) {
    const location = m.ref.location;
    if (!location) continue;
    let text: string | undefined;
    if (location === 'uri') text = Object.hasOwn(labels, m.wire) ? labels[m.wire] : undefined;
    else if (location === 'querystring') {
      if (m.shape.type === 'list') {
        const all = query.getAll(m.wire);
        if (all.length > 0) {
          const item = getShape(model, m.shape.member!.shape);
          input[m.name] = all.map((v) => scalarFrom(item, v, m.wire));
        }
        continue;
      }
      text = query.get(m.wire) ?? undefined;
    } else if (location === 'header') {
      const wanted = m.wire.toLowerCase();
      const values = headers.filter(([k]) => k.toLowerCase() === wanted).map(([, v]) => v);
      text = values.length > 0 ? values.join(',') : undefined;
    }
    if (text !== undefined) input[m.name] = scalarFrom(m.shape, text, m.wire);
  }
  return input;
}

/** A successful REST-JSON answer: the body (non-located output members) and any header-bound members. */
export function serializeRestJsonResponse(
  model: ServiceModel,
  operationName: string,
  output: unknown,
): RestJsonResponse {
  const op = findOperation(model, operationName);
  if (!op) throw new Error(`${model.metadata.serviceId} has no operation ${operationName}`);
  const headers: Record<string, string> = {};
  if (op.output && output && typeof output === 'object') {
    for (const m of structMembers(model, getShape(model, op.output.shape))) {
      if (m.ref.location !== 'header') continue;
      const v = (output as Record<string, unknown>)[m.name];
      if (v === undefined || v === null) continue;
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- header members are scalar shapes
      headers[m.wire] = v instanceof Date ? v.toUTCString() : String(v);
    }
  }
  return { body: serializeJsonResponse(model, operationName, output), headers };
}

/**
 * A REST-JSON error: the code in `x-amzn-ErrorType`, the body `{"message": …}` plus the modeled
 * extra members (the Account service's ValidationException `reason`, `fieldList`).
 */
export function serializeRestJsonError(err: AwsError): RestJsonResponse {
  const extra = err instanceof ModeledAwsError ? err.fields : {};
  return { body: JSON.stringify({ message: err.message, ...extra }), headers: { 'x-amzn-ErrorType': err.code } };
}
