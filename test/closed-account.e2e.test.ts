import { CreateAccessKeyCommand, CreateUserCommand, ListUsersCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AcceptHandshakeCommand, CloseAccountCommand, CreateOrganizationCommand, DescribeAccountCommand, InviteAccountToOrganizationCommand } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secondAccount } from './support/accounts.js';
import { orgs } from './support/organizations.js';
import { createRole, sessionCredentials, trustPolicy } from './support/sts.js';
import { policy, userWithKey } from './support/users.js';
import { type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

/**
 * Issue 12, item 6: after CloseAccount, the closed member's user keys, its role sessions issued
 * before the close and AssumeRole into it all kept working. AWS: a closed (SUSPENDED) account
 * can no longer use any service ("You will no longer be able to access AWS services that were
 * previously available in your account", Accounts reference, "Close an AWS account"); its
 * credentials are refused as invalid, and AssumeRole into it answers the usual "not authorized"
 * AccessDenied (as reported against real AWS in aws-samples/aws-security-reference-architecture-examples#218).
 */
let t: TestWard;
let member: { accountId: string; root: Credentials };
let memberUser: Credentials;
let memberUserSession: Credentials;
let roleSession: Credentials;
let mgmtAdmin: Credentials;
let roleArn: string;

beforeAll(async () => {
  t = await startTestWard();
  await orgs(t).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  member = await secondAccount(t, '210987654321');
  const { Handshake } = await orgs(t).send(new InviteAccountToOrganizationCommand({ Target: { Id: member.accountId, Type: 'ACCOUNT' } }));
  await orgs(t, member.root).send(new AcceptHandshakeCommand({ HandshakeId: Handshake!.Id! }));

  const memberIam = t.iam(member.root);
  await memberIam.send(new CreateUserCommand({ UserName: 'dev' }));
  await memberIam.send(new PutUserPolicyCommand({ UserName: 'dev', PolicyName: 'all', PolicyDocument: JSON.stringify(policy({ Effect: 'Allow', Action: '*', Resource: '*' })) }));
  const key = (await memberIam.send(new CreateAccessKeyCommand({ UserName: 'dev' }))).AccessKey!;
  memberUser = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  memberUserSession = sessionCredentials((await t.sts(memberUser).send(new GetSessionTokenCommand({}))).Credentials);

  roleArn = await createRole(t, 'ops', trustPolicy({ AWS: t.accountId }), { list: policy({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }) }, { credentials: member.root });
  mgmtAdmin = await userWithKey(t, 'mgmt-admin', { assume: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }) });
  roleSession = sessionCredentials((await t.sts(mgmtAdmin).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'before-close' }))).Credentials);

  // Everything works while the account is open (and the status is now cached on the node).
  await t.iam(memberUser).send(new ListUsersCommand({}));
  await t.iam(roleSession).send(new ListUsersCommand({}));
  await t.sts(member.root).send(new GetCallerIdentityCommand({}));

  await orgs(t).send(new CloseAccountCommand({ AccountId: member.accountId }));
  expect((await orgs(t).send(new DescribeAccountCommand({ AccountId: member.accountId }))).Account?.Status).toBe('SUSPENDED');
});
afterAll(() => t.close());

const expectInvalidToken = (err: Error & { name: string; $metadata?: { httpStatusCode?: number } }) => {
  expect(err.name).toBe('InvalidClientTokenId');
  expect(err.message).toBe('The security token included in the request is invalid.');
  expect(err.$metadata?.httpStatusCode).toBe(403);
};

describe('a closed (suspended) member account', () => {
  it("refuses its IAM users' access keys, for every service, even GetCallerIdentity", async () => {
    expectInvalidToken(await caught(() => t.iam(memberUser).send(new ListUsersCommand({}))));
    expectInvalidToken(await caught(() => t.sts(memberUser).send(new GetCallerIdentityCommand({}))));
    expectInvalidToken(await caught(() => t.sts(memberUser).send(new GetSessionTokenCommand({}))));
  });

  it('refuses sessions issued before the close: a role session and a GetSessionToken session', async () => {
    expectInvalidToken(await caught(() => t.iam(roleSession).send(new ListUsersCommand({}))));
    expectInvalidToken(await caught(() => t.sts(roleSession).send(new GetCallerIdentityCommand({}))));
    expectInvalidToken(await caught(() => t.sts(memberUserSession).send(new GetCallerIdentityCommand({}))));
  });

  it("refuses its root user's access key on the API (root may only sign in to the console)", async () => {
    expectInvalidToken(await caught(() => t.iam(member.root).send(new ListUsersCommand({}))));
    expectInvalidToken(await caught(() => orgs(t, member.root).send(new DescribeAccountCommand({ AccountId: member.accountId }))));
  });

  it('refuses AssumeRole into one of its roles with the usual AccessDenied', async () => {
    const err = await caught(() => t.sts(mgmtAdmin).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'after-close' })));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe(`User: arn:aws:iam::${t.accountId}:user/mgmt-admin is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
  });

  it('leaves the management account working', async () => {
    await t.iam().send(new ListUsersCommand({}));
    await t.sts(mgmtAdmin).send(new GetCallerIdentityCommand({}));
  });
});
