import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'ward_console';
/** The double-submit CSRF cookie for forms shown before sign-in. */
export const PRE_SESSION_COOKIE = 'ward_csrf';

/** Secure when the console is reached over TLS (directly, or through a proxy that says so). */
export function overTls(c: Context): boolean {
  const incoming = (c.env as { incoming?: { socket?: { encrypted?: boolean } } } | undefined)?.incoming;
  return incoming?.socket?.encrypted === true || new URL(c.req.url).protocol === 'https:';
}

export function setConsoleCookie(c: Context, name: string, value: string, maxAgeSeconds: number): void {
  setCookie(c, name, value, { path: '/console', httpOnly: true, sameSite: 'Lax', secure: overTls(c), maxAge: maxAgeSeconds });
}

export function readConsoleCookie(c: Context, name: string): string | undefined {
  return getCookie(c, name);
}

export function clearConsoleCookie(c: Context, name: string): void {
  deleteCookie(c, name, { path: '/console', secure: overTls(c) });
}
