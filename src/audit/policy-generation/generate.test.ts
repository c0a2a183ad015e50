import { describe, expect, it } from 'vitest';
import { validateIdentityDocument } from '../../policy/validate-identity.js';
import { checkPolicySize } from '../../policy/size.js';
import type { Principal } from '../../shared/principal.js';
import { buildApiEvent } from '../build-event.js';
import type { AuditedDecision } from '../entries.js';
import { KEPT_EXACT_RESOURCES, MAX_EXACT_RESOURCES } from './generalize.js';
import { PolicyGenerator, generatePolicy } from './generate.js';
import { targetPrincipal } from './principal.js';

const ACCOUNT = '123456789012';
const alice: Principal = {
  kind: 'user',
  accountId: ACCOUNT,
  arn: `arn:aws:iam::${ACCOUNT}:user/team/alice`,
  userId: 'AIDAALICE',
  userName: 'alice',
  path: '/team/',
};
const bob: Principal = { ...alice, arn: `arn:aws:iam::${ACCOUNT}:user/bob`, userId: 'AIDABOB', userName: 'bob' };
const session = {
  accessKeyId: 'ASIAEXAMPLE',
  issuedAt: new Date('2026-12-01T00:00:00Z'),
  expiresAt: new Date('2026-12-01T01:00:00Z'),
  mfaPresent: false,
  policies: [],
  tags: [],
  transitiveTagKeys: [],
};
const roleSession = (name: string): Principal => ({
  kind: 'assumed-role',
  accountId: ACCOUNT,
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/${name}`,
  userId: `AROADEPLOYER:${name}`,
  roleId: 'AROADEPLOYER',
  roleName: 'deployer',
  rolePath: '/ci/',
  roleArn: `arn:aws:iam::${ACCOUNT}:role/ci/deployer`,
  sessionName: name,
  session,
});

type D = [action: string, resource: string, decision?: AuditedDecision['decision']];

/** A record as Ward writes it: a call of `principal` with these authorization decisions. */
function record(principal: Principal, decisions: D[], extra: { authorize?: boolean; data?: object } = {}): string {
  const [service, operation] = decisions[0]![0].split(':') as [string, string];
  const stored = buildApiEvent(
    {
      requestId: 'r',
      at: new Date('2026-12-01T00:10:00Z'),
      sourceIp: '127.0.0.1',
      userAgent: 'test',
      service,
      operation,
      principal,
      decisions: decisions.map(([action, resource, decision = 'Allowed']) => ({
        action,
        resource,
        decision,
        ...(decision === 'Allowed' ? {} : { denyingLayer: 'identity' }),
        matched: [],
      })),
      ...(extra.authorize ? { authorizeRequest: true } : {}),
    },
    ACCOUNT,
    () => undefined,
  ).record;
  if (!extra.data) return stored;
  const parsed = JSON.parse(stored) as { additionalEventData: object };
  parsed.additionalEventData = { ...parsed.additionalEventData, ...extra.data };
  return JSON.stringify(parsed);
}

const user = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`;
const ALICE = targetPrincipal(alice.arn)!;
const DEPLOYER = targetPrincipal(`arn:aws:iam::${ACCOUNT}:role/ci/deployer`)!;
const keys = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `arn:aws:s3:::data/${prefix}${i}.json`);

describe('generatePolicy', () => {
  const cases: Array<{ name: string; records: string[]; options?: object; expected: unknown }> = [
    {
      name: 'groups actions by service, sorted, one statement per shared Resource set',
      records: [
        record(alice, [['iam:GetUser', user('team/alice')]]),
        record(alice, [['iam:ListAccessKeys', user('team/alice')]]),
        record(alice, [['iam:ListUsers', '*']]),
        record(alice, [['s3:GetObject', 'arn:aws:s3:::data/a.json']], { authorize: true }),
        record(alice, [['s3:GetObject', 'arn:aws:s3:::data/a.json']], { authorize: true }),
      ],
      expected: [
        {
          Sid: 'IamAccess1',
          Effect: 'Allow',
          Action: ['iam:GetUser', 'iam:ListAccessKeys'],
          Resource: user('team/alice'),
        },
        { Sid: 'IamAccess2', Effect: 'Allow', Action: ['iam:ListUsers'], Resource: '*' },
        { Sid: 'S3Access1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::data/a.json' },
      ],
    },
    {
      name: `lists up to ${MAX_EXACT_RESOURCES} objects of a bucket exactly`,
      records: keys(MAX_EXACT_RESOURCES, 'in/').map((k) => record(alice, [['s3:GetObject', k]])),
      expected: [
        { Sid: 'S3Access1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: keys(MAX_EXACT_RESOURCES, 'in/') },
      ],
    },
    {
      name: `grants more than ${MAX_EXACT_RESOURCES} objects on their common folder`,
      records: [
        ...keys(MAX_EXACT_RESOURCES, 'in/2026/a').map((k) => record(alice, [['s3:GetObject', k]])),
        record(alice, [['s3:GetObject', 'arn:aws:s3:::data/in/2026/b/deep.json']]),
      ],
      expected: [
        { Sid: 'S3Access1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::data/in/2026/*' },
      ],
    },
    {
      name: 'never generalizes above the bucket, and keeps buckets apart',
      records: [
        ...keys(MAX_EXACT_RESOURCES + 1, '').map((k, i) =>
          record(alice, [['s3:PutObject', k.replace('/', `/p${i}/`)]]),
        ),
        record(alice, [['s3:PutObject', 'arn:aws:s3:::other/x']]),
      ],
      expected: [
        {
          Sid: 'S3Access1',
          Effect: 'Allow',
          Action: ['s3:PutObject'],
          Resource: ['arn:aws:s3:::data/*', 'arn:aws:s3:::other/x'],
        },
      ],
    },
    {
      name: 'lists resources without a parent (buckets, queues) exactly however many',
      records: Array.from({ length: 8 }, (_, i) => record(alice, [['s3:ListBucket', `arn:aws:s3:::bucket${i}`]])),
      expected: [
        {
          Sid: 'S3Access1',
          Effect: 'Allow',
          Action: ['s3:ListBucket'],
          Resource: Array.from({ length: 8 }, (_, i) => `arn:aws:s3:::bucket${i}`),
        },
      ],
    },
    {
      name: 'an action seen on * is granted on * alone',
      records: [
        record(alice, [['sqs:ListQueues', 'arn:aws:sqs:us-east-1:123456789012:q']]),
        record(alice, [['sqs:ListQueues', '*']]),
      ],
      expected: [{ Sid: 'SqsAccess1', Effect: 'Allow', Action: ['sqs:ListQueues'], Resource: '*' }],
    },
    {
      name: 'counts only allowed decisions by default',
      records: [
        record(alice, [
          ['iam:CreateUser', user('x')],
          ['iam:TagUser', user('x'), 'ImplicitDeny'],
        ]),
        record(alice, [['iam:DeleteUser', user('x'), 'ExplicitDeny']]),
      ],
      expected: [{ Sid: 'IamAccess1', Effect: 'Allow', Action: ['iam:CreateUser'], Resource: user('x') }],
    },
    {
      name: 'counts denials with includeDenied',
      options: { includeDenied: true },
      records: [record(alice, [['iam:DeleteUser', user('x'), 'ExplicitDeny']])],
      expected: [{ Sid: 'IamAccess1', Effect: 'Allow', Action: ['iam:DeleteUser'], Resource: user('x') }],
    },
    {
      name: "counts the gateway's soft-mode would-be denials as used",
      records: [
        record(alice, [['sqs:SendMessage', 'arn:aws:sqs:us-east-1:123456789012:jobs', 'ImplicitDeny']], {
          data: { Gateway: 'ward', GatewayMode: 'soft' },
        }),
        record(alice, [['sqs:DeleteQueue', 'arn:aws:sqs:us-east-1:123456789012:jobs', 'ImplicitDeny']], {
          data: { Gateway: 'ward', GatewayMode: 'enforce' },
        }),
      ],
      expected: [
        {
          Sid: 'SqsAccess1',
          Effect: 'Allow',
          Action: ['sqs:SendMessage'],
          Resource: 'arn:aws:sqs:us-east-1:123456789012:jobs',
        },
      ],
    },
    {
      name: 'ignores other principals, records without authorizations and malformed ones',
      records: [
        record(bob, [['iam:DeleteUser', user('x')]]),
        record(alice, [['iam:GetUser', user('team/alice')]]).replace('"Authorizations"', '"Other"'),
        '{not json',
        record(alice, [['iam:Get*', '*']]),
      ],
      expected: undefined,
    },
    {
      name: 'escapes wildcard and variable characters of a literal resource',
      records: [record(alice, [['s3:GetObject', 'arn:aws:s3:::data/a*b?c${x}']])],
      expected: [
        {
          Sid: 'S3Access1',
          Effect: 'Allow',
          Action: ['s3:GetObject'],
          Resource: 'arn:aws:s3:::data/a${*}b${?}c${$}{x}',
        },
      ],
    },
    {
      name: 'merges actions case-insensitively and lower-cases the service prefix',
      records: [
        record(alice, [['IAM:GetUser', user('team/alice')]]),
        record(alice, [['iam:getuser', user('team/alice')]]),
      ],
      expected: [{ Sid: 'IamAccess1', Effect: 'Allow', Action: ['iam:GetUser'], Resource: user('team/alice') }],
    },
  ];

  it.each(cases)('$name', ({ records, options, expected }) => {
    const policy = generatePolicy(records, ALICE, options);
    expect(policy?.Statement).toEqual(expected);
    if (policy) {
      expect(validateIdentityDocument(policy, { requireCurrentVersion: true })).toMatchObject({ ok: true });
      expect(checkPolicySize(JSON.stringify(policy), 6144)).toBeUndefined();
    }
  });

  it("counts a role's sessions, whatever their names, for the role, and the role's ARN may omit its path", () => {
    const records = [
      record(roleSession('build-1'), [['iam:GetRole', `arn:aws:iam::${ACCOUNT}:role/ci/deployer`]]),
      record(roleSession('build-2'), [['sts:GetSessionToken', '*']]),
      record(alice, [['iam:DeleteRole', `arn:aws:iam::${ACCOUNT}:role/ci/deployer`]]),
    ];
    const expected = [
      {
        Sid: 'IamAccess1',
        Effect: 'Allow',
        Action: ['iam:GetRole'],
        Resource: `arn:aws:iam::${ACCOUNT}:role/ci/deployer`,
      },
      { Sid: 'StsAccess1', Effect: 'Allow', Action: ['sts:GetSessionToken'], Resource: '*' },
    ];
    expect(generatePolicy(records, DEPLOYER)?.Statement).toEqual(expected);
    expect(generatePolicy(records, targetPrincipal(`arn:aws:iam::${ACCOUNT}:role/deployer`)!)?.Statement).toEqual(
      expected,
    );
    // A user of the same name in the same account is someone else.
    expect(generatePolicy(records, targetPrincipal(`arn:aws:iam::${ACCOUNT}:user/deployer`)!)).toBeUndefined();
    expect(generatePolicy(records, targetPrincipal(`arn:aws:iam::999999999999:role/ci/deployer`)!)).toBeUndefined();
  });

  it("counts a user's temporary-credential sessions for the user", () => {
    const sessionAlice: Principal = { ...alice, session };
    expect(generatePolicy([record(sessionAlice, [['iam:ListGroups', '*']])], ALICE)?.Statement).toHaveLength(1);
  });

  it('keeps memory bounded: a long run of distinct objects keeps a sample and one prefix', () => {
    const g = new PolicyGenerator(ALICE);
    for (let i = 0; i < 5000; i++) g.add(record(alice, [['s3:GetObject', `arn:aws:s3:::logs/app/${i}.gz`]]));
    expect(g.policy()?.Statement[0]?.Resource).toBe('arn:aws:s3:::logs/app/*');
    expect(g.usedAccess()[0]?.resources).toHaveLength(KEPT_EXACT_RESOURCES);
    expect(g.countedEvents).toBe(5000);
  });

  it('gives every statement a unique alphanumeric Sid across many services', () => {
    const records = ['access-analyzer:ListAnalyzers', 'kms:ListKeys', 's3:ListAllMyBuckets'].map((a) =>
      record(alice, [[a, '*']]),
    );
    records.push(record(alice, [['kms:Decrypt', 'arn:aws:kms:us-east-1:123456789012:key/k1']]));
    expect(generatePolicy(records, ALICE)?.Statement.map((s) => s.Sid)).toEqual([
      'AccessAnalyzerAccess1',
      'KmsAccess1',
      'KmsAccess2',
      'S3Access1',
    ]);
  });
});

describe('targetPrincipal', () => {
  it.each([
    ['arn:aws:iam::123456789012:user/alice', { kind: 'user', name: 'alice' }],
    ['arn:aws:iam::123456789012:role/a/b/c', { kind: 'role', name: 'c' }],
    ['arn:aws:sts::123456789012:assumed-role/r/s', undefined],
    ['arn:aws:iam::123456789012:group/g', undefined],
    ['arn:aws:iam::123456789012:root', undefined],
    ['arn:aws:iam::12345:user/x', undefined],
    ['arn:aws:iam::123456789012:user/', undefined],
    ['alice', undefined],
  ])('%s', (arn, expected) => {
    const t = targetPrincipal(arn);
    if (expected === undefined) expect(t).toBeUndefined();
    else expect(t).toMatchObject({ ...expected, accountId: '123456789012' });
  });
});
