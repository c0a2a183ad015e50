import { CreateLoginProfileCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import { CreateAccountCommand, CreateOrganizationCommand } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConsoleHttp, signInIam, signInRoot } from './support/console-http.js';
import { orgs } from './support/organizations.js';
import { ACCOUNT_ID, ROOT_EMAIL, ROOT_PASSWORD, type TestWard, startTestWard } from './support/ward.js';

/** Every scrypt verification Ward runs, counted (the Ward under test runs in this process). */
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('../src/iam/core/password-hash.js', async (original) => {
  const real = await original<typeof import('../src/iam/core/password-hash.js')>();
  return {
    ...real,
    verifyPassword: async (password: string, stored: string) => {
      verifications.count++;
      return real.verifyPassword(password, stored);
    },
  };
});

/**
 * Attack (issue 12, item 8): time sign-in answers to tell users apart. Existing users without a
 * password, and member-account roots (no root password under central root management), were
 * answered at once, while unknown users and users with passwords paid for one scrypt: about
 * 7 ms against 170 ms. Expected: every path verifies exactly one scrypt hash of the same
 * parameters (a decoy when there is no usable password). Counted rather than timed: the suite
 * makes no timing assertions.
 */
describe('what a console sign-in attempt costs', () => {
  let t: TestWard;
  let memberEmail: string;
  beforeAll(async () => {
    // A fresh address per attempt through a trusted proxy: the per-address limit stays out of the way.
    t = await startTestWard({ settings: { trustedProxies: '127.0.0.1,::1' } });
    await t.iam().send(new CreateUserCommand({ UserName: 'no-password' }));
    await t.iam().send(new CreateUserCommand({ UserName: 'with-password' }));
    await t.iam().send(new CreateLoginProfileCommand({ UserName: 'with-password', Password: 'Right-Passw0rd-123!' }));
    memberEmail = 'member-root@example.com';
    await orgs(t).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    await orgs(t).send(new CreateAccountCommand({ AccountName: 'member', Email: memberEmail }));
    await vi.waitFor(async () => expect(await t.ward.store.accounts.findByRootEmail(memberEmail)).toBeDefined());
  });
  afterAll(async () => {
    await t?.close();
  });

  let address = 0;
  async function verificationsOf(
    attempt: (client: ConsoleHttp, headers: Record<string, string>) => Promise<unknown>,
  ): Promise<number> {
    const client = new ConsoleHttp(t.url);
    await client.csrf();
    const headers = { 'x-forwarded-for': `198.51.100.${++address}` };
    verifications.count = 0;
    await attempt(client, headers);
    return verifications.count;
  }

  it.each([
    [
      'an unknown root email',
      (c: ConsoleHttp, h: Record<string, string>) => signInRoot(c, 'nobody@example.com', 'Some-Passw0rd!', {}, h),
    ],
    [
      'a member-account root without a password',
      (c: ConsoleHttp, h: Record<string, string>) => signInRoot(c, memberEmail, 'Some-Passw0rd!', {}, h),
    ],
    [
      'the management root with a wrong password',
      (c: ConsoleHttp, h: Record<string, string>) => signInRoot(c, ROOT_EMAIL, 'Wrong-Passw0rd!', {}, h),
    ],
    [
      'the management root with its password',
      (c: ConsoleHttp, h: Record<string, string>) => signInRoot(c, ROOT_EMAIL, ROOT_PASSWORD, {}, h),
    ],
    [
      'an unknown account',
      (c: ConsoleHttp, h: Record<string, string>) =>
        signInIam(c, '999999999999', 'with-password', 'Some-Passw0rd!', {}, h),
    ],
    [
      'an unknown user',
      (c: ConsoleHttp, h: Record<string, string>) => signInIam(c, ACCOUNT_ID, 'nobody', 'Some-Passw0rd!', {}, h),
    ],
    [
      'a user without a console password',
      (c: ConsoleHttp, h: Record<string, string>) => signInIam(c, ACCOUNT_ID, 'no-password', 'Some-Passw0rd!', {}, h),
    ],
    [
      'a user with a wrong password',
      (c: ConsoleHttp, h: Record<string, string>) =>
        signInIam(c, ACCOUNT_ID, 'with-password', 'Wrong-Passw0rd!', {}, h),
    ],
    [
      'a user with its password',
      (c: ConsoleHttp, h: Record<string, string>) =>
        signInIam(c, ACCOUNT_ID, 'with-password', 'Right-Passw0rd-123!', {}, h),
    ],
  ])('%s: exactly one password verification', async (_name, attempt) => {
    expect(await verificationsOf(attempt)).toBe(1);
  });
});
