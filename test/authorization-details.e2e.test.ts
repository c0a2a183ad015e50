import {
  AddUserToGroupCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetAccountAuthorizationDetailsCommand,
  PutGroupPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from './support/users.js';
import { type TestWard, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
  const iam = t.iam();
  await iam.send(new CreateUserCommand({ UserName: 'auditor', Tags: [{ Key: 'team', Value: 'sec' }] }));
  await iam.send(new CreateGroupCommand({ GroupName: 'readers' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: 'auditor' }));
  await iam.send(
    new PutGroupPolicyCommand({
      GroupName: 'readers',
      PolicyName: 'Read',
      PolicyDocument: JSON.stringify(policy({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' })),
    }),
  );
  await iam.send(
    new AttachUserPolicyCommand({ UserName: 'auditor', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }),
  );
  await iam.send(
    new CreatePolicyCommand({
      PolicyName: 'Local',
      PolicyDocument: JSON.stringify(policy({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' })),
    }),
  );
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'app',
      AssumeRolePolicyDocument: JSON.stringify(
        policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
      ),
    }),
  );
});
afterAll(() => t.close());

describe('GetAccountAuthorizationDetails', () => {
  it('reports users, groups, roles and policies with their relationships', async () => {
    const out = await t.iam().send(new GetAccountAuthorizationDetailsCommand({}));
    const auditor = out.UserDetailList!.find((u) => u.UserName === 'auditor')!;
    expect(auditor.GroupList).toEqual(['readers']);
    expect(auditor.AttachedManagedPolicies).toEqual([
      { PolicyName: 'IAMReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' },
    ]);
    expect(auditor.Tags).toEqual([{ Key: 'team', Value: 'sec' }]);
    const readers = out.GroupDetailList!.find((g) => g.GroupName === 'readers')!;
    expect(readers.GroupPolicyList![0]!.PolicyName).toBe('Read');
    expect(JSON.parse(decodeURIComponent(readers.GroupPolicyList![0]!.PolicyDocument!))).toEqual(
      policy({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }),
    );
    expect(out.RoleDetailList!.map((r) => r.RoleName)).toContain('app');
    const names = out.Policies!.map((p) => p.PolicyName);
    expect(names).toContain('Local');
    expect(names).toContain('IAMReadOnlyAccess');
    expect(names).not.toContain('AdministratorAccess');
    const local = out.Policies!.find((p) => p.PolicyName === 'Local')!;
    expect(local.PolicyVersionList).toHaveLength(1);
    expect(local.PolicyVersionList![0]!.IsDefaultVersion).toBe(true);
  });

  it('filters by entity type and paginates', async () => {
    const users = await t.iam().send(new GetAccountAuthorizationDetailsCommand({ Filter: ['User'] }));
    expect(users.GroupDetailList).toEqual([]);
    expect(users.Policies).toEqual([]);
    const first = await t.iam().send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 2 }));
    expect(first.IsTruncated).toBe(true);
    const rest = await t.iam().send(new GetAccountAuthorizationDetailsCommand({ Marker: first.Marker }));
    const count = (o: typeof first) =>
      o.UserDetailList!.length + o.GroupDetailList!.length + o.RoleDetailList!.length + o.Policies!.length;
    expect(count(first) + count(rest)).toBe(count(await t.iam().send(new GetAccountAuthorizationDetailsCommand({}))));
  });
});
