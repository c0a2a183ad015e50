import { isLoopback, tokenMatches } from '../authorize-caller.js';

/**
 * Who may read /metrics. The figures map an identity service's traffic (which operations are
 * called, how often they are denied and by which policy layer, how far the audit trail is behind),
 * so by default only processes on this host see them (a Prometheus agent or node exporter sidecar
 * there); `on` serves anyone who reaches the port, `off` removes the endpoint, and a token
 * (`Authorization: Bearer …`) lets a remote Prometheus scrape in any mode but `off`.
 */
export type MetricsMode = 'off' | 'loopback' | 'on';

export interface MetricsAccess {
  mode: MetricsMode;
  token?: string;
}

export type MetricsVerdict = { allowed: true } | { allowed: false; status: 401 | 403 | 404; message: string };

/** Headers a reverse proxy adds: a request carrying one did not start on this host, whatever its peer address. */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/** The request as the access check needs it: the socket's peer (never X-Forwarded-For) and its headers, names lower-case. */
export interface MetricsRequest {
  peer: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

export function metricsAccess(access: MetricsAccess, request: MetricsRequest): MetricsVerdict {
  const authorization = one(request.headers.authorization);
  if (access.mode === 'off') return { allowed: false, status: 404, message: 'Not found' };
  if (authorization !== undefined && authorization !== '') {
    // A credential that is presented must be right, even where none is needed: a misconfigured scraper hears of it.
    const bearer = /^Bearer\s+(.+)$/i.exec(authorization.trim())?.[1];
    if (access.token !== undefined && bearer !== undefined && tokenMatches(access.token, bearer))
      return { allowed: true };
    return { allowed: false, status: 401, message: 'The bearer token presented to /metrics is not valid.' };
  }
  if (access.mode === 'on') return { allowed: true };
  const proxied = PROXY_HEADERS.some((n) => request.headers[n] !== undefined);
  // A browser on this host fetching for a web page (a DNS-rebinding page included) is not the
  // host's own scraper; someone typing the URL (Sec-Fetch-Site: none) and non-browser clients are.
  const site = one(request.headers['sec-fetch-site']);
  const fromPage = (site !== undefined && site !== 'none') || request.headers.origin !== undefined;
  if (isLoopback(request.peer) && !proxied && !fromPage) return { allowed: true };
  if (access.token !== undefined)
    return {
      allowed: false,
      status: 401,
      message: 'A valid bearer token is required to read /metrics from another host.',
    };
  return {
    allowed: false,
    status: 403,
    message:
      '/metrics answers only this host (WARD_METRICS=loopback): set WARD_METRICS_TOKEN for a remote scraper, or WARD_METRICS=on to serve anyone.',
  };
}

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v.join(',') : v);
