import { CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  DecodeAuthorizationMessageCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
} from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthorizeResult, authorizeRequest } from '../src/client/authorize.js';
import { loadMasterKey } from '../src/config/master-key.js';
import { codeAtStep, stepAt } from '../src/iam/core/totp.js';
import { SecretBox } from '../src/shared/secret-box.js';
import { signRequest } from '../src/sigv4/index.js';
import { encodeAuthorizationMessage } from '../src/sts/authorization-message.js';
import { createRole, sessionCredentials, trustPolicy } from './support/sts.js';
import { policy, userWithKey } from './support/users.js';
import { AUTHORIZE_TOKEN, type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
// Near the real time: the SDK signs with the wall clock, and SigV4 allows 15 minutes of skew.
let now = new Date();
let alice: Credentials;
let serial: string;
let seed: string;
/** Moves the fake clock a minute on and returns a code for the new time (never a replayed step). */
const nextCode = (): string => {
  now = new Date(now.getTime() + 60_000);
  return codeAtStep(seed, stepAt(now));
};

beforeAll(async () => {
  t = await startTestWard({ clock: () => now });
  alice = await userWithKey(t, 'alice', {
    mfaOnly: policy(
      {
        Effect: 'Allow',
        Action: 'iam:ListUsers',
        Resource: '*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
    ),
  });
  const device = (await t.iam().send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice-phone' })))
    .VirtualMFADevice!;
  serial = device.SerialNumber!;
  seed = new TextDecoder().decode(device.Base32StringSeed);
  const step = stepAt(now);
  await t.iam().send(
    new EnableMFADeviceCommand({
      UserName: 'alice',
      SerialNumber: serial,
      AuthenticationCode1: codeAtStep(seed, step - 1),
      AuthenticationCode2: codeAtStep(seed, step),
    }),
  );
});
afterAll(() => t.close());

describe('GetSessionToken', () => {
  it('without MFA gives credentials that cannot call IAM', async () => {
    const out = await t.sts(alice).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    expect(out.Credentials!.AccessKeyId).toMatch(/^ASIA/);
    expect(out.Credentials!.Expiration!.getTime()).toBe(Math.floor(now.getTime() / 1000) * 1000 + 900_000);
    const session = sessionCredentials(out.Credentials);
    const me = await t.sts(session).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:iam::${t.accountId}:user/alice`);
    const err = await caught(() => t.iam(session).send(new ListUsersCommand({})));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe(
      `User: arn:aws:iam::${t.accountId}:user/alice is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${t.accountId}:user/ because no identity-based policy allows the iam:ListUsers action`,
    );
  });

  it('refuses a wrong MFA code', async () => {
    nextCode();
    const err = await caught(() =>
      t.sts(alice).send(
        new GetSessionTokenCommand({
          SerialNumber: serial,
          TokenCode: '000000' === codeAtStep(seed, stepAt(now)) ? '111111' : '000000',
        }),
      ),
    );
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe('MultiFactorAuthentication failed with invalid MFA one time pass code.');
  });

  it('with MFA enables an MFA-conditioned policy', async () => {
    const out = await t.sts(alice).send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: nextCode() }));
    const session = sessionCredentials(out.Credentials);
    await t.iam(session).send(new ListUsersCommand({}));
    const again = await caught(() => t.sts(session).send(new GetSessionTokenCommand({})));
    expect(again.name).toBe('AccessDenied');
    expect(again.message).toBe('Cannot call GetSessionToken with session credentials');
  });

  it('with long-term keys, the MFA condition is absent and the policy does not apply', async () => {
    expect((await caught(() => t.iam(alice).send(new ListUsersCommand({})))).name).toBe('AccessDenied');
  });
});

describe('AssumeRole with MFA', () => {
  it('passes aws:MultiFactorAuthPresent to the trust policy only with a valid code', async () => {
    const role = await createRole(
      t,
      'admin',
      trustPolicy({ AWS: t.accountId }, { condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
      {
        all: policy({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }),
      },
    );
    const without = await caught(() =>
      t.sts(alice).send(new AssumeRoleCommand({ RoleArn: role, RoleSessionName: 'no-mfa' })),
    );
    expect(without.name).toBe('AccessDenied');
    const wrong = await caught(() =>
      t.sts(alice).send(
        new AssumeRoleCommand({
          RoleArn: role,
          RoleSessionName: 'bad',
          SerialNumber: serial,
          TokenCode: '12345' + '6',
        }),
      ),
    );
    expect(wrong.name).toBe('AccessDenied');
    const out = await t
      .sts(alice)
      .send(
        new AssumeRoleCommand({ RoleArn: role, RoleSessionName: 'mfa', SerialNumber: serial, TokenCode: nextCode() }),
      );
    await t.iam(sessionCredentials(out.Credentials)).send(new ListUsersCommand({}));
  });
});

/** Asks POST /authorize (as a platform service would) whether `credentials` may do s3:GetObject. */
async function mayRead(credentials: Credentials): Promise<AuthorizeResult> {
  const signed = signRequest({
    method: 'GET',
    url: 'http://storage.internal:9000/bucket/a.txt',
    headers: { 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    credentials,
    region: 'us-east-1',
    service: 's3',
  });
  return authorizeRequest({
    wardUrl: t.url,
    token: AUTHORIZE_TOKEN,
    request: { method: 'GET', url: '/bucket/a.txt', headers: signed.headers },
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::bucket/a.txt',
  });
}

describe('GetFederationToken', () => {
  it('issues a federated user whose permissions are the user policy and the session policy together', async () => {
    const carol = await userWithKey(t, 'carol', {
      fed: policy({
        Effect: 'Allow',
        Action: ['sts:GetFederationToken', 's3:GetObject', 'iam:ListUsers'],
        Resource: '*',
      }),
    });
    const out = await t.sts(carol).send(
      new GetFederationTokenCommand({
        Name: 'partner',
        Policy: JSON.stringify(policy({ Effect: 'Allow', Action: ['s3:*', 'iam:*'], Resource: '*' })),
      }),
    );
    expect(out.FederatedUser!.Arn).toBe(`arn:aws:sts::${t.accountId}:federated-user/partner`);
    expect(out.FederatedUser!.FederatedUserId).toBe(`${t.accountId}:partner`);
    const fed = sessionCredentials(out.Credentials);
    expect((await t.sts(fed).send(new GetCallerIdentityCommand({}))).Arn).toBe(out.FederatedUser!.Arn);
    const read = await mayRead(fed);
    expect(read.allowed).toBe(true);
    expect(read.principal).toMatchObject({ arn: out.FederatedUser!.Arn, type: 'FederatedUser' });
    // Federated users cannot call IAM, nor STS beyond GetCallerIdentity.
    expect((await caught(() => t.iam(fed).send(new ListUsersCommand({})))).name).toBe('AccessDenied');
    const again = await caught(() => t.sts(fed).send(new GetFederationTokenCommand({ Name: 'again' })));
    expect(again.name).toBe('AccessDenied');
    expect(again.message).toBe('Cannot call GetFederationToken with session credentials');

    // Without a session policy a federated user has no permissions.
    const bare = sessionCredentials(
      (await t.sts(carol).send(new GetFederationTokenCommand({ Name: 'bare' }))).Credentials,
    );
    expect((await mayRead(bare)).allowed).toBe(false);

    const err = await caught(() => t.sts(alice).send(new GetFederationTokenCommand({ Name: 'nope' })));
    expect(err.name).toBe('AccessDenied');
  });
});

describe('DecodeAuthorizationMessage', () => {
  it('decodes what Ward encoded, for callers allowed sts:DecodeAuthorizationMessage', async () => {
    const box = new SecretBox(loadMasterKey(t.dataDir));
    const principal = {
      kind: 'root' as const,
      accountId: t.accountId,
      arn: `arn:aws:iam::${t.accountId}:root`,
      userId: t.accountId,
    };
    const encoded = encodeAuthorizationMessage(box, {
      principal,
      action: 'ec2:RunInstances',
      resource: '*',
      allowed: false,
      explicitDeny: false,
      conditions: { 'aws:Region': 'us-east-1' },
    });
    const out = await t.sts().send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }));
    const decoded = JSON.parse(out.DecodedMessage!);
    expect(decoded.allowed).toBe(false);
    expect(decoded.context.action).toBe('ec2:RunInstances');
    expect(decoded.context.conditions.items).toEqual([
      { key: 'aws:Region', values: { items: [{ value: 'us-east-1' }] } },
    ]);
    const denied = await caught(() =>
      t.sts(alice).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded })),
    );
    expect(denied.name).toBe('AccessDenied');
    const garbage = await caught(() =>
      t.sts().send(new DecodeAuthorizationMessageCommand({ EncodedMessage: 'bm90IGEgbWVzc2FnZQ' })),
    );
    expect(garbage.name).toBe('InvalidAuthorizationMessageException');
  });
});
