import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { PublicOrigin } from '../public-origin.js';
import { clearConsoleCookie, setConsoleCookie } from './cookies.js';

/**
 * Issue 12 follow-up: behind a TLS-terminating proxy Ward is reached over plain HTTP, so a
 * Secure flag decided from the connection alone was never set, and the session cookie would
 * also travel over any plain-http request to the host. With an https public URL every console
 * cookie must be Secure.
 */
function app(publicUrl: string | undefined): Hono {
  const origin = PublicOrigin.of(publicUrl, '127.0.0.1', 4599);
  const a = new Hono<{ Variables: { deps: { publicOrigin(): PublicOrigin } } }>();
  a.use('*', async (c, next) => {
    c.set('deps', { publicOrigin: () => origin });
    await next();
  });
  a.get('/console/set', (c) => {
    setConsoleCookie(c, 'ward_console', 'token', 3600);
    return c.text('ok');
  });
  a.get('/console/clear', (c) => {
    clearConsoleCookie(c, 'ward_console');
    return c.text('ok');
  });
  return a as unknown as Hono;
}

const setCookie = async (a: Hono, path: string) =>
  (await a.request(`http://127.0.0.1:4599${path}`)).headers.get('set-cookie') ?? '';

describe('console cookies', () => {
  it('are Secure when the public URL is https, though the request reached Ward over plain HTTP', async () => {
    const a = app('https://ward.example.com');
    expect(await setCookie(a, '/console/set')).toMatch(/;\s*Secure/i);
    expect(await setCookie(a, '/console/clear')).toMatch(/;\s*Secure/i);
  });

  it('are not Secure on a plain-http console (a browser would drop them)', async () => {
    for (const url of ['http://ward.example.com', undefined]) {
      const a = app(url);
      const header = await setCookie(a, '/console/set');
      expect(header).toMatch(/^ward_console=token;/);
      expect(header).not.toMatch(/Secure/i);
    }
  });

  it('are Secure on a request that itself came over TLS', async () => {
    const a = app(undefined);
    const header = (await a.request('https://127.0.0.1:4599/console/set')).headers.get('set-cookie') ?? '';
    expect(header).toMatch(/;\s*Secure/i);
  });
});
