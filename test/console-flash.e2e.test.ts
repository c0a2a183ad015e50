import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleHttp, signInRoot } from './support/console-http.js';
import { ROOT_EMAIL, ROOT_PASSWORD, type TestWard, startTestWard } from './support/ward.js';

const PHISH = 'Your account is suspended. Call +1 555 0100 and read out your MFA code';

/**
 * Attack (issue 12, item 19): a link to a real Ward page with `?notice=` or `?error=` carrying
 * the attacker's text, shown in Ward's own success or error banner: phishing with the console's
 * authority. Expected: flash messages are message codes for fixed texts (signed out) or are
 * bound to the session that caused them; text put into a URL by anyone else is never shown.
 */
describe('flash messages in console URLs', () => {
  let t: TestWard;
  beforeAll(async () => {
    t = await startTestWard();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the sign-in page shows no text from the URL', async () => {
    const client = new ConsoleHttp(t.url);
    for (const query of [
      `notice=${encodeURIComponent(PHISH)}`,
      `error=${encodeURIComponent(PHISH)}`,
      `as=root&notice=${encodeURIComponent(PHISH)}`,
    ]) {
      const page = await client.get(`/console/signin?${query}`);
      expect(page.status).toBe(200);
      expect(page.body).not.toContain('Call +1 555');
    }
  });

  it('signed-in pages show no text from the URL, but do show their own messages', async () => {
    const client = new ConsoleHttp(t.url);
    expect((await signInRoot(client, ROOT_EMAIL, ROOT_PASSWORD)).status).toBe(302);
    for (const page of [
      '/console/home',
      '/console/users',
      '/console/credential-report',
      '/console/security-credentials',
      '/console/account-settings',
    ]) {
      for (const query of [`notice=${encodeURIComponent(PHISH)}`, `error=${encodeURIComponent(PHISH)}`]) {
        const res = await client.get(`${page}?${query}`);
        expect(res.body, `${page}?${query}`).not.toContain('Call +1 555');
      }
    }
    const _csrf = await client.csrf('/console/credential-report');
    const generated = await client.post('/console/credential-report/generate', { _csrf });
    expect(generated.status).toBe(302);
    expect((await client.get(generated.location!)).body).toContain('The credential report is ready.');

    // A message made for one session is not shown to another.
    const other = new ConsoleHttp(t.url);
    expect((await signInRoot(other, ROOT_EMAIL, ROOT_PASSWORD)).status).toBe(302);
    expect((await other.get(generated.location!)).body).not.toContain('The credential report is ready.');
  });

  it('signing out shows the fixed signed-out text', async () => {
    const client = new ConsoleHttp(t.url);
    expect((await signInRoot(client, ROOT_EMAIL, ROOT_PASSWORD)).status).toBe(302);
    const _csrf = await client.csrf('/console/home');
    const out = await client.post('/console/signout', { _csrf });
    expect(out.status).toBe(302);
    expect((await client.get(out.location!)).body).toContain('You have signed out.');
  });
});
