import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsError } from '../shared/aws-error.js';
import type { Principal } from '../shared/principal.js';
import { type IncomingSignedRequest, SigningKeyCache, sha256Hex, signRequest } from '../sigv4/index.js';
import { type MemoryStore, openMemoryStore } from '../store/testing/memory-store.js';
import { AccountStatus } from './account-status.js';
import { Authenticator, sessionTokenHash } from './authenticate.js';
import { CredentialResolver } from './credentials.js';

// Authentication against a real store: keys and users in SQLite, secrets sealed by the store,
// sessions looked up by their ASIA key, and account status read from the accounts table.

const ACCOUNT = '111122223333';
const NOW = new Date('2026-03-01T12:00:00Z');
const BODY = 'Action=GetCallerIdentity&Version=2011-06-15';
const USER_KEY = { accessKeyId: 'AKIAUSERKEY000000001', secretAccessKey: 'user-secret-0000000000000000000000000000' };
const ROOT_KEY = { accessKeyId: 'AKIAROOTKEY000000001', secretAccessKey: 'root-secret-0000000000000000000000000000' };
const SESSION = {
  accessKeyId: 'ASIASESSION000000001',
  secretAccessKey: 'session-secret-000000000000000000000000',
  sessionToken: 'the-session-token',
};

function signed(
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  date = NOW,
): IncomingSignedRequest {
  const s = signRequest({
    method: 'POST',
    url: 'https://sts.amazonaws.com/',
    headers: [['Content-Type', 'application/x-www-form-urlencoded; charset=utf-8']],
    body: BODY,
    credentials,
    region: 'us-east-1',
    service: 'sts',
    date,
  });
  return {
    method: s.method,
    rawPath: s.path,
    rawQuery: s.query,
    headers: s.headers,
    payloadSha256Hex: sha256Hex(BODY),
  };
}

const roleSession = (expiresAt: Date): Principal => ({
  kind: 'assumed-role',
  accountId: ACCOUNT,
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Deployer/ci`,
  userId: 'AROAROLEID0000000001:ci',
  roleId: 'AROAROLEID0000000001',
  roleName: 'Deployer',
  rolePath: '/',
  roleArn: `arn:aws:iam::${ACCOUNT}:role/Deployer`,
  sessionName: 'ci',
  session: {
    accessKeyId: SESSION.accessKeyId,
    issuedAt: NOW,
    expiresAt,
    mfaPresent: false,
    policies: [],
    tags: [],
    transitiveTagKeys: [],
  },
});

async function rejection(promise: Promise<unknown>): Promise<AwsError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AwsError)) throw new Error(`expected an AwsError, got ${String(err)}`);
  return err;
}

let m: MemoryStore;
let authenticator: Authenticator;

beforeEach(async () => {
  m = await openMemoryStore();
  const { store } = m;
  await store.accounts.create({ accountId: ACCOUNT, name: 'main', email: 'root@example.com', createdAt: NOW });
  await store.users.create(
    { userId: 'AIDAALICE00000000001', accountId: ACCOUNT, userName: 'alice', path: '/dev/', createdAt: NOW },
    [],
  );
  await store.accessKeys.create(
    {
      accessKeyId: USER_KEY.accessKeyId,
      accountId: ACCOUNT,
      userId: 'AIDAALICE00000000001',
      status: 'Active',
      createdAt: NOW,
    },
    USER_KEY.secretAccessKey,
  );
  await store.accessKeys.create(
    { accessKeyId: ROOT_KEY.accessKeyId, accountId: ACCOUNT, status: 'Active', createdAt: NOW },
    ROOT_KEY.secretAccessKey,
  );
  const expiresAt = new Date(NOW.getTime() + 3600_000);
  await store.sessions.create({
    accessKeyId: SESSION.accessKeyId,
    tokenHash: sessionTokenHash(SESSION.sessionToken),
    accountId: ACCOUNT,
    secretAccessKey: SESSION.secretAccessKey,
    principal: roleSession(expiresAt),
    issuedAt: NOW,
    expiresAt,
  });
  const resolver = new CredentialResolver(store, m.bus, undefined, store.sessions, new AccountStatus(store, m.bus));
  authenticator = new Authenticator(resolver, new SigningKeyCache());
});
afterEach(() => m.close());

describe('authenticate against the store', () => {
  it('names the IAM user that owns a long-term key, with the scope’s region and service', async () => {
    const caller = await authenticator.authenticate(signed(USER_KEY), NOW);
    expect(caller).toEqual({
      principal: {
        kind: 'user',
        accountId: ACCOUNT,
        arn: `arn:aws:iam::${ACCOUNT}:user/dev/alice`,
        userId: 'AIDAALICE00000000001',
        userName: 'alice',
        path: '/dev/',
      },
      accessKeyId: USER_KEY.accessKeyId,
      region: 'us-east-1',
      service: 'sts',
    });
  });

  it('names the account root for a key with no user', async () => {
    const caller = await authenticator.authenticate(signed(ROOT_KEY), NOW);
    expect(caller).toMatchObject({
      principal: { kind: 'root', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root` },
    });
  });

  it('refuses a signature made with another secret', async () => {
    const err = await rejection(
      authenticator.authenticate(signed({ ...USER_KEY, secretAccessKey: 'not-the-secret' }), NOW),
    );
    expect(err.code).toBe('SignatureDoesNotMatch');
    expect(err.status).toBe(403);
  });

  it('refuses a key Ward does not hold as an invalid token', async () => {
    const err = await rejection(
      authenticator.authenticate(signed({ ...USER_KEY, accessKeyId: 'AKIAUNKNOWN000000001' }), NOW),
    );
    expect(err.code).toBe('InvalidClientTokenId');
  });

  it('refuses an inactive key even when its signature is right', async () => {
    await m.store.accessKeys.setStatus(USER_KEY.accessKeyId, 'Inactive');
    m.bus.publish('access-key', USER_KEY.accessKeyId);
    expect((await rejection(authenticator.authenticate(signed(USER_KEY), NOW))).code).toBe('InvalidClientTokenId');
  });

  it('refuses a long-term key that presents a session token', async () => {
    const err = await rejection(authenticator.authenticate(signed({ ...USER_KEY, sessionToken: 'stray' }), NOW));
    expect(err.code).toBe('InvalidClientTokenId');
  });

  it('answers a request with no authentication as unsigned, for the operations AWS serves so', async () => {
    const req: IncomingSignedRequest = {
      method: 'POST',
      rawPath: '/',
      rawQuery: '',
      headers: [['Host', 'sts.amazonaws.com']],
      payloadSha256Hex: sha256Hex(BODY),
    };
    const result = await authenticator.authenticate(req, NOW);
    expect('unsigned' in result && result.unsigned.code).toBe('MissingAuthenticationToken');
  });

  describe('temporary credentials', () => {
    it('names the session’s principal when the token is the one issued with the key', async () => {
      const caller = await authenticator.authenticate(signed(SESSION), NOW);
      expect(caller).toMatchObject({
        principal: { kind: 'assumed-role', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Deployer/ci` },
        accessKeyId: SESSION.accessKeyId,
      });
    });

    it('refuses another token, and none, as invalid', async () => {
      expect(
        (await rejection(authenticator.authenticate(signed({ ...SESSION, sessionToken: 'forged' }), NOW))).code,
      ).toBe('InvalidClientTokenId');
      const { sessionToken: _, ...withoutToken } = SESSION;
      expect((await rejection(authenticator.authenticate(signed(withoutToken), NOW))).code).toBe(
        'InvalidClientTokenId',
      );
    });

    it('refuses the right token once the session has expired', async () => {
      const later = new Date(NOW.getTime() + 3600_000);
      const err = await rejection(authenticator.authenticate(signed(SESSION, later), later));
      expect(err.code).toBe('ExpiredToken');
      expect(err.message).toBe('The security token included in the request is expired');
    });
  });

  describe('a closed account', () => {
    it('has its keys and sessions refused as unknown, once the closure is published', async () => {
      await authenticator.authenticate(signed(USER_KEY), NOW);
      await m.store.accounts.markClosed(ACCOUNT, NOW);
      m.bus.publish('account', ACCOUNT);
      for (const credentials of [USER_KEY, ROOT_KEY, SESSION]) {
        expect((await rejection(authenticator.authenticate(signed(credentials), NOW))).code).toBe(
          'InvalidClientTokenId',
        );
      }
    });

    it('is refused when its Organizations membership is suspended', async () => {
      await m.store.organizations.createOrg({
        orgId: 'o-aaaaaaaaaa',
        managementAccountId: '999988887777',
        managementEmail: 'm@example.com',
        featureSet: 'ALL',
        rootId: 'r-aaaa',
        rootName: 'Root',
        createdAt: NOW,
      });
      await m.store.organizations.addAccount({
        accountId: ACCOUNT,
        orgId: 'o-aaaaaaaaaa',
        parentId: 'r-aaaa',
        name: 'main',
        email: 'root@example.com',
        status: 'SUSPENDED',
        joinedMethod: 'CREATED',
        joinedAt: NOW,
      });
      expect((await rejection(authenticator.authenticate(signed(USER_KEY), NOW))).code).toBe('InvalidClientTokenId');
    });
  });
});
