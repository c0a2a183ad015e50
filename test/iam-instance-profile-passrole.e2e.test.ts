import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  GetInstanceProfileCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRole, trustPolicy } from './support/sts.js';
import { policy, userWithKey } from './support/users.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

/**
 * Issue 12, item 16: AddRoleToInstanceProfile did not check iam:PassRole, so a user allowed only
 * to edit instance profiles could put any role (an administrator's, say) into a profile and hand
 * it to EC2. AWS: "The caller of this operation must be granted the PassRole permission on the IAM
 * role by a permissions policy" (IAM API Reference, AddRoleToInstanceProfile), with the service
 * EC2 (iam:PassedToService) and arn:aws:ec2:*:ACCOUNT:instance/* as iam:AssociatedResourceArn.
 */
let t: TestWard;
let adminRole: string;
const ec2Trust = trustPolicy({ Service: 'ec2.amazonaws.com' });
const profiles = policy({
  Effect: 'Allow',
  Action: ['iam:CreateInstanceProfile', 'iam:AddRoleToInstanceProfile', 'iam:GetInstanceProfile'],
  Resource: '*',
});

beforeAll(async () => {
  t = await startTestWard();
  adminRole = await createRole(t, 'admin-for-ec2', ec2Trust, {
    all: policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
  });
  await createRole(t, 'web', ec2Trust);
});
afterAll(() => t.close());

describe('AddRoleToInstanceProfile needs iam:PassRole on the role', () => {
  it('refuses a caller who may edit instance profiles but not pass the role', async () => {
    const key = await userWithKey(t, 'profile-editor', { profiles });
    await t.iam(key).send(new CreateInstanceProfileCommand({ InstanceProfileName: 'escalate' }));
    const err = await caught(() =>
      t
        .iam(key)
        .send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'escalate', RoleName: 'admin-for-ec2' })),
    );
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe(
      `User: arn:aws:iam::${t.accountId}:user/profile-editor is not authorized to perform: iam:PassRole on resource: ${adminRole} because no identity-based policy allows the iam:PassRole action`,
    );
    expect(
      (await t.iam(key).send(new GetInstanceProfileCommand({ InstanceProfileName: 'escalate' }))).InstanceProfile
        ?.Roles,
    ).toEqual([]);
  });

  it('allows it with PassRole on that role for EC2, and not with PassRole limited to another service', async () => {
    const ec2Only = await userWithKey(t, 'ec2-passer', {
      profiles,
      pass: policy({
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: `arn:aws:iam::${t.accountId}:role/web`,
        Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
      }),
    });
    await t.iam(ec2Only).send(new CreateInstanceProfileCommand({ InstanceProfileName: 'web-profile' }));
    await t
      .iam(ec2Only)
      .send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web-profile', RoleName: 'web' }));
    const other = await caught(() =>
      t
        .iam(ec2Only)
        .send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web-profile', RoleName: 'admin-for-ec2' })),
    );
    expect(other.name).toBe('AccessDenied');

    const lambdaOnly = await userWithKey(t, 'lambda-passer', {
      profiles,
      pass: policy({
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: '*',
        Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
      }),
    });
    await t.iam(lambdaOnly).send(new CreateInstanceProfileCommand({ InstanceProfileName: 'lambda-profile' }));
    const err = await caught(() =>
      t
        .iam(lambdaOnly)
        .send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'lambda-profile', RoleName: 'web' })),
    );
    expect(err.name).toBe('AccessDenied');
  });
});
