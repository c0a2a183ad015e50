import type { Authenticator, Caller } from '../auth/authenticate.js';
import type { Authorizer } from '../auth/authorizer.js';
import type { LastUsedRecorder } from '../auth/last-used.js';
import { AwsError } from '../shared/aws-error.js';
import { newRequestId } from '../shared/ids.js';
import { type IncomingSignedRequest, requestedRegion, sha256Hex } from '../sigv4/index.js';
import {
  decodeJsonInput,
  collectOutputIssues,
  decodeQueryInput,
  decodeRestJsonInput,
  findOperation,
  findRestOperation,
  serializeJsonError,
  serializeJsonResponse,
  serializeQueryError,
  serializeQueryResponse,
  serializeRestJsonError,
  serializeRestJsonResponse,
  validateInput,
} from '../wire/index.js';
import type { AuditHook } from '../audit/trail.js';
import { type RawRequest, headerValue } from './raw-request.js';
import type { ServiceDef, ServiceName } from './services.js';
import { type CallOrigin, callContext } from './call-context.js';

export interface ApiDeps {
  services: ReadonlyMap<ServiceName, ServiceDef>;
  authenticator: Authenticator;
  authorizer: Authorizer;
  lastUsed: LastUsedRecorder;
  clock: () => Date;
  /** The audit trail: told of every call, allowed or not (src/audit/trail.ts). */
  audit?: AuditHook;
  /** Tests only: refuse a handler output the model does not allow (a 500 naming the broken constraint). */
  checkOutputs?: boolean;
  /** Emulator mode: any real region in the credential scope, as moto takes any (see sigv4/scope-region.ts). */
  emulator?: boolean;
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
}

type Protocol = ServiceDef['protocol'];

/** Query-protocol services are told apart by their API version when a request is unsigned. */
const QUERY_VERSIONS: Record<string, ServiceName> = { '2010-05-08': 'iam', '2011-06-15': 'sts' };

interface Dispatch {
  service: ServiceDef;
  operation: string;
  params?: URLSearchParams;
  json?: string;
  /** REST-JSON: the operation was named by method and path. */
  rest?: true;
}

/** What the audit trail needs beyond the response. */
interface Seen {
  at?: Date;
  signed?: IncomingSignedRequest;
  input?: unknown;
  output?: unknown;
  error?: AwsError;
}

export async function handleApi(raw: RawRequest, deps: ApiDeps): Promise<ApiResponse> {
  const seen: Seen = {};
  const response = await serveApi(raw, deps, seen);
  deps.audit?.record({
    requestId: response.requestId,
    at: seen.at ?? deps.clock(),
    sourceIp: raw.remoteAddress,
    userAgent: headerValue(raw, 'user-agent') ?? '',
    service: response.service,
    operation: response.action,
    input: seen.input,
    output: seen.output,
    caller: response.caller,
    signed: seen.signed,
    error: seen.error && { code: seen.error.code, message: seen.error.message },
    // Authentication failed before dispatch: the trail reads the operation from the body itself.
    body: response.action === undefined ? raw.body : undefined,
  });
  const behind = deps.audit?.pressure();
  if (behind) await behind;
  return response;
}

async function serveApi(raw: RawRequest, deps: ApiDeps, seen: Seen): Promise<ApiResponse> {
  const requestId = newRequestId();
  const now = deps.clock();
  const signed = toSignedRequest(raw);
  Object.assign(seen, { at: now, signed });
  const target = headerValue(raw, 'x-amz-target');
  const rest = target ? undefined : restDispatch(raw, signed, deps);
  let protocol: Protocol = target ? 'json' : rest ? 'rest-json' : 'query';
  let dispatch: Dispatch | undefined;
  let caller: Caller | undefined;
  try {
    const authn = scopedToRealRegion(await deps.authenticator.authenticate(signed, now), deps);
    const scopeService = 'unsigned' in authn ? undefined : authn.service;
    if (!target && !rest && deps.services.get(scopeService as ServiceName)?.protocol === 'rest-json') {
      protocol = 'rest-json';
      throw new AwsError('UnknownOperationException', `No ${scopeService} operation is ${raw.method} ${signed.rawPath}`, 404);
    }
    dispatch = target ? jsonDispatch(target, raw, deps) : (rest ?? queryDispatch(raw, signed, deps, scopeService));
    protocol = dispatch.service.protocol;
    const { service, operation } = dispatch;
    if (!findOperation(service.model, operation)) throw unknownOperation(service, operation);
    const handler = Object.hasOwn(service.handlers, operation) ? service.handlers[operation] : undefined;
    if (!handler) throw notImplemented(service, operation);
    if ('unsigned' in authn) {
      if (!service.anonymous.has(operation)) throw authn.unsigned;
      caller = anonymousCaller(service.name);
    } else {
      caller = authn;
    }
    if ((dispatch.rest || dispatch.json !== undefined) && JSON_NULL.test(dispatch.json ?? raw.body.toString('utf8'))) throw nullBody();
    const input = dispatch.rest
      ? decodeRestJsonInput(service.model, operation, signed.rawPath, new URLSearchParams(signed.rawQuery), raw.headers, raw.body.toString('utf8'))
      : dispatch.json !== undefined ? decodeJsonInput(service.model, operation, dispatch.json) : decodeQueryInput(service.model, operation, dispatch.params!);
    seen.input = input;
    const invalid = validateInput(service.model, operation, input);
    if (invalid) throw invalid;
    if (caller.accessKeyId) deps.lastUsed.record(caller.accessKeyId, now, caller.service, caller.region);
    // Unsigned callers (web identity before its token is checked) have no principal to credit yet.
    if (caller.principal.accountId) deps.lastUsed.recordService(caller.principal.accountId, caller.principal.arn, caller.service, now, caller.region);
    const ctx = callContext(requestId, caller, now, deps.authorizer, originOf(raw));
    const output = await handler(input as never, ctx);
    if (deps.checkOutputs) assertOutputFits(service, operation, output);
    seen.output = output;
    if (protocol === 'rest-json') {
      const r = serializeRestJsonResponse(service.model, operation, output);
      const status = findOperation(service.model, operation)?.http.responseCode ?? 200;
      return { status, contentType: contentTypeOf(protocol), body: r.body, headers: r.headers, requestId, service: service.name, action: operation, caller };
    }
    const body = protocol === 'json' ? serializeJsonResponse(service.model, operation, output) : serializeQueryResponse(service.model, operation, output, requestId);
    return { status: 200, contentType: contentTypeOf(protocol), body, requestId, service: service.name, action: operation, caller };
  } catch (err) {
    const error = inProtocol(err instanceof AwsError ? err : internalError(err), protocol);
    seen.error = error;
    const xmlNamespace = dispatch?.service.model.metadata.xmlNamespace ?? deps.services.get('iam')!.model.metadata.xmlNamespace ?? '';
    const restError = protocol === 'rest-json' ? serializeRestJsonError(error) : undefined;
    const body = restError ? restError.body : protocol === 'json' ? serializeJsonError(error) : serializeQueryError(error, requestId, xmlNamespace);
    const response: ApiResponse = { status: error.status, contentType: contentTypeOf(protocol), body, requestId, errorCode: error.code };
    if (restError) response.headers = restError.headers;
    if (dispatch) Object.assign(response, { service: dispatch.service.name, action: dispatch.operation });
    if (caller) response.caller = caller;
    if (!(err instanceof AwsError)) (response as ApiResponse & { cause?: unknown }).cause = err;
    return response;
  }
}

/** The scope region, checked, becomes the caller's region (aws:RequestedRegion): never an invented one. */
function scopedToRealRegion<T extends Caller | { unsigned: AwsError }>(authn: T, deps: ApiDeps): T {
  if ('unsigned' in authn) return authn;
  const checked = requestedRegion(authn.service, authn.region, deps.emulator);
  if (!checked.ok) throw new AwsError(checked.code, checked.message, checked.status);
  return checked.region === authn.region ? authn : { ...authn, region: checked.region };
}

const JSON_NULL = /^[ \t\r\n]*null[ \t\r\n]*$/;

/**
 * A JSON body of `null` is valid JSON that maps to no input structure: AWS's JSON services answer
 * 400 SerializationException (Smithy's protocol test RestJsonTechnicallyValidJsonBody).
 */
function nullBody(): AwsError {
  return new AwsError('SerializationException', 'VALUE_NULL can not be converted to a Structure', 400, 'Sender');
}

/**
 * The caller of an operation AWS serves unsigned (sts:AssumeRoleWithWebIdentity): nobody. Its
 * handler authenticates by the token in the request and never asks `ctx.authorize`.
 */
function anonymousCaller(service: string): Caller {
  return { principal: { kind: 'root', accountId: '', arn: 'anonymous', userId: 'anonymous' }, region: 'us-east-1', service, anonymous: true };
}

function queryDispatch(raw: RawRequest, signed: IncomingSignedRequest, deps: ApiDeps, scopeService: string | undefined): Dispatch {
  const params = new URLSearchParams(signed.rawQuery);
  if (raw.method === 'POST' && raw.body.length > 0) {
    for (const [k, v] of new URLSearchParams(raw.body.toString('utf8'))) params.append(k, v);
  }
  const name = (scopeService ?? QUERY_VERSIONS[params.get('Version') ?? ''] ?? 'iam') as ServiceName;
  const service = deps.services.get(name);
  if (!service || service.protocol !== 'query') {
    throw new AwsError('InvalidAction', `Ward does not serve the ${name} service over the Query protocol.`, 400);
  }
  const action = params.get('Action');
  if (!action) throw new AwsError('MissingAction', 'Missing Action', 400);
  return { service, operation: action, params };
}

/** A REST-JSON service's operation named by the request's method and path (the Account service), if any. */
function restDispatch(raw: RawRequest, signed: IncomingSignedRequest, deps: ApiDeps): Dispatch | undefined {
  if (signed.rawPath === '/' || signed.rawPath === '') return undefined;
  for (const service of deps.services.values()) {
    if (service.protocol !== 'rest-json') continue;
    const found = findRestOperation(service.model, raw.method, signed.rawPath);
    if (found) return { service, operation: found.operation.name, rest: true };
  }
  return undefined;
}

function jsonDispatch(target: string, raw: RawRequest, deps: ApiDeps): Dispatch {
  const dot = target.lastIndexOf('.');
  const prefix = target.slice(0, dot);
  for (const service of deps.services.values()) {
    const targetPrefix = service.model.metadata.targetPrefix;
    // Smithy-built SDKs may send the bare service shape name (`CloudTrail_20131101.LookupEvents`), as AWS accepts.
    if (service.protocol === 'json' && targetPrefix !== undefined && (targetPrefix === prefix || targetPrefix.endsWith(`.${prefix}`))) {
      return { service, operation: target.slice(dot + 1), json: raw.body.toString('utf8') };
    }
  }
  throw new AwsError('UnknownOperationException', `Unknown target ${target}`, 400);
}

/**
 * Where AWS's own answers break its model, Ward answers as AWS does: the root user has no UserName
 * or Path and its 12-digit account ID as UserId (GetUser, and the User of root's MFA device); SSH
 * key fingerprints are 47-character MD5 colon-hex; ReadOnlyAccess's URL-encoded document is over
 * the 131072-character document limit.
 */
const KNOWN_OUTPUT_GAPS = [
  /^GetUser:user\.(userName|path|userId)$/,
  /^ListVirtualMFADevices:virtualMFADevices\.\d+\.member\.user\.(userName|path|userId)$/,
  /^(Upload|Get|Update)SSHPublicKey:sSHPublicKey\.fingerprint$/,
  /^(GetPolicyVersion|ListPolicyVersions|GetAccountAuthorizationDetails):.*\.document$/,
];

function assertOutputFits(service: ServiceDef, operation: string, output: unknown): void {
  const issues = collectOutputIssues(service.model, operation, output).filter((i) => !KNOWN_OUTPUT_GAPS.some((gap) => gap.test(`${operation}:${i.path}`)));
  if (issues.length > 0) throw new AwsError('ServiceFailure', `${operation} output breaks the model: ${issues.map((i) => i.message).join('; ')}`, 500);
}

/**
 * The authorizer speaks Query's `AccessDenied`; JSON services (Organizations, CloudTrail) call the
 * same denial `AccessDeniedException`, as their models and the SDKs expect.
 */
function inProtocol(error: AwsError, protocol: Protocol): AwsError {
  if (protocol !== 'query' && error.code === 'AccessDenied') return new AwsError('AccessDeniedException', error.message, error.status);
  return error;
}

export function unknownOperation(service: ServiceDef, operation: string): AwsError {
  if (service.protocol !== 'query') return new AwsError('UnknownOperationException', `Unknown operation ${operation}`, 400);
  return new AwsError('InvalidAction', `Could not find operation ${operation} for version ${service.model.metadata.apiVersion}`, 400);
}

/** In the model but without a handler yet: AWS's unsupported-action error, never a crash. */
export function notImplemented(service: ServiceDef, operation: string): AwsError {
  const message = `The action ${operation} is not implemented by Ward yet.`;
  if (service.protocol !== 'query') return new AwsError('UnknownOperationException', message, 400);
  return new AwsError('InvalidAction', message, 400);
}

export function internalError(_err: unknown): AwsError {
  return new AwsError('ServiceFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500);
}

function contentTypeOf(protocol: Protocol): string {
  if (protocol === 'rest-json') return 'application/json';
  return protocol === 'json' ? 'application/x-amz-json-1.1' : 'text/xml';
}

function originOf(raw: RawRequest): CallOrigin {
  return { sourceIp: raw.remoteAddress, userAgent: headerValue(raw, 'user-agent') ?? '', secure: raw.secure, host: headerValue(raw, 'host') };
}

function toSignedRequest(raw: RawRequest): IncomingSignedRequest {
  const q = raw.url.indexOf('?');
  return {
    method: raw.method,
    rawPath: q < 0 ? raw.url : raw.url.slice(0, q),
    rawQuery: q < 0 ? '' : raw.url.slice(q + 1),
    headers: raw.headers,
    payloadSha256Hex: sha256Hex(raw.body),
  };
}
