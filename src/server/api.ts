import type { Caller } from '../auth/authenticate.js';
import type { AuditedCall } from '../audit/trail.js';
import { AwsError } from '../shared/aws-error.js';
import type { ClientAddress } from '../shared/client-address.js';
import { parseArn } from '../shared/arn.js';
import { newRequestId } from '../shared/ids.js';
import { type IncomingSignedRequest, parseAuthorization, partitionHomeRegion, sha256Hex } from '../sigv4/index.js';
import {
  findOperation,
  serializeJsonError,
  serializeJsonResponse,
  serializeQueryError,
  serializeQueryResponse,
  serializeRestJsonError,
  serializeRestJsonResponse,
} from '../wire/index.js';
import {
  type Protocol,
  type WireRequest,
  decodeOperationInput,
  locateOperation,
  routeRequest,
} from '../wire/dispatch.js';
import type { CallOrigin } from './call-context.js';
import {
  type PipelineDeps,
  authenticateRequest,
  handlerOf,
  identify,
  internalError,
  recordCall,
  runOperation,
} from './pipeline.js';
import { type RawRequest, headerValue } from './raw-request.js';
import type { ServiceDef } from './services.js';

export interface ApiDeps extends PipelineDeps {
  /** Reads the client's address (X-Forwarded-For from trusted proxies only); absent: the socket's peer. */
  clientAddress?: ClientAddress;
}

export interface ApiResponse {
  status: number;
  contentType: string;
  body: string;
  requestId: string;
  /** For the request log. */
  service?: string;
  action?: string;
  caller?: Caller;
  errorCode?: string;
  /** Extra response headers (REST-JSON's `x-amzn-ErrorType`). */
  headers?: Record<string, string>;
  /** The client's address as the edge computed it. */
  sourceIp?: string;
}

/**
 * A signed (or anonymous) API request through the pipeline: the edge reads the wire — the
 * signature's key and scope, the operation by the models — and the pipeline authenticates,
 * authorizes, runs the handler and records what it learned.
 */
export async function handleApi(raw: RawRequest, deps: ApiDeps): Promise<ApiResponse> {
  const started = performance.now();
  const origin = originOf(raw, deps.clientAddress);
  const facts: AuditedCall = {
    requestId: newRequestId(),
    at: deps.clock(),
    sourceIp: origin.sourceIp,
    userAgent: origin.userAgent,
  };
  const response = await serveApi(raw, deps, origin, facts);
  const behind = recordCall(deps, facts, 'api', started);
  if (behind) await behind;
  return response;
}

async function serveApi(raw: RawRequest, deps: ApiDeps, origin: CallOrigin, facts: AuditedCall): Promise<ApiResponse> {
  const { requestId, at: now } = facts;
  const signed = toSignedRequest(raw);
  const parsed = parseAuthorization(signed);
  if (parsed.ok) Object.assign(facts, { accessKeyId: parsed.auth.accessKeyId, region: parsed.auth.region });
  const wire: WireRequest = {
    method: raw.method,
    rawPath: signed.rawPath,
    rawQuery: signed.rawQuery,
    target: headerValue(raw, 'x-amz-target'),
    headers: raw.headers,
    body: raw.body,
  };
  const route = routeRequest(wire, deps.services.values());
  let protocol: Protocol = route.protocol;
  let service: ServiceDef | undefined;
  let caller: Caller | undefined;
  let authenticated = false;
  try {
    const authn = await authenticateRequest(deps, signed, parsed, now, facts);
    authenticated = true;
    const dispatched = locateOperation(wire, route, deps.services, 'unsigned' in authn ? undefined : authn.service);
    if (!dispatched.ok) {
      protocol = dispatched.protocol;
      named(facts, dispatched.service, dispatched.operation);
      throw dispatched.error;
    }
    const located = dispatched.located;
    service = located.service;
    protocol = service.protocol;
    const { operation } = located;
    named(facts, service, operation);
    const handler = handlerOf(service, operation);
    if ('unsigned' in authn) {
      if (!service.anonymous.has(operation)) throw authn.unsigned;
      caller = anonymousCaller(service.name);
      identify(facts, caller);
    } else {
      caller = authn;
    }
    const input = decodeOperationInput(located, wire);
    if (caller.anonymous) caller = inNamedPartition(caller, input, facts);
    facts.input = input;
    const output = await runOperation(
      deps,
      { requestId, now, service, operation, handler, input, caller, origin },
      facts,
    );
    if (protocol === 'rest-json') {
      const r = serializeRestJsonResponse(service.model, operation, output);
      const status = findOperation(service.model, operation)?.http.responseCode ?? 200;
      return {
        status,
        contentType: contentTypeOf(protocol),
        body: r.body,
        headers: r.headers,
        requestId,
        service: service.name,
        action: operation,
        caller,
        sourceIp: origin.sourceIp,
      };
    }
    const body =
      protocol === 'json'
        ? serializeJsonResponse(service.model, operation, output)
        : serializeQueryResponse(service.model, operation, output, requestId);
    return {
      status: 200,
      contentType: contentTypeOf(protocol),
      body,
      requestId,
      service: service.name,
      action: operation,
      caller,
      sourceIp: origin.sourceIp,
    };
  } catch (err) {
    // Refused before dispatch: the record still names the operation the request asked for.
    if (!authenticated) {
      const asked = locateOperation(wire, route, deps.services, parsed.ok ? parsed.auth.service : undefined);
      if (asked.ok) named(facts, asked.located.service, asked.located.operation);
      else named(facts, asked.service, asked.operation);
    }
    const error = inProtocol(err instanceof AwsError ? err : internalError(err), protocol);
    facts.error = { code: error.code, message: error.message, status: error.status };
    const xmlNamespace =
      service?.model.metadata.xmlNamespace ?? deps.services.get('iam')!.model.metadata.xmlNamespace ?? '';
    const restError = protocol === 'rest-json' ? serializeRestJsonError(error) : undefined;
    const body = restError
      ? restError.body
      : protocol === 'json'
        ? serializeJsonError(error)
        : serializeQueryError(error, requestId, xmlNamespace);
    const response: ApiResponse = {
      status: error.status,
      contentType: contentTypeOf(protocol),
      body,
      requestId,
      errorCode: error.code,
      sourceIp: origin.sourceIp,
    };
    if (restError) response.headers = restError.headers;
    if (service) Object.assign(response, { service: service.name, action: facts.operation });
    if (caller) response.caller = caller;
    if (!(err instanceof AwsError)) (response as ApiResponse & { cause?: unknown }).cause = err;
    return response;
  }
}

function named(facts: AuditedCall, service: ServiceDef | undefined, operation: string | undefined): void {
  if (service) facts.service = service.name;
  if (operation !== undefined) facts.operation = operation;
}

/**
 * The caller of an operation AWS serves unsigned (sts:AssumeRoleWithWebIdentity): nobody. Its
 * handler authenticates by the token in the request and never asks `ctx.authorize`.
 */
function anonymousCaller(service: string): Caller {
  return {
    principal: { kind: 'root', accountId: '', arn: 'anonymous', userId: 'anonymous' },
    region: 'us-east-1',
    service,
    anonymous: true,
  };
}

/**
 * An unsigned call (AssumeRoleWithWebIdentity, AssumeRoleWithSAML) has no credential scope to
 * name its region, and AWS answers it in its endpoint's partition. Ward, reached at its own
 * endpoint, takes the partition the role ARN names and that partition's home region, so a client
 * of aws-cn gets its session's ARNs in aws-cn rather than a refusal of its own role's ARN.
 */
function inNamedPartition(caller: Caller, input: unknown, facts: AuditedCall): Caller {
  const roleArn = (input as { RoleArn?: unknown } | undefined)?.RoleArn;
  const partition = typeof roleArn === 'string' ? parseArn(roleArn)?.partition : undefined;
  const region = partition === undefined ? undefined : partitionHomeRegion(partition);
  if (region === undefined || region === caller.region) return caller;
  const named = { ...caller, region };
  identify(facts, named);
  return named;
}

/**
 * The authorizer speaks Query's `AccessDenied`; JSON services (Organizations, CloudTrail) call the
 * same denial `AccessDeniedException`, as their models and the SDKs expect.
 */
function inProtocol(error: AwsError, protocol: Protocol): AwsError {
  if (protocol !== 'query' && error.code === 'AccessDenied')
    return new AwsError('AccessDeniedException', error.message, error.status);
  return error;
}

function contentTypeOf(protocol: Protocol): string {
  if (protocol === 'rest-json') return 'application/json';
  return protocol === 'json' ? 'application/x-amz-json-1.1' : 'text/xml';
}

/** Where the call came from: the client's address computed once, here, for aws:SourceIp and the record alike. */
function originOf(raw: RawRequest, clientAddress: ClientAddress | undefined): CallOrigin {
  const sourceIp = clientAddress
    ? clientAddress.of(raw.remoteAddress, clientAddress.trustsProxies ? headerValue(raw, 'x-forwarded-for') : undefined)
    : raw.remoteAddress;
  return {
    sourceIp,
    userAgent: headerValue(raw, 'user-agent') ?? '',
    secure: raw.secure,
    host: headerValue(raw, 'host'),
  };
}

function toSignedRequest(raw: RawRequest): IncomingSignedRequest {
  const q = raw.url.indexOf('?');
  return {
    method: raw.method,
    rawPath: q < 0 ? raw.url : raw.url.slice(0, q),
    rawQuery: q < 0 ? '' : raw.url.slice(q + 1),
    headers: raw.headers,
    payloadSha256Hex: payloadSha256Hex(raw.body),
  };
}

const SMALL_BODY = 128;
const REMEMBERED_BODIES = 256;
const smallBodyHashes = new Map<string, string>();

/**
 * The SHA-256 a signature covers, remembered for small bodies: a few recur across every client
 * (GetCallerIdentity's is the same for every SDK and tool that checks its credentials), and in the
 * request's context the digest cost ~0.5 µs of a ~10 µs call. Keyed by the bytes themselves
 * (latin1 maps each byte to one character), so only an identical body finds a digest.
 */
function payloadSha256Hex(body: Buffer): string {
  if (body.length > SMALL_BODY) return sha256Hex(body);
  const bytes = body.toString('latin1');
  let digest = smallBodyHashes.get(bytes);
  if (digest === undefined) {
    if (smallBodyHashes.size >= REMEMBERED_BODIES) smallBodyHashes.clear();
    digest = sha256Hex(body);
    smallBodyHashes.set(bytes, digest);
  }
  return digest;
}
