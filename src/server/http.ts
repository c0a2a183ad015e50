import { SAML_ACS_PATH } from './cross-origin.js';
import type { IncomingMessage, RequestListener, Server, ServerOptions, ServerResponse } from 'node:http';
import { AwsError } from '../shared/aws-error.js';
import { serializeQueryError } from '../wire/index.js';
import { type ApiDeps, type ApiResponse, handleApi } from './api.js';
import { type AuthorizeDeps, authorizeRoute } from './authorize-route.js';
import { crossOriginRefusal } from './cross-origin.js';
import { type EmulatorControl, emulatorRoute } from './emulator-routes.js';
import type { Logger } from './logger.js';
import { type RawRequest, headerValue, readRawRequest } from './raw-request.js';
import type { RequestLog } from './request-log.js';
import type { ClientAddress } from '../shared/client-address.js';
import { type MetricsAccess, metricsAccess } from './metrics/access.js';
import type { Readiness } from './readiness.js';
import { isForGateway, virtualHostedBucket } from '../gateway/entry-rule.js';
import { type GatewayDoorDeps, serveGateway } from './gateway-door.js';
import { writeAtTurnEnd } from './coalesced-writes.js';

/** /metrics: who may read it, and the registry it renders (absent when the mode is `off`). */
export interface MetricsEndpoint {
  access: MetricsAccess;
  registry?: { metrics(): Promise<string>; contentType: string };
}

export interface ListenerDeps {
  api: ApiDeps;
  logger: Logger;
  /** Answered API requests, a line each (failures with a cause go to `logger` as errors). */
  requestLog: RequestLog;
  bodyLimit: number;
  /** Present only in emulator mode: outside it the moto-api paths do not exist. */
  emulator?: EmulatorControl;
  authorize: AuthorizeDeps;
  /** The web console, served under /console. */
  console?: RequestListener;
  /** The client's address behind trusted proxies (absent: the socket's peer). */
  clientAddress?: ClientAddress;
  /** GET /ready: the store answers and the audit trail records (absent: only /health). */
  readiness?: Readiness;
  metrics?: MetricsEndpoint;
  /** The gateway to backends (absent: no --gateway-target, and Ward serves only its own services). */
  gateway?: GatewayDoorDeps;
}

export function createRequestListener(deps: ListenerDeps): RequestListener {
  return (req, res) => {
    void route(req, res, deps).catch((err: unknown) => {
      deps.logger.error({ err }, 'request failed outside the API handler');
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error');
    });
  };
}

async function route(req: IncomingMessage, res: ServerResponse, deps: ListenerDeps): Promise<void> {
  const path = (req.url ?? '/').split('?', 1)[0]!;
  const gateway = deps.gateway;
  // A virtual-hosted bucket's every path is the bucket's, /console and /health included.
  if (gateway && req.headers.host && virtualHostedBucket(req.headers.host, gateway.s3Domains) !== undefined)
    return serveGateway(req, res, gateway);
  // Liveness: the process answers. Whether it should get traffic is /ready's question.
  if (req.method === 'GET' && path === '/health') return send(res, 200, 'application/json', '{"status":"ok"}');
  if (req.method === 'GET' && path === '/ready' && deps.readiness) {
    const report = await deps.readiness.check();
    return send(
      res,
      report.ready ? 200 : 503,
      'application/json',
      JSON.stringify(report.ready ? { status: 'ready' } : { status: 'not ready', ...report.problems }),
    );
  }
  if (req.method === 'GET' && path === '/metrics' && deps.metrics) return serveMetrics(req, res, deps.metrics);
  if (deps.emulator) {
    const refused = crossOriginRefusal({
      method: req.method ?? 'GET',
      path,
      host: req.headers.host,
      origin: req.headers.origin,
      secFetchSite: one(req.headers['sec-fetch-site']),
      secFetchMode: one(req.headers['sec-fetch-mode']),
      secure: 'encrypted' in req.socket && req.socket.encrypted === true,
    });
    if (refused) {
      res.setHeader('Connection', 'close');
      return send(
        res,
        403,
        'application/json',
        JSON.stringify({
          status: 'error',
          message: `Emulator mode refuses cross-origin browser requests (${refused}).`,
        }),
      );
    }
  }
  if (deps.emulator && path.startsWith('/moto-api/')) {
    const raw = await readRawRequest(req, deps.bodyLimit);
    const answer = await emulatorRoute(path, raw.method, raw.body, deps.emulator);
    if (answer) return send(res, answer.status, answer.contentType, answer.body);
  }

  if (deps.console && (path === '/console' || path.startsWith('/console/'))) return deps.console(req, res);
  // AWS's SAML endpoints are /saml and a provider's /saml/acs/<SAMLProviderUUID> (signin.aws.amazon.com):
  // the console answers them under /console.
  if (deps.console && SAML_ACS_PATH.test(path) && req.method === 'POST') {
    req.url = `/console${path}`;
    return deps.console(req, res);
  }
  // AWS's federation endpoint (signin.aws.amazon.com/federation), query string and all.
  if (deps.console && path === '/federation' && (req.method === 'GET' || req.method === 'HEAD')) {
    req.url = `/console${req.url ?? path}`;
    return deps.console(req, res);
  }

  if (req.method === 'POST' && path === '/authorize') {
    let raw: RawRequest;
    try {
      raw = await readRawRequest(req, deps.bodyLimit);
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      // The rest of an oversized body is not read; the connection cannot be reused.
      res.setHeader('Connection', 'close');
      return send(
        res,
        err.status,
        'application/json',
        JSON.stringify({ error: { code: err.code, message: err.message } }),
      );
    }
    const names = raw.headers.map(([name]) => name);
    const clientIp = deps.clientAddress
      ? deps.clientAddress.of(raw.remoteAddress, headerValue(raw, 'x-forwarded-for'))
      : raw.remoteAddress;
    const answer = await authorizeRoute(
      raw.body,
      { authorization: headerValue(raw, 'authorization'), peer: raw.remoteAddress, clientIp, headerNames: names },
      deps.authorize,
    );
    return send(res, answer.status, answer.contentType, answer.body);
  }

  if (
    gateway &&
    isForGateway(
      {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        host: req.headers.host,
        authorization: one(req.headers.authorization),
        target: one(req.headers['x-amz-target']),
      },
      gateway.s3Domains,
    )
  )
    return serveGateway(req, res, gateway);

  const started = process.hrtime.bigint();
  let response: ApiResponse;
  try {
    const raw = await readRawRequest(req, deps.bodyLimit);
    response = await handleApi(raw, deps.api);
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    const namespace = deps.api.services.get('iam')!.model.metadata.xmlNamespace ?? '';
    response = {
      status: err.status,
      contentType: 'text/xml',
      body: serializeQueryError(err, 'unknown', namespace),
      requestId: 'unknown',
      errorCode: err.code,
    };
    // The rest of an oversized body is not read; the connection cannot be reused.
    res.setHeader('Connection', 'close');
  }
  // One header object straight to writeHead: setHeader would build the response's header map first.
  const headers: Record<string, string | number> = {
    'Content-Type': response.contentType,
    'Content-Length': Buffer.byteLength(response.body),
    'x-amzn-RequestId': response.requestId,
  };
  if (response.headers) Object.assign(headers, response.headers);
  writeAtTurnEnd(res, response.status, headers, response.body, (err) =>
    deps.logger.error({ err }, 'an API answer could not be written'),
  );
  logRequest(deps, req, response, started);
}

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v.join(',') : v);

async function serveMetrics(req: IncomingMessage, res: ServerResponse, endpoint: MetricsEndpoint): Promise<void> {
  // The socket's peer, never X-Forwarded-For: only a request that started on this host counts as local.
  const verdict = metricsAccess(endpoint.access, { peer: req.socket.remoteAddress ?? '', headers: req.headers });
  if (!verdict.allowed || !endpoint.registry) {
    const status = verdict.allowed ? 404 : verdict.status;
    if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="ward-metrics"');
    return send(res, status, 'text/plain', verdict.allowed ? 'Not found' : verdict.message);
  }
  send(res, 200, endpoint.registry.contentType, await endpoint.registry.metrics());
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function logRequest(deps: ListenerDeps, req: IncomingMessage, r: ApiResponse, started: bigint): void {
  const entry = {
    requestId: r.requestId,
    method: req.method,
    service: r.service,
    action: r.action,
    status: r.status,
    errorCode: r.errorCode,
    principal: r.caller?.principal.arn,
    accessKeyId: r.caller?.accessKeyId,
    sourceIp: r.sourceIp ?? req.socket.remoteAddress,
    ms: Number(process.hrtime.bigint() - started) / 1e6,
  };
  const cause = (r as ApiResponse & { cause?: unknown }).cause;
  if (cause) deps.logger.error({ ...entry, err: cause }, 'request failed');
  else deps.requestLog.write(entry);
}

/** How long clients may take and how many may be connected at once (WARD_REQUEST_TIMEOUT_MS…). */
export interface ServerLimits {
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

/** No SDK sends more than a few dozen headers; node's default of 2000 only feeds a slow-loris. */
const MAX_HEADERS_COUNT = 200;

export function serverOptions(limits: ServerLimits): ServerOptions {
  return {
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: limits.headersTimeoutMs,
    // Node checks the timeouts on this interval (30 s by default), which would stretch a short timeout.
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 2))),
  };
}

export function applyServerLimits(server: Server, limits: ServerLimits): void {
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.maxHeadersCount = MAX_HEADERS_COUNT;
}
