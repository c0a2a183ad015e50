import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountStatus } from '../auth/account-status.js';
import { PolicyAuthorizer } from '../auth/policy-authorizer.js';
import { codeAtStep, newSeedBase32, stepAt } from '../iam/core/totp.js';
import { callContext } from '../server/call-context.js';
import { AwsError } from '../shared/aws-error.js';
import type { Principal } from '../shared/principal.js';
import { type MemoryStore, openMemoryStore } from '../store/testing/memory-store.js';
import { type StsHandlers, createStsHandlers } from './handlers.js';

// AssumeRole and GetSessionToken against a real store and the real authorizer (ctx.authorize as
// the pipeline builds it): the sessions they store are what the next call authenticates as.

const ACCOUNT = '111122223333';
const NOW = new Date('2026-03-01T12:00:00Z');
const ALICE = 'AIDAALICE00000000001';
const SERIAL = `arn:aws:iam::${ACCOUNT}:mfa/alice`;
const STS_ACTIONS = ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'];
const policy = (...Statement: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const alice: Principal = {
  kind: 'user',
  accountId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  userId: ALICE,
  userName: 'alice',
  path: '/',
};
const root: Principal = { kind: 'root', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, userId: ACCOUNT };

let m: MemoryStore;
let sts: StsHandlers;
let authorizer: PolicyAuthorizer;
let seed: string;

const ctx = (principal: Principal, now = NOW) =>
  callContext('req-1', { principal, region: 'us-east-1', service: 'sts' }, now, authorizer, {
    sourceIp: '192.0.2.10',
    userAgent: 'test',
    secure: true,
  });

async function createRole(roleId: string, roleName: string, maxSessionDuration: number): Promise<void> {
  // Trusts the account: identity policies then decide who in it may assume the role.
  const trust = policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: STS_ACTIONS });
  await m.store.roles.create(
    {
      roleId,
      accountId: ACCOUNT,
      roleName,
      path: '/',
      assumeRolePolicyDocument: trust,
      maxSessionDuration,
      createdAt: NOW,
    },
    [],
  );
  await m.store.inlinePolicies.put(
    { kind: 'role', id: roleId },
    'Chain',
    policy({ Effect: 'Allow', Action: STS_ACTIONS, Resource: '*' }),
  );
}

/** The principal the issued credentials authenticate as (what the store holds for the ASIA key). */
async function sessionPrincipal(accessKeyId: string | undefined): Promise<Principal> {
  const stored = await m.store.sessions.get(accessKeyId!);
  if (!stored) throw new Error(`no session ${accessKeyId}`);
  return stored.principal;
}

async function rejection(promise: Promise<unknown>): Promise<AwsError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AwsError)) throw new Error(`expected an AwsError, got ${String(err)}`);
  return err;
}

beforeEach(async () => {
  m = await openMemoryStore();
  const { store } = m;
  await store.accounts.create({ accountId: ACCOUNT, name: 'main', email: 'root@example.com', createdAt: NOW });
  await store.users.create({ userId: ALICE, accountId: ACCOUNT, userName: 'alice', path: '/', createdAt: NOW }, []);
  await store.inlinePolicies.put(
    { kind: 'user', id: ALICE },
    'Assume',
    policy({ Effect: 'Allow', Action: STS_ACTIONS, Resource: '*' }),
  );
  await createRole('AROAFIRST00000000001', 'First', 43200);
  await createRole('AROASECOND0000000001', 'Second', 43200);
  seed = newSeedBase32();
  await store.credentials.createMfaDevice(
    {
      serialNumber: SERIAL,
      accountId: ACCOUNT,
      name: 'alice',
      path: '/',
      createdAt: NOW,
      assignedRoot: false,
      lastStep: 0,
      driftSteps: 0,
    },
    seed,
    [],
  );
  await store.credentials.assignMfaDevice(SERIAL, ALICE, NOW, stepAt(NOW) - 10);
  const accounts = new AccountStatus(store, m.bus);
  authorizer = new PolicyAuthorizer(
    {
      effectiveForUser: (id) => store.effectivePolicies.forUser(id),
      userTags: (id) => store.users.tags(id),
      effectiveForRole: (id) => store.effectivePolicies.forRole(id),
      roleTags: (id) => store.roles.tags(id),
    },
    m.bus,
    undefined,
    accounts,
  );
  sts = createStsHandlers({ store, sessions: store.sessions, box: m.box, accounts });
});
afterEach(() => m.close());

const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

describe('AssumeRole', () => {
  it('issues a role session the store resolves to the assumed-role principal', async () => {
    const out = await sts.AssumeRole!(
      { RoleArn: roleArn('First'), RoleSessionName: 'one', DurationSeconds: 7200 },
      ctx(alice),
    );
    expect(out.AssumedRoleUser).toEqual({
      AssumedRoleId: 'AROAFIRST00000000001:one',
      Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/First/one`,
    });
    expect(out.Credentials?.Expiration).toEqual(new Date(NOW.getTime() + 7200_000));
    expect(await sessionPrincipal(out.Credentials?.AccessKeyId)).toMatchObject({
      kind: 'assumed-role',
      roleId: 'AROAFIRST00000000001',
      sessionName: 'one',
      session: { mfaPresent: false },
    });
    expect((await m.store.roles.getById('AROAFIRST00000000001'))?.lastUsed).toEqual({ at: NOW, region: 'us-east-1' });
  });

  it('limits a role chain to one hour, whatever the role’s maximum', async () => {
    const first = await sts.AssumeRole!({ RoleArn: roleArn('First'), RoleSessionName: 'one' }, ctx(alice));
    const chained = await sessionPrincipal(first.Credentials?.AccessKeyId);
    const err = await rejection(
      sts.AssumeRole!({ RoleArn: roleArn('Second'), RoleSessionName: 'two', DurationSeconds: 3601 }, ctx(chained)),
    );
    expect(err.code).toBe('ValidationError');
    expect(err.message).toBe(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
    const second = await sts.AssumeRole!(
      { RoleArn: roleArn('Second'), RoleSessionName: 'two', DurationSeconds: 3600 },
      ctx(chained),
    );
    expect(await sessionPrincipal(second.Credentials?.AccessKeyId)).toMatchObject({
      roleName: 'Second',
      sessionName: 'two',
    });
  });

  it('refuses a duration beyond the role’s MaxSessionDuration', async () => {
    await createRole('AROASHORT00000000001', 'Short', 3600);
    const err = await rejection(
      sts.AssumeRole!({ RoleArn: roleArn('Short'), RoleSessionName: 'one', DurationSeconds: 7200 }, ctx(alice)),
    );
    expect(err.message).toBe('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  });

  it('carries MFA and transitive tags down the chain, and the source identity cannot change', async () => {
    const code = codeAtStep(seed, stepAt(NOW));
    const first = await sts.AssumeRole!(
      {
        RoleArn: roleArn('First'),
        RoleSessionName: 'one',
        SerialNumber: SERIAL,
        TokenCode: code,
        Tags: [{ Key: 'project', Value: 'x' }],
        TransitiveTagKeys: ['project'],
        SourceIdentity: 'alice',
      },
      ctx(alice),
    );
    const chained = await sessionPrincipal(first.Credentials?.AccessKeyId);
    const err = await rejection(
      sts.AssumeRole!({ RoleArn: roleArn('Second'), RoleSessionName: 'two', SourceIdentity: 'mallory' }, ctx(chained)),
    );
    expect(err.code).toBe('AccessDenied');
    const second = await sts.AssumeRole!({ RoleArn: roleArn('Second'), RoleSessionName: 'two' }, ctx(chained));
    expect(second.SourceIdentity).toBe('alice');
    expect((await sessionPrincipal(second.Credentials?.AccessKeyId)).session).toMatchObject({
      mfaPresent: true,
      mfaAuthTime: NOW,
      tags: [{ key: 'project', value: 'x' }],
      transitiveTagKeys: ['project'],
      sourceIdentity: 'alice',
    });
  });

  it('is refused to the root user, and to a caller no policy lets assume the role', async () => {
    expect(
      (await rejection(sts.AssumeRole!({ RoleArn: roleArn('First'), RoleSessionName: 'r' }, ctx(root)))).message,
    ).toBe('Roles may not be assumed by root accounts.');
    await m.store.inlinePolicies.delete({ kind: 'user', id: ALICE }, 'Assume');
    m.bus.publish('policies', ALICE);
    const err = await rejection(sts.AssumeRole!({ RoleArn: roleArn('First'), RoleSessionName: 'one' }, ctx(alice)));
    expect(err.message).toBe(
      `User: ${alice.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn('First')}`,
    );
  });
});

describe('GetSessionToken', () => {
  it('marks the session MFA-authenticated when a valid code of the caller’s device is given', async () => {
    const out = await sts.GetSessionToken!(
      { SerialNumber: SERIAL, TokenCode: codeAtStep(seed, stepAt(NOW)) },
      ctx(alice),
    );
    expect(await sessionPrincipal(out.Credentials?.AccessKeyId)).toMatchObject({
      kind: 'user',
      userId: ALICE,
      session: { mfaPresent: true, mfaAuthTime: NOW },
    });
  });

  it('marks it not MFA-authenticated without a code, for twelve hours by default', async () => {
    const out = await sts.GetSessionToken!({}, ctx(alice));
    const principal = await sessionPrincipal(out.Credentials?.AccessKeyId);
    expect(principal.session?.mfaPresent).toBe(false);
    expect(principal.session?.mfaAuthTime).toBeUndefined();
    expect(out.Credentials?.Expiration).toEqual(new Date(NOW.getTime() + 43200_000));
  });

  it('refuses a wrong code, a spent code, and a serial without a code', async () => {
    const code = codeAtStep(seed, stepAt(NOW));
    // A code of none of the steps the check accepts (the one before and after included).
    const near = [-1, 0, 1].map((d) => codeAtStep(seed, stepAt(NOW) + d));
    const wrong = ['000000', '111111', '222222', '333333'].find((c) => !near.includes(c))!;
    expect(
      (await rejection(sts.GetSessionToken!({ SerialNumber: SERIAL, TokenCode: wrong }, ctx(alice)))).message,
    ).toBe('MultiFactorAuthentication failed with invalid MFA one time pass code.');
    await sts.GetSessionToken!({ SerialNumber: SERIAL, TokenCode: code }, ctx(alice));
    expect((await rejection(sts.GetSessionToken!({ SerialNumber: SERIAL, TokenCode: code }, ctx(alice)))).code).toBe(
      'AccessDenied',
    );
    expect((await rejection(sts.GetSessionToken!({ SerialNumber: SERIAL }, ctx(alice)))).message).toBe(
      'MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.',
    );
  });

  it('caps the root user’s session at an hour, and refuses session credentials', async () => {
    const out = await sts.GetSessionToken!({ DurationSeconds: 7200 }, ctx(root));
    expect(out.Credentials?.Expiration).toEqual(new Date(NOW.getTime() + 3600_000));
    const session = await sessionPrincipal(out.Credentials?.AccessKeyId);
    expect((await rejection(sts.GetSessionToken!({}, ctx(session)))).message).toBe(
      'Cannot call GetSessionToken with session credentials',
    );
  });
});
