import { ListGroupsCommand, ListUsersCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secondAccount } from './support/accounts.js';
import { createRole, sessionCredentials, trustPolicy } from './support/sts.js';
import { policy, userWithKey } from './support/users.js';
import { type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
let now = new Date();
let alice: Credentials;
let bob: Credentials;
let appRole: string;
const allowAssume = {
  assume: policy({ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: '*' }),
};

beforeAll(async () => {
  t = await startTestWard({ clock: () => now });
  alice = await userWithKey(t, 'alice', allowAssume);
  bob = await userWithKey(t, 'bob');
  appRole = await createRole(
    t,
    'app',
    trustPolicy({ AWS: t.accountId }, { actions: ['sts:AssumeRole', 'sts:TagSession'] }),
    {
      list: policy({ Effect: 'Allow', Action: ['iam:ListUsers', 'sts:AssumeRole'], Resource: '*' }),
    },
  );
});
afterAll(() => t.close());

describe('AssumeRole in the same account', () => {
  it('issues ASIA credentials that act as the role session', async () => {
    const out = await t.sts(alice).send(new AssumeRoleCommand({ RoleArn: appRole, RoleSessionName: 'web' }));
    expect(out.Credentials!.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out.Credentials!.SecretAccessKey).toHaveLength(40);
    expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${t.accountId}:assumed-role/app/web`);
    expect(out.AssumedRoleUser!.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:web$/);
    const session = sessionCredentials(out.Credentials);
    const me = await t.sts(session).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(out.AssumedRoleUser!.Arn);
    expect(me.UserId).toBe(out.AssumedRoleUser!.AssumedRoleId);
    await t.iam(session).send(new ListUsersCommand({}));
    const err = await caught(() => t.iam(session).send(new ListGroupsCommand({})));
    expect(err.name).toBe('AccessDenied');
  });

  it('refuses a caller whose identity policies do not allow sts:AssumeRole', async () => {
    const err = await caught(() => t.sts(bob).send(new AssumeRoleCommand({ RoleArn: appRole, RoleSessionName: 'ss' })));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe(
      `User: arn:aws:iam::${t.accountId}:user/bob is not authorized to perform: sts:AssumeRole on resource: ${appRole}`,
    );
  });

  it('refuses when the trust policy does not name the caller', async () => {
    const locked = await createRole(t, 'locked', trustPolicy({ AWS: `arn:aws:iam::${t.accountId}:user/bob` }));
    const err = await caught(() =>
      t.sts(alice).send(new AssumeRoleCommand({ RoleArn: locked, RoleSessionName: 'ss' })),
    );
    expect(err.name).toBe('AccessDenied');
    // Naming the user directly in the trust policy is enough on its own within the account.
    await t.sts(bob).send(new AssumeRoleCommand({ RoleArn: locked, RoleSessionName: 'ss' }));
  });

  it('checks sts:ExternalId', async () => {
    const ext = await createRole(
      t,
      'ext',
      trustPolicy({ AWS: t.accountId }, { condition: { StringEquals: { 'sts:ExternalId': 'secret-42' } } }),
    );
    const err = await caught(() =>
      t.sts(alice).send(new AssumeRoleCommand({ RoleArn: ext, RoleSessionName: 'ss', ExternalId: 'wrong-id' })),
    );
    expect(err.name).toBe('AccessDenied');
    await t.sts(alice).send(new AssumeRoleCommand({ RoleArn: ext, RoleSessionName: 'ss', ExternalId: 'secret-42' }));
  });

  it('limits DurationSeconds to the role maximum and to one hour when chaining', async () => {
    const tooLong = await caught(() =>
      t.sts(alice).send(new AssumeRoleCommand({ RoleArn: appRole, RoleSessionName: 'ss', DurationSeconds: 7200 })),
    );
    expect(tooLong.name).toBe('ValidationError');
    expect(tooLong.message).toBe('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    const long = await createRole(t, 'long', trustPolicy({ AWS: t.accountId }), {}, { maxSessionDuration: 43200 });
    const first = sessionCredentials(
      (await t.sts(alice).send(new AssumeRoleCommand({ RoleArn: appRole, RoleSessionName: 'aa' }))).Credentials,
    );
    const chained = await caught(() =>
      t.sts(first).send(new AssumeRoleCommand({ RoleArn: long, RoleSessionName: 'bb', DurationSeconds: 7200 })),
    );
    expect(chained.name).toBe('ValidationError');
    expect(chained.message).toBe(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
    const ok = await t
      .sts(first)
      .send(new AssumeRoleCommand({ RoleArn: long, RoleSessionName: 'bb', DurationSeconds: 3600 }));
    expect(ok.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${t.accountId}:assumed-role/long/bb`);
  });

  it('narrows the role with a session policy', async () => {
    const out = await t.sts(alice).send(
      new AssumeRoleCommand({
        RoleArn: appRole,
        RoleSessionName: 'narrow',
        Policy: JSON.stringify(policy({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' })),
      }),
    );
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    const err = await caught(() => t.iam(sessionCredentials(out.Credentials)).send(new ListUsersCommand({})));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toContain('because no session policy allows the iam:ListUsers action');
  });

  it('evaluates aws:PrincipalTag from session tags', async () => {
    const tagged = await createRole(
      t,
      'tagged',
      trustPolicy({ AWS: t.accountId }, { actions: ['sts:AssumeRole', 'sts:TagSession'] }),
      {
        byTeam: policy({
          Effect: 'Allow',
          Action: 'iam:ListUsers',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } },
        }),
      },
    );
    const red = await t
      .sts(alice)
      .send(new AssumeRoleCommand({ RoleArn: tagged, RoleSessionName: 'rr', Tags: [{ Key: 'team', Value: 'red' }] }));
    await t.iam(sessionCredentials(red.Credentials)).send(new ListUsersCommand({}));
    const blue = await t
      .sts(alice)
      .send(new AssumeRoleCommand({ RoleArn: tagged, RoleSessionName: 'bb', Tags: [{ Key: 'team', Value: 'blue' }] }));
    expect((await caught(() => t.iam(sessionCredentials(blue.Credentials)).send(new ListUsersCommand({})))).name).toBe(
      'AccessDenied',
    );
  });

  it('applies a change to the role policies to an existing session', async () => {
    const session = sessionCredentials(
      (await t.sts(alice).send(new AssumeRoleCommand({ RoleArn: appRole, RoleSessionName: 'live' }))).Credentials,
    );
    expect((await caught(() => t.iam(session).send(new ListGroupsCommand({})))).name).toBe('AccessDenied');
    await t.iam().send(
      new PutRolePolicyCommand({
        RoleName: 'app',
        PolicyName: 'groups',
        PolicyDocument: JSON.stringify(policy({ Effect: 'Allow', Action: 'iam:ListGroups', Resource: '*' })),
      }),
    );
    await t.iam(session).send(new ListGroupsCommand({}));
  });

  it('refuses a tampered or expired session token', async () => {
    const creds = sessionCredentials(
      (
        await t
          .sts(alice)
          .send(new AssumeRoleCommand({ RoleArn: appRole, RoleSessionName: 'exp', DurationSeconds: 900 }))
      ).Credentials,
    );
    const tampered = {
      ...creds,
      sessionToken: creds.sessionToken!.slice(0, -4) + (creds.sessionToken!.endsWith('AAAA') ? 'BBBB' : 'AAAA'),
    };
    const bad = await caught(() => t.sts(tampered).send(new GetCallerIdentityCommand({})));
    expect(bad.name).toBe('InvalidClientTokenId');
    expect(bad.message).toBe('The security token included in the request is invalid.');
    const missing = await caught(() =>
      t
        .sts({ accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey })
        .send(new GetCallerIdentityCommand({})),
    );
    expect(missing.name).toBe('InvalidClientTokenId');
    const saved = now;
    now = new Date(now.getTime() + 901_000);
    try {
      const expired = await caught(() => t.sts(creds).send(new GetCallerIdentityCommand({})));
      expect(expired.name).toBe('ExpiredToken');
      expect(expired.message).toBe('The security token included in the request is expired');
    } finally {
      now = saved;
    }
  });
});

describe('AssumeRole across accounts', () => {
  it('needs the trust policy and the caller account to allow', async () => {
    const other = await secondAccount(t);
    const remote = await createRole(
      t,
      'remote',
      trustPolicy({ AWS: `arn:aws:iam::${t.accountId}:root` }),
      {},
      { credentials: other.root },
    );
    expect(remote).toBe(`arn:aws:iam::${other.accountId}:role/remote`);
    const out = await t.sts(alice).send(new AssumeRoleCommand({ RoleArn: remote, RoleSessionName: 'xx' }));
    expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${other.accountId}:assumed-role/remote/xx`);
    const me = await t.sts(sessionCredentials(out.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe(other.accountId);
    const err = await caught(() => t.sts(bob).send(new AssumeRoleCommand({ RoleArn: remote, RoleSessionName: 'xx' })));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe(
      `User: arn:aws:iam::${t.accountId}:user/bob is not authorized to perform: sts:AssumeRole on resource: ${remote}`,
    );
  });
});
