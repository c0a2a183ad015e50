import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  GetRoleCommand,
  ListRolesCommand,
  TagRoleCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy, userWithKey } from './support/users.js';
import { type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
let dev: Credentials;
const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const roleArn = (path: string, name: string) => `arn:aws:iam::${t.accountId}:role${path}${name}`;

beforeAll(async () => {
  t = await startTestWard();
  const iam = t.iam();
  await iam.send(new CreateRoleCommand({ RoleName: 'CiRole', Path: '/ci/', AssumeRolePolicyDocument: trust }));
  await iam.send(
    new CreateRoleCommand({ RoleName: 'Prod', AssumeRolePolicyDocument: trust, Tags: [{ Key: 'env', Value: 'prod' }] }),
  );
  dev = await userWithKey(t, 'dev', {
    roles: policy(
      { Effect: 'Allow', Action: ['iam:GetRole', 'iam:CreateRole'], Resource: `arn:aws:iam::${t.accountId}:role/ci/*` },
      { Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*' },
      {
        Effect: 'Allow',
        Action: 'iam:AttachRolePolicy',
        Resource: '*',
        Condition: { ArnEquals: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/ReadOnlyAccess' } },
      },
      {
        Effect: 'Allow',
        Action: 'iam:TagRole',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:ResourceTag/env': 'prod' } },
      },
    ),
  });
});
afterAll(() => t.close());

describe('role operations are authorized on the role ARN', () => {
  it('allows what the policy grants on the role path and denies the rest', async () => {
    const iam = t.iam(dev);
    expect((await iam.send(new GetRoleCommand({ RoleName: 'CiRole' }))).Role!.RoleName).toBe('CiRole');
    await iam.send(new CreateRoleCommand({ RoleName: 'CiTwo', Path: '/ci/', AssumeRolePolicyDocument: trust }));
    expect((await iam.send(new ListRolesCommand({}))).Roles!.length).toBe(3);

    const denied = await caught(() => iam.send(new GetRoleCommand({ RoleName: 'Prod' })));
    expect(denied.Code).toBe('AccessDenied');
    expect(denied.message).toContain(`is not authorized to perform: iam:GetRole on resource: ${roleArn('/', 'Prod')}`);
    // A missing role outside the grant is AccessDenied too: nothing is revealed about what exists.
    expect((await caught(() => iam.send(new GetRoleCommand({ RoleName: 'Nope' })))).Code).toBe('AccessDenied');
  });

  it('evaluates iam:PolicyARN and the role tags as condition keys', async () => {
    const iam = t.iam(dev);
    await iam.send(
      new AttachRolePolicyCommand({ RoleName: 'CiRole', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
    const other = await caught(() =>
      iam.send(
        new AttachRolePolicyCommand({ RoleName: 'CiRole', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
      ),
    );
    expect(other.Code).toBe('AccessDenied');

    await iam.send(new TagRoleCommand({ RoleName: 'CiRole', Tags: [{ Key: 'team', Value: 'ci' }] }));
    const prod = await caught(() =>
      iam.send(new TagRoleCommand({ RoleName: 'Prod', Tags: [{ Key: 'team', Value: 'ci' }] })),
    );
    expect(prod.Code).toBe('AccessDenied');
  });
});
