import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleHttp, signInRoot } from './support/console-http.js';
import { ROOT_EMAIL, ROOT_PASSWORD, type TestWard, startTestWard } from './support/ward.js';

/**
 * Attack (issue 12, item 9): someone who knows the root password signs in to the console; the
 * owner notices and resets the password through "Forgot password?". The intruder's session
 * used to stay valid for its full 12 hours. Expected: the reset ends every console session of
 * that root user, as a password change does for the others.
 */
describe('root password recovery and existing sessions', () => {
  let t: TestWard;
  beforeAll(async () => {
    t = await startTestWard();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs the intruder out when the owner resets the password', async () => {
    const intruder = new ConsoleHttp(t.url);
    expect((await signInRoot(intruder, ROOT_EMAIL, ROOT_PASSWORD)).status).toBe(302);
    expect((await intruder.get('/console/home')).status).toBe(200);

    const owner = new ConsoleHttp(t.url);
    expect((await owner.postForm('/console/forgot-password', { email: ROOT_EMAIL })).status).toBe(200);
    const dir = join(t.dataDir, 'outbox');
    const mail = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const token = /reset-password\?token=([A-Za-z0-9_-]{43})/.exec(mail)?.[1];
    expect(token).toBeDefined();
    const newPassword = 'Recovered-Passw0rd!';
    const reset = await owner.postForm('/console/reset-password', {
      token: token!,
      newPassword,
      confirmPassword: newPassword,
    });
    expect(reset.status).toBe(302);

    const after = await intruder.get('/console/home');
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/console\/signin/);
  });
});
