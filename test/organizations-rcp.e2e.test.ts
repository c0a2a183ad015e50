import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  type IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationCommand,
  CreateOrganizationalUnitCommand,
  CreatePolicyCommand,
  DescribeCreateAccountStatusCommand,
  DescribePolicyCommand,
  DetachPolicyCommand,
  DisablePolicyTypeCommand,
  EnablePolicyTypeCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  UpdatePolicyCommand,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secondAccount } from './support/accounts.js';
import { orgs, rootKeyFor } from './support/organizations.js';
import { policy } from './support/users.js';
import { type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

const RCP = 'RESOURCE_CONTROL_POLICY';
const OUTSIDER = '210987654321';
let t: TestWard;
let orgId = '';
let rootId = '';
let member = '';
/** A user of the management account (inside the organization) and of an account outside it, each allowed sts:AssumeRole. */
let insider: Credentials;
let outsider: Credentials;

/** An IAM user allowed sts:AssumeRole on anything, with an access key. */
async function assumer(iam: IAMClient, name: string): Promise<Credentials> {
  await iam.send(new CreateUserCommand({ UserName: name }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: name,
      PolicyName: 'assume',
      PolicyDocument: JSON.stringify(policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' })),
    }),
  );
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
  return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
}

/** A role trusting both callers' accounts. */
async function sharedRole(iam: IAMClient, account: string): Promise<string> {
  const trust = policy({
    Effect: 'Allow',
    Principal: { AWS: [`arn:aws:iam::${t.accountId}:root`, `arn:aws:iam::${OUTSIDER}:root`] },
    Action: 'sts:AssumeRole',
  });
  await iam.send(new CreateRoleCommand({ RoleName: 'shared', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  return `arn:aws:iam::${account}:role/shared`;
}

const assume = (who: Credentials, RoleArn: string) =>
  t.sts(who).send(new AssumeRoleCommand({ RoleArn, RoleSessionName: 'rcp-test' }));

beforeAll(async () => {
  t = await startTestWard();
  orgId = (await orgs(t).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }))).Organization!.Id!;
  rootId = (await orgs(t).send(new ListRootsCommand({}))).Roots![0]!.Id!;
  const car = (await orgs(t).send(new CreateAccountCommand({ Email: 'data@example.com', AccountName: 'data' })))
    .CreateAccountStatus!.Id!;
  member = (await orgs(t).send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: car })))
    .CreateAccountStatus!.AccountId!;
  insider = await assumer(t.iam(), 'insider');
  outsider = await assumer(t.iam((await secondAccount(t, OUTSIDER)).root), 'outsider');
});
afterAll(() => t.close());

describe('RESOURCE_CONTROL_POLICY and RCPFullAWSAccess', () => {
  it('RCPFullAWSAccess is AWS managed and listed, with AWS’s ARN and content', async () => {
    const listed = (await orgs(t).send(new ListPoliciesCommand({ Filter: RCP }))).Policies!;
    expect(listed).toEqual([
      {
        Id: 'p-RCPFullAWSAccess',
        Arn: 'arn:aws:organizations::aws:policy/resource_control_policy/p-RCPFullAWSAccess',
        Name: 'RCPFullAWSAccess',
        Description: 'Allows access to every resource',
        Type: RCP,
        AwsManaged: true,
      },
    ]);
    const { Policy } = await orgs(t).send(new DescribePolicyCommand({ PolicyId: 'p-RCPFullAWSAccess' }));
    expect(JSON.parse(Policy!.Content!)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
    });
  });

  it('enabling the type attaches RCPFullAWSAccess to the root, every OU and every account, and to nodes made later', async () => {
    const { Root } = await orgs(t).send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: RCP }));
    expect(Root!.PolicyTypes).toContainEqual({ Type: RCP, Status: 'ENABLED' });
    const ou = (await orgs(t).send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Later' })))
      .OrganizationalUnit!.Id!;
    for (const target of [rootId, member, t.accountId, ou]) {
      const attached = (await orgs(t).send(new ListPoliciesForTargetCommand({ TargetId: target, Filter: RCP })))
        .Policies!;
      expect(attached.map((p) => p.Id)).toEqual(['p-RCPFullAWSAccess']);
    }
  });

  it('RCPFullAWSAccess cannot be detached, changed or replaced', async () => {
    const detach = await caught(() =>
      orgs(t).send(new DetachPolicyCommand({ PolicyId: 'p-RCPFullAWSAccess', TargetId: member })),
    );
    expect(detach.name).toBe('InvalidInputException');
    expect((detach as { Reason?: string }).Reason).toBe('NON_DETACHABLE_POLICY');
    const update = await caught(() =>
      orgs(t).send(new UpdatePolicyCommand({ PolicyId: 'p-RCPFullAWSAccess', Description: 'mine now' })),
    );
    expect(update.name).toBe('AccessDeniedException');
    const allow = await caught(() =>
      orgs(t).send(
        new CreatePolicyCommand({
          Name: 'MyFullAccess',
          Description: '',
          Type: RCP,
          Content: JSON.stringify(policy({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' })),
        }),
      ),
    );
    expect(allow.name).toBe('MalformedPolicyDocumentException');
    expect(allow.message).toBe(
      'The provided policy document does not meet the requirements of the specified policy type.',
    );
  });

  it('refuses RCPs outside AWS’s RCP grammar: another Principal, or a service RCPs do not govern', async () => {
    for (const statement of [
      { Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${OUTSIDER}:root` }, Action: 'sts:AssumeRole', Resource: '*' },
      { Effect: 'Deny', Principal: '*', Action: 'iam:CreateUser', Resource: '*' },
    ]) {
      const err = await caught(() =>
        orgs(t).send(
          new CreatePolicyCommand({
            Name: 'Bad',
            Description: '',
            Type: RCP,
            Content: JSON.stringify(policy(statement)),
          }),
        ),
      );
      expect(err.name).toBe('MalformedPolicyDocumentException');
    }
  });
});

describe('RCP enforcement on sts:AssumeRole into a member account’s role', () => {
  let memberRole = '';
  let managementRole = '';
  let rcpId = '';

  beforeAll(async () => {
    memberRole = await sharedRole(t.iam(await rootKeyFor(t, member)), member);
    managementRole = await sharedRole(t.iam(), t.accountId);
    const content = JSON.stringify(
      policy({
        Sid: 'OnlyOurOrg',
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': orgId } },
      }),
    );
    rcpId = (
      await orgs(t).send(
        new CreatePolicyCommand({ Name: 'OnlyOurOrg', Description: 'identity perimeter', Type: RCP, Content: content }),
      )
    ).Policy!.PolicySummary!.Id!;
  });

  it('before the RCP is attached, a caller from outside the organization assumes the role', async () => {
    expect((await assume(outsider, memberRole)).AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${member}:assumed-role/shared/rcp-test`,
    );
  });

  it('attached, it refuses the caller from outside the organization with AWS’s RCP wording, and admits one inside', async () => {
    await orgs(t).send(new AttachPolicyCommand({ PolicyId: rcpId, TargetId: rootId }));
    const err = await caught(() => assume(outsider, memberRole));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe(
      `User: arn:aws:iam::${OUTSIDER}:user/outsider is not authorized to perform: sts:AssumeRole on resource: ${memberRole} with an explicit deny in a resource control policy`,
    );
    expect((await assume(insider, memberRole)).AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${member}:assumed-role/shared/rcp-test`,
    );
  });

  it('does not bind the management account’s resources', async () => {
    expect((await assume(outsider, managementRole)).AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${t.accountId}:assumed-role/shared/rcp-test`,
    );
  });

  it('disabling the type detaches every RCP and ends enforcement', async () => {
    await orgs(t).send(new DisablePolicyTypeCommand({ RootId: rootId, PolicyType: RCP }));
    expect((await orgs(t).send(new ListPoliciesForTargetCommand({ TargetId: rootId, Filter: RCP }))).Policies).toEqual(
      [],
    );
    expect((await assume(outsider, memberRole)).AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${member}:assumed-role/shared/rcp-test`,
    );
  });
});
