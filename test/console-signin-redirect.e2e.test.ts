import { CreateLoginProfileCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleHttp, signInIam } from './support/console-http.js';
import { ACCOUNT_ID, type TestWard, startTestWard } from './support/ward.js';

const PASSWORD = 'Right-Passw0rd-123!';

/**
 * Attack (issue 12, items 18 and the open-redirect check): the sign-in form's `redirect` field is
 * attacker-chosen (a link to /console/signin?redirect=…). CR/LF in it reached the Location
 * header and crashed the request with a 500; a target off the console would be an open
 * redirect. Expected: a clean answer (never 500), and Location only ever a same-origin
 * /console path; anything else goes to the console's home.
 */
describe('the sign-in redirect target', () => {
  let t: TestWard;
  beforeAll(async () => {
    t = await startTestWard({ settings: { trustedProxies: '127.0.0.1,::1' } });
    await t.iam().send(new CreateUserCommand({ UserName: 'alice' }));
    await t.iam().send(new CreateLoginProfileCommand({ UserName: 'alice', Password: PASSWORD }));
  });
  afterAll(async () => {
    await t?.close();
  });

  let address = 0;
  const signInWith = (redirect: string) =>
    signInIam(
      new ConsoleHttp(t.url),
      ACCOUNT_ID,
      'alice',
      PASSWORD,
      { redirect },
      { 'x-forwarded-for': `198.51.100.${++address}` },
    );

  it.each([
    '/console/users\r\nSet-Cookie: ward_console=attacker',
    '/console/users\nX-Injected: 1',
    '/console/users\u0000',
    '/console/users\u007f',
  ])('control characters (%j) get a safe answer, not a 500', async (redirect) => {
    const res = await signInWith(redirect);
    expect(res.status === 302 || res.status === 400, `status ${res.status}`).toBe(true);
    if (res.status === 302) expect(res.location).toBe('/console/home');
  });

  it.each([
    '//evil.example/console/x',
    '/\\evil.example',
    '/console/\\evil.example',
    '/console//evil.example',
    'https://evil.example/console/users',
    'javascript:alert(1)',
    '/console/../../evil',
    '/console/%2e%2e/%2e%2e/evil',
    '/consolex',
    '/console/signin?redirect=//evil.example',
  ])('%s is not followed off the console', async (redirect) => {
    const res = await signInWith(redirect);
    expect(res.status).toBe(302);
    expect(res.location).toBe('/console/home');
  });

  it('a console path with its query is followed', async () => {
    const res = await signInWith('/console/users?search=a%20b');
    expect(res.status).toBe(302);
    expect(res.location).toBe('/console/users?search=a%20b');
  });
});
