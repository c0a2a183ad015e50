import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scpLevelsForAccount } from '../organizations/scp-levels.js';
import { ALL } from '../shared/cache-bus.js';
import type { CallContext } from '../shared/call-context.js';
import type { Principal } from '../shared/principal.js';
import { type MemoryStore, openMemoryStore } from '../store/testing/memory-store.js';
import { AccountStatus } from './account-status.js';
import { accessDenied } from './authorizer.js';
import { PolicyAuthorizer } from './policy-authorizer.js';
import { PolicyEvaluation } from './policy-evaluation.js';

// The authorizer over policies stored in a real store, as the server wires it (ward.ts): the
// identity, boundary, SCP and session layers, the statements that decided, and the cache that
// a `policies` invalidation drops.

const MGMT = '999988887777';
const ACCOUNT = '111122223333';
const NOW = new Date('2026-03-01T12:00:00Z');
const ALICE = 'AIDAALICE00000000001';
const ROLE = 'AROAROLE000000000001';

const policy = (...Statement: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const aliceArn = `arn:aws:iam::${ACCOUNT}:user/alice`;
const alice: Principal = {
  kind: 'user',
  accountId: ACCOUNT,
  arn: aliceArn,
  userId: ALICE,
  userName: 'alice',
  path: '/',
};

function call(principal: Principal): CallContext {
  return {
    requestId: 'req-1',
    principal,
    region: 'us-east-1',
    now: NOW,
    sourceIp: '192.0.2.10',
    userAgent: 'test',
    secureTransport: true,
    authorize: () => Promise.reject(new Error('not used by the authorizer')),
  };
}

let m: MemoryStore;
let authorizer: PolicyAuthorizer;

async function createManaged(policyId: string, name: string, document: string): Promise<string> {
  const arn = `arn:aws:iam::${ACCOUNT}:policy/${name}`;
  await m.store.policies.create(
    {
      policyId,
      arn,
      accountId: ACCOUNT,
      policyName: name,
      path: '/',
      defaultVersionId: 'v1',
      createdAt: NOW,
      updatedAt: NOW,
    },
    document,
    [],
  );
  return arn;
}

beforeEach(async () => {
  m = await openMemoryStore();
  const { store } = m;
  await store.accounts.create({ accountId: ACCOUNT, name: 'member', email: 'member@example.com', createdAt: NOW });
  await store.users.create({ userId: ALICE, accountId: ACCOUNT, userName: 'alice', path: '/', createdAt: NOW }, [
    { key: 'team', value: 'data' },
  ]);
  await store.inlinePolicies.put(
    { kind: 'user', id: ALICE },
    'S3',
    policy({
      Sid: 'S3Read',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteBucket'],
      Resource: '*',
    }),
  );
  await createManaged(
    'ANPANODELETE00000001',
    'NoDelete',
    policy({ Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }),
  );
  await store.policyAttachments.attach('ANPANODELETE00000001', { kind: 'user', id: ALICE }, ACCOUNT, NOW);
  authorizer = new PolicyAuthorizer(
    {
      effectiveForUser: (id) => store.effectivePolicies.forUser(id),
      userTags: (id) => store.users.tags(id),
      effectiveForRole: (id) => store.effectivePolicies.forRole(id),
      roleTags: (id) => store.roles.tags(id),
      scpsForAccount: (id) => scpLevelsForAccount(store.organizations, id),
    },
    m.bus,
    undefined,
    new AccountStatus(store, m.bus),
    new PolicyEvaluation(),
  );
});
afterEach(() => m.close());

describe('the policy authorizer over the store', () => {
  it('allows what an identity policy allows, naming the statement that allowed it', async () => {
    const decision = await authorizer.decide(call(alice), 's3:GetObject', 'arn:aws:s3:::bucket/key');
    expect(decision).toEqual({
      allowed: true,
      matched: [{ policyId: `${aliceArn}#inline/S3`, effect: 'Allow', index: 0, sid: 'S3Read' }],
    });
  });

  it('denies what no policy allows, as an implicit deny of the identity layer', async () => {
    const decision = await authorizer.decide(call(alice), 'ec2:RunInstances', '*');
    expect(decision).toEqual({ allowed: false, explicit: false, layer: 'identity', matched: [] });
    if (decision.allowed) return;
    expect(accessDenied(alice, 'ec2:RunInstances', '*', decision).message).toBe(
      `User: ${aliceArn} is not authorized to perform: ec2:RunInstances on resource: * because no identity-based policy allows the ec2:RunInstances action`,
    );
  });

  it('lets an attached policy’s explicit deny win over the inline allow, and says which', async () => {
    const decision = await authorizer.decide(call(alice), 's3:DeleteBucket', 'arn:aws:s3:::bucket');
    expect(decision).toMatchObject({ allowed: false, explicit: true, layer: 'identity' });
    expect(decision.matched).toContainEqual({
      policyId: `arn:aws:iam::${ACCOUNT}:policy/NoDelete`,
      effect: 'Deny',
      index: 0,
      sid: 'NoDelete',
    });
  });

  it('evaluates conditions on the principal’s tags and the request’s keys', async () => {
    await m.store.inlinePolicies.put(
      { kind: 'user', id: ALICE },
      'Tagged',
      policy({
        Effect: 'Allow',
        Action: 'sqs:SendMessage',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalTag/team': 'data', 'aws:SourceIp': '192.0.2.10' } },
      }),
    );
    m.bus.publish('policies', ALICE);
    expect((await authorizer.decide(call(alice), 'sqs:SendMessage', '*')).allowed).toBe(true);
    await m.store.tags.put('user', ALICE, [{ key: 'team', value: 'web' }]);
    m.bus.publish('user', ALICE);
    expect((await authorizer.decide(call(alice), 'sqs:SendMessage', '*')).allowed).toBe(false);
  });

  it('reads policies once per principal until a `policies` invalidation', async () => {
    expect((await authorizer.decide(call(alice), 'sns:Publish', '*')).allowed).toBe(false);
    await m.store.inlinePolicies.put(
      { kind: 'user', id: ALICE },
      'Sns',
      policy({ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' }),
    );
    expect((await authorizer.decide(call(alice), 'sns:Publish', '*')).allowed).toBe(false);
    m.bus.publish('policies', ALICE);
    expect((await authorizer.decide(call(alice), 'sns:Publish', '*')).allowed).toBe(true);
  });

  it('denies beyond the permissions boundary, as the boundary layer', async () => {
    const boundary = await createManaged(
      'ANPABOUNDARY00000001',
      'ReadOnly',
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
    );
    await m.store.users.setPermissionsBoundary(ALICE, boundary);
    m.bus.publish('policies', ALICE);
    expect((await authorizer.decide(call(alice), 's3:GetObject', '*')).allowed).toBe(true);
    expect(await authorizer.decide(call(alice), 's3:PutObject', '*')).toMatchObject({
      allowed: false,
      explicit: false,
      layer: 'boundary',
    });
  });

  describe('service control policies', () => {
    beforeEach(async () => {
      const orgs = m.store.organizations;
      await orgs.createOrg({
        orgId: 'o-aaaaaaaaaa',
        managementAccountId: MGMT,
        managementEmail: 'm@example.com',
        featureSet: 'ALL',
        rootId: 'r-aaaa',
        rootName: 'Root',
        createdAt: NOW,
      });
      await orgs.createOu({
        ouId: 'ou-aaaa-11111111',
        orgId: 'o-aaaaaaaaaa',
        parentId: 'r-aaaa',
        name: 'Data',
        createdAt: NOW,
      });
      await orgs.addAccount({
        accountId: ACCOUNT,
        orgId: 'o-aaaaaaaaaa',
        parentId: 'ou-aaaa-11111111',
        name: 'member',
        email: 'member@example.com',
        status: 'ACTIVE',
        joinedMethod: 'CREATED',
        joinedAt: NOW,
      });
      await orgs.setPolicyType('o-aaaaaaaaaa', 'SERVICE_CONTROL_POLICY', true);
      const scp = (policyId: string, content: string) =>
        orgs.createPolicy({
          orgId: 'o-aaaaaaaaaa',
          policyId,
          name: policyId,
          description: '',
          policyType: 'SERVICE_CONTROL_POLICY',
          awsManaged: false,
          content,
        });
      await scp('p-full', policy({ Effect: 'Allow', Action: '*', Resource: '*' }));
      await scp('p-nowrite', policy({ Sid: 'NoS3Writes', Effect: 'Deny', Action: 's3:PutObject', Resource: '*' }));
      for (const target of ['r-aaaa', 'ou-aaaa-11111111', ACCOUNT]) await orgs.attach('o-aaaaaaaaaa', 'p-full', target);
      await orgs.attach('o-aaaaaaaaaa', 'p-nowrite', 'ou-aaaa-11111111');
    });

    it('deny in an OU’s SCP what the identity policy allows', async () => {
      expect((await authorizer.decide(call(alice), 's3:GetObject', '*')).allowed).toBe(true);
      const decision = await authorizer.decide(call(alice), 's3:PutObject', '*');
      expect(decision).toMatchObject({ allowed: false, explicit: true, layer: 'scp' });
      expect(decision.matched).toContainEqual({ policyId: 'p-nowrite', effect: 'Deny', index: 0, sid: 'NoS3Writes' });
    });

    it('deny implicitly when a level of the tree allows nothing, once the change is published', async () => {
      await m.store.organizations.detach('o-aaaaaaaaaa', 'p-full', ACCOUNT);
      m.bus.publish('policies', ALL);
      expect(await authorizer.decide(call(alice), 's3:GetObject', '*')).toMatchObject({
        allowed: false,
        explicit: false,
        layer: 'scp',
      });
    });
  });

  describe('a role session', () => {
    const session = (policies: Array<{ id: string; document: string }>): Principal => ({
      kind: 'assumed-role',
      accountId: ACCOUNT,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Reader/s1`,
      userId: `${ROLE}:s1`,
      roleId: ROLE,
      roleName: 'Reader',
      rolePath: '/',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/Reader`,
      sessionName: 's1',
      session: {
        accessKeyId: 'ASIASESSION000000001',
        issuedAt: NOW,
        expiresAt: new Date(NOW.getTime() + 3600_000),
        mfaPresent: false,
        policies,
        tags: [],
        transitiveTagKeys: [],
      },
    });

    beforeEach(async () => {
      await m.store.roles.create(
        {
          roleId: ROLE,
          accountId: ACCOUNT,
          roleName: 'Reader',
          path: '/',
          assumeRolePolicyDocument: policy(),
          maxSessionDuration: 3600,
          createdAt: NOW,
        },
        [],
      );
      await m.store.inlinePolicies.put(
        { kind: 'role', id: ROLE },
        'Dynamo',
        policy({ Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem'], Resource: '*' }),
      );
    });

    it('acts with the role’s policies', async () => {
      expect((await authorizer.decide(call(session([])), 'dynamodb:PutItem', '*')).allowed).toBe(true);
      expect((await authorizer.decide(call(session([])), 's3:GetObject', '*')).allowed).toBe(false);
    });

    it('is narrowed by its session policy, which denies as the session layer', async () => {
      const narrowed = session([
        {
          id: 'req-0#session-policy',
          document: policy({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }),
        },
      ]);
      expect((await authorizer.decide(call(narrowed), 'dynamodb:GetItem', '*')).allowed).toBe(true);
      expect(await authorizer.decide(call(narrowed), 'dynamodb:PutItem', '*')).toMatchObject({
        allowed: false,
        explicit: false,
        layer: 'session',
      });
    });
  });

  it('refuses every call of a closed account', async () => {
    await m.store.accounts.markClosed(ACCOUNT, NOW);
    m.bus.publish('account', ACCOUNT);
    expect(await authorizer.decide(call(alice), 's3:GetObject', '*')).toEqual({
      allowed: false,
      explicit: false,
      layer: 'identity',
      matched: [],
    });
  });

  it('keeps GetSessionToken credentials without MFA away from IAM', async () => {
    await m.store.inlinePolicies.put(
      { kind: 'user', id: ALICE },
      'Iam',
      policy({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }),
    );
    m.bus.publish('policies', ALICE);
    const withSession = (mfaPresent: boolean): Principal => ({
      ...alice,
      session: {
        accessKeyId: 'ASIASESSION000000002',
        issuedAt: NOW,
        expiresAt: new Date(NOW.getTime() + 3600_000),
        mfaPresent,
        policies: [],
        tags: [],
        transitiveTagKeys: [],
      },
    });
    expect((await authorizer.decide(call(alice), 'iam:ListUsers', '*')).allowed).toBe(true);
    expect((await authorizer.decide(call(withSession(false)), 'iam:ListUsers', '*')).allowed).toBe(false);
    expect((await authorizer.decide(call(withSession(true)), 'iam:ListUsers', '*')).allowed).toBe(true);
  });
});

describe('organization policies that do not compile (only emulator mode stores them)', () => {
  const allowAll = policy({ Effect: 'Allow', Action: '*', Resource: '*' });
  const decideWith = (levels: { id: string; document: string }[][], kind: 'scp' | 'rcp') => {
    const bus = { publish: () => undefined, subscribe: () => undefined };
    const a = new PolicyAuthorizer(
      {
        effectiveForUser: () => Promise.resolve({ identity: [{ id: 'admin', document: allowAll }] }),
        userTags: () => Promise.resolve([]),
        ...(kind === 'scp'
          ? { scpsForAccount: () => Promise.resolve(levels) }
          : { rcpsForAccount: () => Promise.resolve(levels) }),
      },
      bus as never,
    );
    // RCPs bind resources of their own account: a role's, as AssumeRole reaches it.
    return kind === 'scp'
      ? a.decide(call(alice), 's3:GetObject', 'arn:aws:s3:::bucket/key')
      : a.decide(call(alice), 'sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/r`);
  };

  it('an SCP that does not compile denies everything, however the rest of its level allows', async () => {
    expect((await decideWith([[{ id: 'full', document: allowAll }]], 'scp')).allowed).toBe(true);
    const junk = await decideWith(
      [
        [
          { id: 'full', document: allowAll },
          { id: 'junk', document: 'junk' },
        ],
      ],
      'scp',
    );
    expect(junk).toMatchObject({ allowed: false, explicit: true, layer: 'scp' });
  });

  it('an RCP that does not compile denies everything', async () => {
    const junk = await decideWith([[{ id: 'junk', document: '{"Version":' }]], 'rcp');
    expect(junk).toMatchObject({ allowed: false, explicit: true });
  });
});
