import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL } from '../shared/cache-bus.js';
import { type MemoryStore, openMemoryStore } from '../store/testing/memory-store.js';
import { AccountStatus } from './account-status.js';
import { sessionTokenHash } from './authenticate.js';
import { CredentialResolver } from './credentials.js';
import type { CredentialSource } from './ports.js';
import { principalOfSession } from './session-principal.js';

// The resolver caches keys and users in front of the store; writes are seen only once their
// invalidation arrives on the cache bus (as every node's resolver sees it on PostgreSQL).

const ACCOUNT = '111122223333';
const NOW = new Date('2026-03-01T12:00:00Z');
const USER_ID = 'AIDAALICE00000000001';
const KEY = 'AKIAUSERKEY000000001';

let m: MemoryStore;
let resolver: CredentialResolver;

beforeEach(async () => {
  m = await openMemoryStore();
  await m.store.accounts.create({ accountId: ACCOUNT, name: 'main', email: 'root@example.com', createdAt: NOW });
  await m.store.users.create({ userId: USER_ID, accountId: ACCOUNT, userName: 'alice', path: '/', createdAt: NOW }, []);
  await m.store.accessKeys.create(
    { accessKeyId: KEY, accountId: ACCOUNT, userId: USER_ID, status: 'Active', createdAt: NOW },
    'secret-1',
  );
  resolver = new CredentialResolver(m.store, m.bus, undefined, m.store.sessions, new AccountStatus(m.store, m.bus));
});
afterEach(() => m.close());

describe('the credential cache', () => {
  it('opens the sealed secret and keeps serving the cached key until its invalidation arrives', async () => {
    expect((await resolver.resolve(KEY))?.key).toMatchObject({ secretAccessKey: 'secret-1', status: 'Active' });
    await m.store.accessKeys.setStatus(KEY, 'Inactive');
    expect((await resolver.resolve(KEY))?.key.status).toBe('Active');
    m.bus.publish('access-key', KEY);
    expect((await resolver.resolve(KEY))?.key.status).toBe('Inactive');
  });

  it('drops a deleted key on its invalidation', async () => {
    await resolver.resolve(KEY);
    await m.store.accessKeys.delete(KEY);
    m.bus.publish('access-key', KEY);
    expect(await resolver.resolve(KEY)).toBeUndefined();
  });

  it('renames the principal when the user’s invalidation arrives', async () => {
    expect((await resolver.resolve(KEY))?.principal.arn).toBe(`arn:aws:iam::${ACCOUNT}:user/alice`);
    await m.store.users.update(USER_ID, { userName: 'alicia', path: '/ops/' });
    expect((await resolver.resolve(KEY))?.principal.arn).toBe(`arn:aws:iam::${ACCOUNT}:user/alice`);
    m.bus.publish('user', USER_ID);
    expect((await resolver.resolve(KEY))?.principal).toMatchObject({
      arn: `arn:aws:iam::${ACCOUNT}:user/ops/alicia`,
      userName: 'alicia',
    });
  });

  it('drops every entry on `*`, which a node that missed notifications receives', async () => {
    await resolver.resolve(KEY);
    await m.store.accessKeys.setStatus(KEY, 'Inactive');
    m.bus.publish('access-key', ALL);
    expect((await resolver.resolve(KEY))?.key.status).toBe('Inactive');
  });

  it('caches no miss: a key created after a lookup found nothing resolves at once', async () => {
    expect(await resolver.resolve('AKIALATER00000000001')).toBeUndefined();
    await m.store.accessKeys.create(
      { accessKeyId: 'AKIALATER00000000001', accountId: ACCOUNT, status: 'Active', createdAt: NOW },
      'secret-2',
    );
    expect((await resolver.resolve('AKIALATER00000000001'))?.principal.kind).toBe('root');
  });

  it('does not cache a load that raced an invalidation (it may have read the old row)', async () => {
    // The invalidation lands while the row is being read: what was read must not stick.
    const racing: CredentialSource = {
      accessKeys: {
        getWithSecret: async (id) => {
          const key = await m.store.accessKeys.getWithSecret(id);
          m.bus.publish('access-key', id);
          return key;
        },
      },
      users: m.store.users,
    };
    const raced = new CredentialResolver(racing, m.bus);
    expect((await raced.resolve(KEY))?.key.status).toBe('Active');
    await m.store.accessKeys.setStatus(KEY, 'Inactive');
    expect((await raced.resolve(KEY))?.key.status).toBe('Inactive');
  });

  it('keeps an account’s status until the account’s invalidation, then refuses its keys', async () => {
    await resolver.resolve(KEY);
    await m.store.accounts.markClosed(ACCOUNT, NOW);
    expect(await resolver.resolve(KEY)).toBeDefined();
    m.bus.publish('account', ACCOUNT);
    await expect(resolver.resolve(KEY)).rejects.toMatchObject({ code: 'InvalidClientTokenId' });
  });
});

describe('the principal of a session held inside Ward', () => {
  const SESSION_KEY = 'ASIASESSION000000001';

  beforeEach(async () => {
    const expiresAt = new Date(NOW.getTime() + 900_000);
    await m.store.sessions.create({
      accessKeyId: SESSION_KEY,
      tokenHash: sessionTokenHash('token'),
      accountId: ACCOUNT,
      secretAccessKey: 'session-secret',
      principal: {
        kind: 'root',
        accountId: ACCOUNT,
        arn: `arn:aws:iam::${ACCOUNT}:root`,
        userId: ACCOUNT,
        session: {
          accessKeyId: SESSION_KEY,
          issuedAt: NOW,
          expiresAt,
          mfaPresent: false,
          policies: [],
          tags: [],
          transitiveTagKeys: [],
          assumedRoot: { taskPolicyArn: 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials' },
        },
      },
      issuedAt: NOW,
      expiresAt,
    });
  });

  it('is the stored principal for the right token before expiry', async () => {
    expect(await principalOfSession(resolver, SESSION_KEY, 'token', NOW)).toMatchObject({
      kind: 'root',
      session: { assumedRoot: {} },
    });
  });

  it('is nothing for another token, an expired session, a long-term key or a closed account', async () => {
    expect(await principalOfSession(resolver, SESSION_KEY, 'other', NOW)).toBeUndefined();
    expect(await principalOfSession(resolver, SESSION_KEY, 'token', new Date(NOW.getTime() + 900_000))).toBeUndefined();
    expect(await principalOfSession(resolver, KEY, 'token', NOW)).toBeUndefined();
    await m.store.accounts.markClosed(ACCOUNT, NOW);
    m.bus.publish('account', ACCOUNT);
    expect(await principalOfSession(resolver, SESSION_KEY, 'token', NOW)).toBeUndefined();
  });
});
