import { CreateLoginProfileCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import {
  AcceptHandshakeCommand,
  CloseAccountCommand,
  CreateOrganizationCommand,
  InviteAccountToOrganizationCommand,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../src/iam/core/password-hash.js';
import { secondAccount } from './support/accounts.js';
import { ConsoleHttp, signInIam, signInRoot } from './support/console-http.js';
import { orgs } from './support/organizations.js';
import { type TestWard, startTestWard } from './support/ward.js';

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
 * Issue 12, item 6 follow-up: after CloseAccount an IAM user of the closed account could still
 * sign in to the console (every action was then denied). AWS: once an account is closed only its
 * root user may sign in. Expected: the IAM user's sign-in is refused with the words and the cost
 * of a wrong password (one password verification, the decoy's), so the answer tells no one
 * whether the account is closed or the user exists; a session begun before the close ends; the
 * root still signs in.
 */
describe('console sign-in to a closed account', () => {
  let t: TestWard;
  let memberId: string;
  const password = 'Dev-Console-Passw0rd-1';
  const rootEmail = 'root+210987654321@example.com';
  const rootPassword = 'Member-Root-Passw0rd-1';
  let before: ConsoleHttp;

  beforeAll(async () => {
    // A fresh address per attempt through a trusted proxy: the per-address limit stays out of the way.
    t = await startTestWard({ settings: { trustedProxies: '127.0.0.1,::1' } });
    await orgs(t).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const member = await secondAccount(t);
    memberId = member.accountId;
    const { Handshake } = await orgs(t).send(
      new InviteAccountToOrganizationCommand({ Target: { Id: memberId, Type: 'ACCOUNT' } }),
    );
    await orgs(t, member.root).send(new AcceptHandshakeCommand({ HandshakeId: Handshake!.Id! }));
    await t.iam(member.root).send(new CreateUserCommand({ UserName: 'dev' }));
    await t.iam(member.root).send(new CreateLoginProfileCommand({ UserName: 'dev', Password: password }));
    await t.ward.store.credentials.putLoginProfile({
      accountId: memberId,
      passwordHash: await hashPassword(rootPassword),
      createdAt: new Date(),
      passwordChangedAt: new Date(),
      resetRequired: false,
    });

    before = new ConsoleHttp(t.url, { 'x-forwarded-for': '198.51.100.200' });
    expect((await signInIam(before, memberId, 'dev', password)).status).toBe(302);
    expect((await before.get('/console/home')).status).toBe(200);

    await orgs(t).send(new CloseAccountCommand({ AccountId: memberId }));
  });
  afterAll(async () => {
    await t?.close();
  });

  let address = 0;
  async function attempt(
    signIn: (
      client: ConsoleHttp,
      headers: Record<string, string>,
    ) => Promise<{ status: number; body: string; location: string | undefined }>,
  ) {
    const client = new ConsoleHttp(t.url);
    await client.csrf();
    const headers = { 'x-forwarded-for': `198.51.100.${++address}` };
    verifications.count = 0;
    const res = await signIn(client, headers);
    return {
      status: res.status,
      location: res.location,
      error: /role="alert"><div>([^<]*)</.exec(res.body)?.[1],
      verifications: verifications.count,
    };
  }

  it('refuses its IAM user with the right password exactly as a wrong password, at the same cost', async () => {
    const closed = await attempt((c, h) => signInIam(c, memberId, 'dev', password, {}, h));
    const wrong = await attempt((c, h) => signInIam(c, memberId, 'dev', 'Wrong-Passw0rd-1', {}, h));
    const unknown = await attempt((c, h) => signInIam(c, memberId, 'nobody', password, {}, h));
    expect(closed.status).toBe(401);
    expect(closed.error).toBe('Your authentication information is incorrect. Please try again.');
    expect(closed).toEqual(wrong);
    expect(closed).toEqual(unknown);
    expect(closed.verifications).toBe(1);
  });

  it('ends the IAM user session that began before the close', async () => {
    const res = await before.get('/console/home');
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/console\/signin/);
    expect(before.cookies.has('ward_console')).toBe(false);
  });

  it('still lets the root user sign in', async () => {
    const root = await attempt((c, h) => signInRoot(c, rootEmail, rootPassword, {}, h));
    expect(root.status).toBe(302);
    expect(root.location).not.toMatch(/signin/);
  });
});
