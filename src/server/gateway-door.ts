import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { Caller } from '../auth/authenticate.js';
import { accessDenied } from '../auth/authorizer.js';
import type { AuditedCall } from '../audit/trail.js';
import { backendRequest } from '../gateway/backend-request.js';
import { errorResponse } from '../gateway/error-response.js';
import { passBackHeaders } from '../gateway/forward.js';
import type { GatewayDeps, RoutedService } from '../gateway/gateway-deps.js';
import { authorizeQuestions } from '../gateway/authorize-questions.js';
import { afterForward } from '../gateway/bookkeeping.js';
import { ErrorCodeSniffer } from '../gateway/error-code-sniffer.js';
import { type GatewayAuth, authenticateGatewayRequest } from '../gateway/authenticate.js';
import { backendUnreachable, deniedFor, notServed } from '../gateway/service-errors.js';
import { readBounded } from '../gateway/read-bounded.js';
import { AwsError } from '../shared/aws-error.js';
import type { ClientAddress } from '../shared/client-address.js';
import type { RequestLog } from './request-log.js';
import { newRequestId } from '../shared/ids.js';
import type { IdentifiedOperation, RequestHead } from '../wire/routing/types.js';
import { callContext } from './call-context.js';
import {
  type PipelineDeps,
  auditedDecision,
  authenticateRequest,
  identify as identifyCaller,
  internalError,
  recordCall,
} from './pipeline.js';
import { gatewayFacts } from '../gateway/audit-facts.js';
import { partitionOf, textInPartition } from '../shared/partition.js';

export interface GatewayDoorDeps extends GatewayDeps {
  pipeline: PipelineDeps;
  clientAddress?: ClientAddress;
  logWouldDeny(entry: Record<string, unknown>): void;
  /** One line per answered request, as the API's (never bodies, secrets or signatures). */
  requestLog?: RequestLog;
  logError(err: unknown, message: string): void;
}

/**
 * The gateway's door into the pipeline: a request for a service Ward does not serve itself is
 * authenticated with the same code as Ward's own API, turned into IAM's questions by the models,
 * decided by the same evaluation service, forwarded to the service's backend with its body
 * streamed (verified on the way), and recorded as one call.
 */
export async function serveGateway(req: IncomingMessage, res: ServerResponse, deps: GatewayDoorDeps): Promise<void> {
  const started = performance.now();
  const head = requestHead(req);
  const remote = req.socket.remoteAddress ?? '';
  const forwardedFor = req.headers['x-forwarded-for'];
  const sourceIp = deps.clientAddress
    ? deps.clientAddress.of(remote, Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    : remote;
  const facts: AuditedCall = {
    requestId: newRequestId(),
    at: deps.pipeline.clock(),
    sourceIp,
    userAgent: req.headers['user-agent'] ?? '',
  };
  const routed = deps.routing.service(head, deps.s3Domains);
  if (!routed.ok) return refuse(res, req, routed.service, routed.protocol, routed.error, facts, deps, started);
  const service = routed.route;
  facts.service = service.eventService;
  const target = deps.targets.for(service.names);
  try {
    if (!target) throw notServed(service.names[0]!);
    // REST operations are named by the head alone; S3's body rules depend on the operation.
    const early = isRest(service) ? deps.routing.operation(head, service) : undefined;
    if (early && !early.ok) throw early.error;
    const auth = await authenticateGatewayRequest(
      deps,
      head,
      req,
      service,
      early?.op,
      {
        sigv4: (signed, parsed) => authenticateRequest(deps.pipeline, signed, parsed, facts.at, facts),
        s3: async (h, opts) => {
          const s3 = await deps.pipeline.authenticator.authenticateS3(h, facts.at, opts);
          if (s3.caller) identifyCaller(facts, s3.caller);
          return s3;
        },
      },
      facts.at,
    );
    const op = await identify(deps, head, service, auth, req, early?.op);
    facts.operation = op.operation;
    const caller = auth.caller;
    const ctx = callContext(facts.requestId, caller, facts.at, deps.pipeline.authorizer, {
      sourceIp,
      userAgent: facts.userAgent,
      secure: 'encrypted' in req.socket && req.socket.encrypted === true,
      host: req.headers.host,
    });
    const verdict = await authorizeQuestions(deps, ctx, op, caller, auth.s3Auth, (action, resource, decision) =>
      (facts.decisions ??= []).push(auditedDecision(action, resource, decision)),
    );
    facts.gateway = gatewayFacts(deps, service, op, verdict.questions);
    if (verdict.unresolved !== undefined) deps.logWouldDeny({ requestId: facts.requestId, reason: verdict.unresolved });
    if (verdict.denied) {
      const { action, resource, decision } = verdict.denied;
      // The caller's own partition's ARNs, as its other answers have (shared/partition.ts).
      const text = textInPartition(
        accessDenied(caller.principal, action, resource, decision).message,
        partitionOf(caller.region),
      );
      if (deps.mode === 'enforce') throw deniedFor(service.eventService, service.protocol, text);
      deps.logWouldDeny({
        requestId: facts.requestId,
        principal: caller.principal.arn,
        action,
        resource,
        reason: text,
      });
    }
    noteUse(deps.pipeline, caller, facts.at);
    const plan = backendRequest(head, {
      target: target.url,
      signingName: service.signingName,
      region: caller.region,
      ...(service.virtualHostedBucket !== undefined ? { virtualHostedBucket: service.virtualHostedBucket } : {}),
      body: auth.body.plan,
      ...(deps.backendCredentials(service.names) ? { credentials: deps.backendCredentials(service.names)! } : {}),
      now: facts.at,
    });
    const failedEarly = auth.body.failure();
    if (failedEarly) throw failedEarly;
    let backendRes: IncomingMessage;
    try {
      backendRes = await deps.client.send({ target: target.url, method: head.method, ...plan, body: auth.body.source });
    } catch (err) {
      if (auth.body.failure()) throw auth.body.failure()!;
      deps.logError(err, `gateway: the backend for ${service.names[0]} failed`);
      throw backendUnreachable(service.names[0]!);
    }
    const status = backendRes.statusCode ?? 502;
    const sniffer = status >= 400 ? new ErrorCodeSniffer(backendRes.headers) : undefined;
    res.writeHead(status, backendRes.statusMessage, passBackHeaders(backendRes));
    await pipeResponse(backendRes, res, sniffer);
    facts.gateway.status = status;
    if (sniffer?.code) facts.error = { code: sniffer.code, message: sniffer.message ?? '', status };
    if (status < 300) await afterForward(deps, service, op, caller, facts.at, facts.gateway.resources);
  } catch (err) {
    const error = err instanceof AwsError ? err : internalError(err);
    if (!(err instanceof AwsError)) deps.logError(err, 'gateway request failed');
    if (res.headersSent) res.destroy();
    else return refuse(res, req, service.eventService, service.protocol, error, facts, deps, started);
  }
  finish(deps, facts, started, req.method);
}

function requestHead(req: IncomingMessage): RequestHead {
  // node decodes the request line as latin1; the signature covers its UTF-8 bytes.
  const url = Buffer.from(req.url ?? '/', 'latin1').toString('utf8');
  const q = url.indexOf('?');
  const headers: Array<[string, string]> = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
  return {
    method: req.method ?? 'GET',
    rawPath: q < 0 ? url : url.slice(0, q),
    rawQuery: q < 0 ? '' : url.slice(q + 1),
    headers,
  };
}

/** The operation, with the body's members when the body carries the input (read, bounded, first). */
async function identify(
  deps: GatewayDoorDeps,
  head: RequestHead,
  service: RoutedService,
  auth: GatewayAuth,
  req: IncomingMessage,
  known: IdentifiedOperation | undefined,
): Promise<IdentifiedOperation> {
  const found = known ? { ok: true as const, op: known } : deps.routing.operation(head, service);
  if (!found.ok) throw found.error;
  if (!found.op.bodyHoldsInput) return found.op;
  // The body as verified (S3's x-amz-content-sha256) or as read for the signature's hash.
  const body = auth.body.buffered ?? (await readBounded(auth.body.source as Readable, deps.bufferLimit));
  auth.body.useBuffered(body);
  const decoded = deps.routing.decodeBody(found.op, head, body, service);
  if (!decoded.ok) throw decoded.error;
  return decoded.op;
}

const isRest = (service: RoutedService): boolean => service.protocol === 'rest-json' || service.protocol === 'rest-xml';

function noteUse(pipeline: PipelineDeps, caller: Caller, now: Date): void {
  if (caller.accessKeyId?.startsWith('AKIA'))
    pipeline.lastUsed.record(caller.accessKeyId, now, caller.service, caller.region);
  const p = caller.principal;
  if (p.accountId) pipeline.lastUsed.recordService(p.accountId, p.arn, caller.service, now, caller.region);
}

function pipeResponse(from: Readable, to: ServerResponse, sniffer?: ErrorCodeSniffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (sniffer) from.on('data', (chunk: Buffer) => sniffer.feed(chunk));
    from.once('error', (err) => {
      to.destroy(err);
      reject(err);
    });
    to.once('close', () => resolve());
    from.pipe(to);
  });
}

function refuse(
  res: ServerResponse,
  req: IncomingMessage,
  service: string,
  protocol: Parameters<typeof errorResponse>[1],
  error: AwsError,
  facts: AuditedCall,
  deps: GatewayDoorDeps,
  started: number,
): void {
  facts.error = { code: error.code, message: error.message, status: error.status };
  const answer = errorResponse(service, protocol, error, facts.requestId);
  // The body may be unread (a refusal before forwarding): the connection cannot carry another request.
  if (!req.readableEnded) answer.headers.Connection = 'close';
  res.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(answer.body.length) });
  res.end(answer.body);
  if (!req.readableEnded) req.resume();
  finish(deps, facts, started, req.method);
}

function finish(deps: GatewayDoorDeps, facts: AuditedCall, started: number, method?: string): void {
  deps.requestLog?.write({
    requestId: facts.requestId,
    method,
    service: facts.service,
    action: facts.operation,
    status: facts.gateway?.status ?? facts.error?.status ?? 200,
    errorCode: facts.error?.code,
    principal: facts.principal?.arn,
    accessKeyId: facts.accessKeyId,
    sourceIp: facts.sourceIp,
    ms: performance.now() - started,
  });
  if (facts.gateway && !facts.gateway.record) {
    deps.pipeline.metrics?.observe('gateway', facts, (performance.now() - started) / 1000);
    return;
  }
  void recordCall(deps.pipeline, facts, 'gateway', started);
}
