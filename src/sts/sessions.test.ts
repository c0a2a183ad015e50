import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSessionToken, sessionTokenHash } from '../auth/authenticate.js';
import type { Principal } from '../shared/principal.js';
import { UniqueViolation } from '../shared/unique-violation.js';
import { type MemoryStore, openMemoryStore } from '../store/testing/memory-store.js';
import { issueSession, tokenHash } from './sessions.js';

// Issuing temporary credentials into a real store, and reading them back as the authenticator
// does: by the ASIA key, with only the token's hash stored.

const ACCOUNT = '111122223333';
const NOW = new Date('2026-03-01T12:00:00.750Z');
const alice: Principal = {
  kind: 'user',
  accountId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  userId: 'AIDAALICE00000000001',
  userName: 'alice',
  path: '/',
};
const noExtras = { mfaPresent: false, policies: [], tags: [], transitiveTagKeys: [] };

let m: MemoryStore;
beforeEach(async () => {
  m = await openMemoryStore();
});
afterEach(() => m.close());

describe('STS sessions in the store', () => {
  it('issues an ASIA key of the account with a secret and an opaque token, and stores the principal with its session', async () => {
    const creds = await issueSession(m.store.sessions, alice, noExtras, NOW, 900);
    expect(creds.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(creds.SessionToken.length).toBeGreaterThan(100);
    // Whole seconds, as AWS reports the expiry.
    expect(creds.Expiration).toEqual(new Date('2026-03-01T12:15:00Z'));

    const stored = await m.store.sessions.get(creds.AccessKeyId);
    expect(stored).toMatchObject({
      accessKeyId: creds.AccessKeyId,
      accountId: ACCOUNT,
      secretAccessKey: creds.SecretAccessKey,
      issuedAt: new Date('2026-03-01T12:00:00Z'),
      expiresAt: creds.Expiration,
    });
    expect(stored?.principal).toEqual({
      ...alice,
      session: {
        ...noExtras,
        accessKeyId: creds.AccessKeyId,
        issuedAt: new Date('2026-03-01T12:00:00Z'),
        expiresAt: creds.Expiration,
      },
    });
  });

  it('stores only the token’s SHA-256, the same hash the authenticator checks', async () => {
    const creds = await issueSession(m.store.sessions, alice, noExtras, NOW, 900);
    const stored = await m.store.sessions.get(creds.AccessKeyId);
    expect(stored?.tokenHash).toBe(tokenHash(creds.SessionToken));
    expect(stored?.tokenHash).toBe(sessionTokenHash(creds.SessionToken));
  });

  it('keeps neither the secret nor the token in the clear at rest', async () => {
    const creds = await issueSession(m.store.sessions, alice, noExtras, NOW, 900);
    const row = await m.db
      .selectFrom('sessions')
      .selectAll()
      .where('access_key_id', '=', creds.AccessKeyId)
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(creds.SecretAccessKey);
    expect(stored).not.toContain(creds.SessionToken);
    expect(m.box.open(row.secret_sealed, creds.AccessKeyId)).toBe(creds.SecretAccessKey);
  });

  it('accepts the issued token until the expiry, and refuses another token or a later time', async () => {
    const creds = await issueSession(m.store.sessions, alice, noExtras, NOW, 900);
    const stored = (await m.store.sessions.get(creds.AccessKeyId))!;
    expect(checkSessionToken(stored, creds.SessionToken, NOW)).toBe('ok');
    expect(checkSessionToken(stored, creds.SessionToken, new Date(creds.Expiration.getTime() - 1))).toBe('ok');
    expect(checkSessionToken(stored, creds.SessionToken, creds.Expiration)).toBe('expired');
    expect(checkSessionToken(stored, `${creds.SessionToken}x`, NOW)).toBe('invalid');
  });

  it('issues distinct keys, secrets and tokens each time', async () => {
    const a = await issueSession(m.store.sessions, alice, noExtras, NOW, 900);
    const b = await issueSession(m.store.sessions, alice, noExtras, NOW, 900);
    expect(new Set([a.AccessKeyId, b.AccessKeyId]).size).toBe(2);
    expect(a.SecretAccessKey).not.toBe(b.SecretAccessKey);
    expect(a.SessionToken).not.toBe(b.SessionToken);
  });

  it('finds nothing for a key it never issued', async () => {
    expect(await m.store.sessions.get('ASIAAAAAAAAAAAAAAAAA')).toBeUndefined();
  });

  it('prunes sessions that expired as new ones are issued, and keeps live ones', async () => {
    const old = await issueSession(m.store.sessions, alice, noExtras, NOW, 900);
    const live = await issueSession(m.store.sessions, alice, noExtras, NOW, 3600);
    await issueSession(m.store.sessions, alice, noExtras, new Date(NOW.getTime() + 1800_000), 900);
    expect(await m.store.sessions.get(old.AccessKeyId)).toBeUndefined();
    expect(await m.store.sessions.get(live.AccessKeyId)).toBeDefined();
  });
});

describe('an ASIA key drawn twice', () => {
  it('is drawn anew: 40 random bits per account meet after about a million sessions', async () => {
    const tried: string[] = [];
    const colliding = {
      ...m.store.sessions,
      get: (id: string) => m.store.sessions.get(id),
      deleteExpired: (before: Date) => m.store.sessions.deleteExpired(before),
      async create(s: Parameters<typeof m.store.sessions.create>[0]) {
        tried.push(s.accessKeyId);
        if (tried.length === 1) throw new UniqueViolation('sessions_pk');
        return m.store.sessions.create(s);
      },
    };
    const creds = await issueSession(colliding, alice, noExtras, NOW, 900);
    expect(tried).toHaveLength(2);
    expect(creds.AccessKeyId).toBe(tried[1]);
    expect(tried[0]).not.toBe(tried[1]);
    expect((await m.store.sessions.get(creds.AccessKeyId))?.principal.session?.accessKeyId).toBe(creds.AccessKeyId);
  });
});
