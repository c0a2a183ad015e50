import {
  AddUserToGroupCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  DeleteUserPolicyCommand,
  ListAccessKeysCommand,
  ListUsersCommand,
  PutGroupPolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy, userWithKey } from './support/users.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const userArn = (name: string) => `arn:aws:iam::${t.accountId}:user/${name}`;

describe('identity policies are enforced on every call', () => {
  it('a user allowed only iam:ListUsers can list but cannot create', async () => {
    const bob = await userWithKey(t, 'bob', {
      ListOnly: policy({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }),
    });
    const listed = await t.iam(bob).send(new ListUsersCommand({}));
    expect(listed.Users?.map((u) => u.UserName)).toContain('bob');
    const err = await caught(() => t.iam(bob).send(new CreateUserCommand({ UserName: 'alice' })));
    expect(err.Code).toBe('AccessDenied');
    expect(err.message).toBe(
      `User: ${userArn('bob')} is not authorized to perform: iam:CreateUser on resource: ${userArn('alice')} because no identity-based policy allows the iam:CreateUser action`,
    );
  });

  it('an explicit deny beats AdministratorAccess', async () => {
    const carol = await userWithKey(t, 'carol');
    await t.iam().send(new AttachUserPolicyCommand({ UserName: 'carol', PolicyArn: ADMIN }));
    await t.iam(carol).send(new CreateUserCommand({ UserName: 'made-by-carol' }));
    await t.iam().send(
      new PutUserPolicyCommand({
        UserName: 'carol',
        PolicyName: 'NoCreate',
        PolicyDocument: JSON.stringify(policy({ Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' })),
      }),
    );
    const err = await caught(() => t.iam(carol).send(new CreateUserCommand({ UserName: 'second-by-carol' })));
    expect(err.Code).toBe('AccessDenied');
    expect(err.message).toBe(
      `User: ${userArn('carol')} is not authorized to perform: iam:CreateUser on resource: ${userArn('second-by-carol')} with an explicit deny in an identity-based policy`,
    );
    // Everything else AdministratorAccess grants still works.
    await t.iam(carol).send(new ListUsersCommand({}));
  });

  it('a permissions boundary caps an administrator', async () => {
    const dave = await userWithKey(t, 'dave');
    await t.iam().send(new AttachUserPolicyCommand({ UserName: 'dave', PolicyArn: ADMIN }));
    const boundary = await t.iam().send(
      new CreatePolicyCommand({
        PolicyName: 'ReadIamOnly',
        PolicyDocument: JSON.stringify(policy({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' })),
      }),
    );
    await t
      .iam()
      .send(new PutUserPermissionsBoundaryCommand({ UserName: 'dave', PermissionsBoundary: boundary.Policy!.Arn }));
    await t.iam(dave).send(new ListUsersCommand({}));
    const err = await caught(() => t.iam(dave).send(new CreateUserCommand({ UserName: 'made-by-dave' })));
    expect(err.Code).toBe('AccessDenied');
    expect(err.message).toContain('because no permissions boundary allows the iam:CreateUser action');
  });

  it('conditions on aws:MultiFactorAuthPresent: long-term keys carry no MFA', async () => {
    const erin = await userWithKey(t, 'erin', {
      Admin: policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
      RequireMfa: policy({
        Effect: 'Deny',
        NotAction: ['iam:ListUsers'],
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      }),
    });
    await t.iam(erin).send(new ListUsersCommand({}));
    const err = await caught(() => t.iam(erin).send(new CreateUserCommand({ UserName: 'made-by-erin' })));
    expect(err.message).toContain('with an explicit deny in an identity-based policy');

    const fay = await userWithKey(t, 'fay', {
      OnlyWithMfa: policy({
        Effect: 'Allow',
        Action: 'iam:ListUsers',
        Resource: '*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      }),
    });
    expect((await caught(() => t.iam(fay).send(new ListUsersCommand({})))).message).toContain(
      'because no identity-based policy allows',
    );
  });

  it('${aws:username} scopes a policy to managing one’s own keys', async () => {
    const selfService = policy({
      Effect: 'Allow',
      Action: ['iam:CreateAccessKey', 'iam:ListAccessKeys', 'iam:DeleteAccessKey', 'iam:UpdateAccessKey'],
      Resource: `arn:aws:iam::${t.accountId}:user/\${aws:username}`,
    });
    const gus = await userWithKey(t, 'gus', { SelfService: selfService });
    await t.iam().send(new CreateUserCommand({ UserName: 'hal' }));
    const mine = await t.iam(gus).send(new CreateAccessKeyCommand({}));
    expect(mine.AccessKey?.UserName).toBe('gus');
    expect((await t.iam(gus).send(new ListAccessKeysCommand({}))).AccessKeyMetadata).toHaveLength(2);
    const err = await caught(() => t.iam(gus).send(new CreateAccessKeyCommand({ UserName: 'hal' })));
    expect(err.Code).toBe('AccessDenied');
    expect(err.message).toContain(`on resource: ${userArn('hal')}`);
  });

  it('group policies apply to members, and changes take effect on the next request', async () => {
    const ivy = await userWithKey(t, 'ivy');
    await t.iam().send(new CreateGroupCommand({ GroupName: 'listers' }));
    await t.iam().send(
      new PutGroupPolicyCommand({
        GroupName: 'listers',
        PolicyName: 'List',
        PolicyDocument: JSON.stringify(policy({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' })),
      }),
    );
    expect((await caught(() => t.iam(ivy).send(new ListUsersCommand({})))).Code).toBe('AccessDenied');
    await t.iam().send(new AddUserToGroupCommand({ GroupName: 'listers', UserName: 'ivy' }));
    await t.iam(ivy).send(new ListUsersCommand({}));
    await t.iam().send(new RemoveUserFromGroupCommand({ GroupName: 'listers', UserName: 'ivy' }));
    expect((await caught(() => t.iam(ivy).send(new ListUsersCommand({})))).Code).toBe('AccessDenied');

    await t.iam().send(
      new PutUserPolicyCommand({
        UserName: 'ivy',
        PolicyName: 'Own',
        PolicyDocument: JSON.stringify(policy({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' })),
      }),
    );
    await t.iam(ivy).send(new ListUsersCommand({}));
    await t.iam().send(new DeleteUserPolicyCommand({ UserName: 'ivy', PolicyName: 'Own' }));
    expect((await caught(() => t.iam(ivy).send(new ListUsersCommand({})))).Code).toBe('AccessDenied');
  });

  it('GetCallerIdentity needs no permission, even under an explicit deny of everything', async () => {
    const jan = await userWithKey(t, 'jan', { DenyAll: policy({ Effect: 'Deny', Action: '*', Resource: '*' }) });
    expect((await t.sts(jan).send(new GetCallerIdentityCommand({}))).Arn).toBe(userArn('jan'));
  });

  it('tag conditions: aws:PrincipalTag from the user, aws:RequestTag from the request', async () => {
    const kim = await userWithKey(t, 'kim', {
      TaggedCreate: policy({
        Effect: 'Allow',
        Action: ['iam:CreateUser', 'iam:TagUser'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestTag/team': '${aws:PrincipalTag/team}' } },
      }),
    });
    await t.iam().send(
      new (await import('@aws-sdk/client-iam')).TagUserCommand({
        UserName: 'kim',
        Tags: [{ Key: 'team', Value: 'blue' }],
      }),
    );
    await t.iam(kim).send(new CreateUserCommand({ UserName: 'blue-one', Tags: [{ Key: 'team', Value: 'blue' }] }));
    const err = await caught(() =>
      t.iam(kim).send(new CreateUserCommand({ UserName: 'red-one', Tags: [{ Key: 'team', Value: 'red' }] })),
    );
    expect(err.Code).toBe('AccessDenied');
  });
});
