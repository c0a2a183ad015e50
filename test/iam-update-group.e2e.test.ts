import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  CreateUserCommand,
  GetGroupCommand,
  ListAttachedGroupPoliciesCommand,
  ListGroupPoliciesCommand,
  PutGroupPolicyCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy, userWithKey } from './support/users.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

/**
 * Issue 15: UpdateGroup, as IAM does it: a rename or move keeps the group's ID, members and
 * policies and changes its ARN; a taken name is EntityAlreadyExists; the caller needs
 * iam:UpdateGroup on both the old and the new group ("permissions on both the source object and
 * the target object").
 */
let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t?.close());

describe('UpdateGroup', () => {
  it('renames and moves a group, keeping its ID, members and policies', async () => {
    const iam = t.iam();
    const created = await iam.send(new CreateGroupCommand({ GroupName: 'Managers' }));
    await iam.send(new CreateUserCommand({ UserName: 'mary' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'Managers', UserName: 'mary' }));
    await iam.send(
      new PutGroupPolicyCommand({
        GroupName: 'Managers',
        PolicyName: 'read',
        PolicyDocument: JSON.stringify(policy({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' })),
      }),
    );
    await iam.send(
      new AttachGroupPolicyCommand({ GroupName: 'Managers', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
    await iam.send(new UpdateGroupCommand({ GroupName: 'Managers', NewGroupName: 'MGRs', NewPath: '/org/' }));

    const renamed = await iam.send(new GetGroupCommand({ GroupName: 'MGRs' }));
    expect(renamed.Group).toMatchObject({
      GroupName: 'MGRs',
      GroupId: created.Group!.GroupId,
      Path: '/org/',
      Arn: `arn:aws:iam::${t.accountId}:group/org/MGRs`,
    });
    expect(renamed.Users?.map((u) => u.UserName)).toEqual(['mary']);
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: 'MGRs' }))).PolicyNames).toEqual(['read']);
    expect(
      (await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'MGRs' }))).AttachedPolicies?.map(
        (p) => p.PolicyName,
      ),
    ).toEqual(['ReadOnlyAccess']);
    const gone = await caught(() => iam.send(new GetGroupCommand({ GroupName: 'Managers' })));
    expect(gone.name).toBe('NoSuchEntityException');
  });

  it('refuses a name another group has, and a group that does not exist', async () => {
    const iam = t.iam();
    await iam.send(new CreateGroupCommand({ GroupName: 'Ops' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'Dev' }));
    const taken = await caught(() => iam.send(new UpdateGroupCommand({ GroupName: 'Ops', NewGroupName: 'dev' })));
    expect(taken.name).toBe('EntityAlreadyExistsException');
    const missing = await caught(() => iam.send(new UpdateGroupCommand({ GroupName: 'Nope', NewGroupName: 'X' })));
    expect(missing.name).toBe('NoSuchEntityException');
    expect(missing.message).toBe('The group with name Nope cannot be found.');
  });

  it('needs iam:UpdateGroup on the new name as well as the old', async () => {
    await t.iam().send(new CreateGroupCommand({ GroupName: 'Team' }));
    const lead = await userWithKey(t, 'lead', {
      rename: policy({
        Effect: 'Allow',
        Action: 'iam:UpdateGroup',
        Resource: `arn:aws:iam::${t.accountId}:group/Team`,
      }),
    });
    const denied = await caught(() =>
      t.iam(lead).send(new UpdateGroupCommand({ GroupName: 'Team', NewGroupName: 'Squad' })),
    );
    expect(denied.name).toBe('AccessDenied');
    expect(denied.message).toContain(`on resource: arn:aws:iam::${t.accountId}:group/Squad`);
  });
});
