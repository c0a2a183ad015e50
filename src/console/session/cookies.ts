import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { PublicOrigin } from '../public-origin.js';

export const SESSION_COOKIE = 'ward_console';
/** The double-submit CSRF cookie for forms shown before sign-in. */
export const PRE_SESSION_COOKIE = 'ward_csrf';

/**
 * Whether cookies get `Secure`: when the console's public URL is https (a TLS-terminating proxy
 * in front of a plain-HTTP Ward is the usual deployment, and its last hop says nothing of what
 * the browser used), or when this request itself came over TLS. A session cookie sent without
 * Secure would also go out on any plain-http request to the same host.
 */
export function secureCookies(c: Context): boolean {
  const deps = (c.var as { deps?: { publicOrigin(): PublicOrigin } }).deps;
  if (deps?.publicOrigin().secure) return true;
  const incoming = (c.env as { incoming?: { socket?: { encrypted?: boolean } } } | undefined)?.incoming;
  return incoming?.socket?.encrypted === true || new URL(c.req.url).protocol === 'https:';
}

export function setConsoleCookie(c: Context, name: string, value: string, maxAgeSeconds: number): void {
  setCookie(c, name, value, {
    path: '/console',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookies(c),
    maxAge: maxAgeSeconds,
  });
}

export function readConsoleCookie(c: Context, name: string): string | undefined {
  return getCookie(c, name);
}

export function clearConsoleCookie(c: Context, name: string): void {
  deleteCookie(c, name, { path: '/console', secure: secureCookies(c) });
}
