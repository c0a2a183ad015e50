import { AwsError } from '../shared/aws-error.js';
import { decodeJsonInput } from './json-protocol.js';
import { type ServiceModel, findOperation } from './model.js';
import { decodeQueryInput } from './query-decode.js';
import { decodeRestJsonInput, findRestOperation } from './rest-json.js';

/**
 * Which service and operation a request names, read off the wire by the services' models: the
 * `X-Amz-Target` header (JSON 1.1), the method and path (REST-JSON), or `Action` with the
 * credential scope's service or the `Version` parameter (Query). One copy of these rules: the
 * API dispatches by it and the audit record is told what it found.
 */
export type Protocol = 'query' | 'json' | 'rest-json';

export interface DispatchService {
  name: string;
  protocol: Protocol;
  model: ServiceModel;
}

/** The parts of a request dispatch reads. */
export interface WireRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  /** The `X-Amz-Target` header, if sent. */
  target: string | undefined;
  headers: ReadonlyArray<readonly [string, string]>;
  body: Buffer;
}

/** What can be told before the caller is known: the JSON target, or a REST-JSON operation by path. */
export interface Route<S extends DispatchService> {
  protocol: Protocol;
  rest?: Located<S>;
}

export interface Located<S extends DispatchService> {
  service: S;
  operation: string;
  /** Query: the query string and form body; JSON: the body's text. */
  params?: URLSearchParams;
  json?: string;
  /** REST-JSON: the operation was named by method and path. */
  rest?: true;
}

export type Dispatched<S extends DispatchService> =
  | { ok: true; located: Located<S> }
  /** Whatever could still be named (for the audit record), and the error to answer. */
  | { ok: false; error: AwsError; protocol: Protocol; service?: S; operation?: string };

/** Query-protocol services are told apart by their API version when a request is unsigned. */
const QUERY_VERSIONS: Record<string, string> = { '2010-05-08': 'iam', '2011-06-15': 'sts' };

export function routeRequest<S extends DispatchService>(req: WireRequest, services: Iterable<S>): Route<S> {
  if (req.target) return { protocol: 'json' };
  const rest = restOperation(req, services);
  return rest ? { protocol: 'rest-json', rest } : { protocol: 'query' };
}

/**
 * The operation a request names. `scopeService` is the signature's credential-scope service
 * (undefined for an unsigned request); `services` are the ones Ward serves, by name.
 */
export function locateOperation<S extends DispatchService>(
  req: WireRequest,
  route: Route<S>,
  services: ReadonlyMap<string, S>,
  scopeService: string | undefined,
): Dispatched<S> {
  if (req.target) return jsonOperation(req.target, req, services.values());
  if (route.rest) return { ok: true, located: route.rest };
  const scoped = scopeService === undefined ? undefined : services.get(scopeService);
  if (scoped?.protocol === 'rest-json') {
    const error = new AwsError(
      'UnknownOperationException',
      `No ${scopeService} operation is ${req.method} ${req.rawPath}`,
      404,
    );
    return { ok: false, error, protocol: 'rest-json', service: scoped };
  }
  return queryOperation(req, services, scopeService);
}

const JSON_NULL = /^[ \t\r\n]*null[ \t\r\n]*$/;

/** The located operation's input, decoded by its model (not yet validated). */
export function decodeOperationInput<S extends DispatchService>(located: Located<S>, req: WireRequest): unknown {
  const { service, operation } = located;
  // A JSON body of `null` is valid JSON that maps to no input structure: AWS's JSON services answer
  // 400 SerializationException (Smithy's protocol test RestJsonTechnicallyValidJsonBody).
  if ((located.rest || located.json !== undefined) && JSON_NULL.test(located.json ?? req.body.toString('utf8'))) {
    throw new AwsError('SerializationException', 'VALUE_NULL can not be converted to a Structure', 400, 'Sender');
  }
  if (located.rest) {
    return decodeRestJsonInput(
      service.model,
      operation,
      req.rawPath,
      new URLSearchParams(req.rawQuery),
      req.headers,
      req.body.toString('utf8'),
    );
  }
  if (located.json !== undefined) return decodeJsonInput(service.model, operation, located.json);
  return decodeQueryInput(service.model, operation, located.params!);
}

/** An operation the model does not have. */
export function unknownOperation(service: DispatchService, operation: string): AwsError {
  if (service.protocol !== 'query')
    return new AwsError('UnknownOperationException', `Unknown operation ${operation}`, 400);
  return new AwsError(
    'InvalidAction',
    `Could not find operation ${operation} for version ${service.model.metadata.apiVersion}`,
    400,
  );
}

/** In the model but without a handler yet: AWS's unsupported-action error, never a crash. */
export function notImplemented(service: DispatchService, operation: string): AwsError {
  const message = `The action ${operation} is not implemented by Ward yet.`;
  if (service.protocol !== 'query') return new AwsError('UnknownOperationException', message, 400);
  return new AwsError('InvalidAction', message, 400);
}

/** The operation exists in the service's model. */
export const modelled = (service: DispatchService, operation: string): boolean =>
  findOperation(service.model, operation) !== undefined;

function queryOperation<S extends DispatchService>(
  req: WireRequest,
  services: ReadonlyMap<string, S>,
  scopeService: string | undefined,
): Dispatched<S> {
  const form = req.method === 'POST' && req.body.length > 0 ? req.body.toString('utf8') : '';
  // The query string's parameters, then the form's. Most calls have only one of them: it is parsed
  // once, with no second URLSearchParams to copy across (each costs ~0.5 µs to make).
  let params: URLSearchParams;
  if (form === '') params = new URLSearchParams(req.rawQuery);
  else if (req.rawQuery === '') params = new URLSearchParams(form);
  else {
    params = new URLSearchParams(req.rawQuery);
    for (const [k, v] of new URLSearchParams(form)) params.append(k, v);
  }
  const action = params.get('Action');
  // Only a plausible operation name is repeated into the record of a refused request.
  const named = action && /^[A-Za-z]{1,128}$/.test(action) ? { operation: action } : {};
  const name = scopeService ?? QUERY_VERSIONS[params.get('Version') ?? ''] ?? 'iam';
  const service = services.get(name);
  if (!service || service.protocol !== 'query') {
    const error = new AwsError(
      'InvalidAction',
      `Ward does not serve the ${name} service over the Query protocol.`,
      400,
    );
    return { ok: false, error, protocol: 'query', ...(service ? { service } : {}), ...named };
  }
  if (!action)
    return { ok: false, error: new AwsError('MissingAction', 'Missing Action', 400), protocol: 'query', service };
  return { ok: true, located: { service, operation: action, params } };
}

/** A REST-JSON service's operation named by the request's method and path (the Account service), if any. */
function restOperation<S extends DispatchService>(req: WireRequest, services: Iterable<S>): Located<S> | undefined {
  if (req.rawPath === '/' || req.rawPath === '') return undefined;
  for (const service of services) {
    if (service.protocol !== 'rest-json') continue;
    const found = findRestOperation(service.model, req.method, req.rawPath);
    if (found) return { service, operation: found.operation.name, rest: true };
  }
  return undefined;
}

function jsonOperation<S extends DispatchService>(
  target: string,
  req: WireRequest,
  services: Iterable<S>,
): Dispatched<S> {
  const dot = target.lastIndexOf('.');
  const prefix = target.slice(0, dot);
  for (const service of services) {
    const targetPrefix = service.model.metadata.targetPrefix;
    // Smithy-built SDKs may send the bare service shape name (`CloudTrail_20131101.LookupEvents`), as AWS accepts.
    if (
      service.protocol === 'json' &&
      targetPrefix !== undefined &&
      (targetPrefix === prefix || targetPrefix.endsWith(`.${prefix}`))
    ) {
      return { ok: true, located: { service, operation: target.slice(dot + 1), json: req.body.toString('utf8') } };
    }
  }
  const operation = dot >= 0 ? target.slice(dot + 1) : '';
  return {
    ok: false,
    error: new AwsError('UnknownOperationException', `Unknown target ${target}`, 400),
    protocol: 'json',
    ...(/^[A-Za-z]{1,128}$/.test(operation) ? { operation } : {}),
  };
}
