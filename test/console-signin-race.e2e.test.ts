import { CreateLoginProfileCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_LIMIT } from '../src/console/session/throttle.js';
import { BAD_CREDENTIALS } from '../src/console/sign-in/routes.js';
import { ConsoleHttp, type ConsoleResponse } from './support/console-http.js';
import { ACCOUNT_ID, type TestWard, startTestWard } from './support/ward.js';

const PASSWORD = 'Right-Passw0rd-123!';
const LOCKED = 'Too many failed sign-in attempts';

/** How each answer to a sign-in attempt reads: evaluated (the password was checked), locked, or signed in. */
function outcome(r: ConsoleResponse): 'evaluated' | 'locked' | 'signed-in' {
  if (r.status === 302) return 'signed-in';
  if (r.body.includes(LOCKED)) return 'locked';
  if (r.body.includes(BAD_CREDENTIALS)) return 'evaluated';
  throw new Error(`unexpected answer ${r.status}: ${r.body.slice(0, 200)}`);
}

async function userWithPassword(t: TestWard, userName: string): Promise<void> {
  await t.iam().send(new CreateUserCommand({ UserName: userName }));
  await t.iam().send(new CreateLoginProfileCommand({ UserName: userName, Password: PASSWORD }));
}

/**
 * Attack (issue 12, item 5): fire many sign-in attempts at once. The lockout used to read the
 * failure count, verify the password (slow scrypt), and only then record the failure, so 14
 * parallel guesses were all checked and a right one among them signed in although the 6th
 * sequential attempt is locked. Expected: each attempt takes a slot atomically before its
 * password is checked, so at most IDENTITY_LIMIT attempts are ever evaluated per window.
 */
describe('the sign-in lockout under parallel attempts', () => {
  let t: TestWard;
  beforeAll(async () => {
    // Each test comes from its own client address through a trusted proxy, so the per-address
    // limit of one test does not spill into the next.
    t = await startTestWard({ settings: { trustedProxies: '127.0.0.1,::1' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('evaluates at most IDENTITY_LIMIT of 14 parallel wrong passwords, then refuses the right one', async () => {
    await userWithPassword(t, 'racer');
    const client = new ConsoleHttp(t.url, { 'x-forwarded-for': '198.51.100.1' });
    const _csrf = await client.csrf();
    const wrong = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        client.post('/console/signin/iam', { account: ACCOUNT_ID, userName: 'racer', password: `wrong-${i}`, _csrf }),
      ),
    );
    const outcomes = wrong.map(outcome);
    expect(outcomes.filter((o) => o === 'evaluated').length).toBeLessThanOrEqual(IDENTITY_LIMIT);
    expect(outcomes.filter((o) => o === 'locked').length).toBeGreaterThanOrEqual(14 - IDENTITY_LIMIT);
    expect(
      outcome(
        await client.post('/console/signin/iam', { account: ACCOUNT_ID, userName: 'racer', password: PASSWORD, _csrf }),
      ),
    ).toBe('locked');
  });

  it('never checks more than IDENTITY_LIMIT passwords when the right one races 13 wrong ones', async () => {
    await userWithPassword(t, 'racer2');
    const client = new ConsoleHttp(t.url, { 'x-forwarded-for': '198.51.100.2' });
    const _csrf = await client.csrf();
    const attempts = Array.from({ length: 14 }, (_, i) => (i === 13 ? PASSWORD : `wrong-${i}`));
    const outcomes = (
      await Promise.all(
        attempts.map((password) =>
          client.post('/console/signin/iam', { account: ACCOUNT_ID, userName: 'racer2', password, _csrf }),
        ),
      )
    ).map(outcome);
    // Signed in counts as evaluated: its password was checked too.
    expect(outcomes.filter((o) => o !== 'locked').length).toBeLessThanOrEqual(IDENTITY_LIMIT);
  });

  it('counts recovery requests atomically: at most IDENTITY_LIMIT of 14 parallel ones send mail', async () => {
    const client = new ConsoleHttp(t.url, { 'x-forwarded-for': '198.51.100.3' });
    const _csrf = await client.csrf('/console/forgot-password');
    const answers = await Promise.all(
      Array.from({ length: 14 }, () => client.post('/console/forgot-password', { email: 'nobody@example.com', _csrf })),
    );
    expect(answers.filter((a) => a.status === 200).length).toBeLessThanOrEqual(IDENTITY_LIMIT);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(14 - IDENTITY_LIMIT);
  });
});

/**
 * Attack (issue 12, item 5): behind a reverse proxy every client shares the proxy's address, so
 * one attacker's spray locks everyone out; and if X-Forwarded-For were trusted from anyone, an
 * attacker would pick a fresh address per guess. Expected: X-Forwarded-For counts only from a
 * configured trusted proxy, and then its rightmost untrusted address is the client.
 */
describe('client addresses for the per-address limit', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    const t = await startTestWard();
    try {
      const client = new ConsoleHttp(t.url);
      const _csrf = await client.csrf();
      for (let i = 0; i < 20; i++) {
        const r = await client.post(
          '/console/signin/iam',
          { account: ACCOUNT_ID, userName: `nobody${i}`, password: 'x', _csrf },
          { 'x-forwarded-for': `203.0.113.${i + 1}` },
        );
        expect(outcome(r)).toBe('evaluated');
      }
      const next = await client.post(
        '/console/signin/iam',
        { account: ACCOUNT_ID, userName: 'someone-else', password: 'x', _csrf },
        { 'x-forwarded-for': '203.0.113.200' },
      );
      expect(outcome(next)).toBe('locked');
    } finally {
      await t.close();
    }
  });

  it('takes the rightmost untrusted address from a trusted proxy, whatever the client prepends', async () => {
    const t = await startTestWard({ settings: { trustedProxies: '127.0.0.0/8, ::1, 10.0.0.0/8' } });
    try {
      const client = new ConsoleHttp(t.url);
      const _csrf = await client.csrf();
      for (let i = 0; i < 20; i++) {
        // The client forges a fresh leftmost address each time; the proxy chain appends the real one.
        const r = await client.post(
          '/console/signin/iam',
          { account: ACCOUNT_ID, userName: `nobody${i}`, password: 'x', _csrf },
          { 'x-forwarded-for': `192.0.2.${i + 1}, 203.0.113.9, 10.1.2.3` },
        );
        expect(outcome(r)).toBe('evaluated');
      }
      const sameClient = await client.post(
        '/console/signin/iam',
        { account: ACCOUNT_ID, userName: 'someone-else', password: 'x', _csrf },
        { 'x-forwarded-for': '192.0.2.250, 203.0.113.9' },
      );
      expect(outcome(sameClient)).toBe('locked');
      const otherClient = await client.post(
        '/console/signin/iam',
        { account: ACCOUNT_ID, userName: 'someone-else', password: 'x', _csrf },
        { 'x-forwarded-for': '203.0.113.10' },
      );
      expect(outcome(otherClient)).toBe('evaluated');
    } finally {
      await t.close();
    }
  });
});
