import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Who is calling `POST /authorize`. The platform service proves itself with the bearer token and
 * may assert network facts and read matched-statement detail; with the operator's explicit opt-out
 * a process on this host may ask without a token, and hears only the decision.
 */
export type AuthorizeCaller =
  { kind: 'platform' } | { kind: 'loopback' } | { kind: 'refused'; status: 401 | 403; code: string; message: string };

export interface AuthorizeAccess {
  /** The token callers must present as `Authorization: Bearer <token>`. */
  token?: string;
  /** Let loopback peers call without a token (WARD_AUTHORIZE_ALLOW_LOOPBACK_WITHOUT_TOKEN=1). */
  allowLoopbackWithoutToken?: boolean;
}

const sha256 = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Hashing first gives both sides one length, so the comparison time says nothing about the token. */
export function tokenMatches(expected: string, presented: string): boolean {
  return timingSafeEqual(sha256(expected), sha256(presented));
}

export function isLoopback(address: string): boolean {
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/** Headers a reverse proxy adds: a request carrying one did not start on this host, whatever its peer address. */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

export function classifyAuthorizeCaller(
  access: AuthorizeAccess,
  authorization: string | undefined,
  remoteAddress: string,
  headerNames: readonly string[],
): AuthorizeCaller {
  if (authorization !== undefined && authorization !== '') {
    const bearer = /^Bearer\s+(.+)$/i.exec(authorization.trim())?.[1];
    if (access.token !== undefined && bearer !== undefined && tokenMatches(access.token, bearer))
      return { kind: 'platform' };
    return {
      kind: 'refused',
      status: 401,
      code: 'UnrecognizedClient',
      message: 'The bearer token presented to /authorize is not valid.',
    };
  }
  if (access.allowLoopbackWithoutToken) {
    const proxied = headerNames.some((n) => PROXY_HEADERS.includes(n.toLowerCase()));
    if (isLoopback(remoteAddress) && !proxied) return { kind: 'loopback' };
    if (access.token === undefined) {
      return {
        kind: 'refused',
        status: 403,
        code: 'AccessDenied',
        message:
          'Without WARD_AUTHORIZE_TOKEN, /authorize answers only callers on this host (loopback, not through a proxy).',
      };
    }
  }
  if (access.token === undefined) {
    return {
      kind: 'refused',
      status: 403,
      code: 'AccessDenied',
      message:
        '/authorize is disabled: set WARD_AUTHORIZE_TOKEN (callers send Authorization: Bearer <token>), or WARD_AUTHORIZE_ALLOW_LOOPBACK_WITHOUT_TOKEN=1 to let processes on this host call it without one.',
    };
  }
  return {
    kind: 'refused',
    status: 401,
    code: 'UnrecognizedClient',
    message: 'A valid bearer token is required to call /authorize.',
  };
}
