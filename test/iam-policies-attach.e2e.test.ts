import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeletePolicyCommand,
  DeleteUserCommand,
  DeleteUserPermissionsBoundaryCommand,
  DetachGroupPolicyCommand,
  DetachUserPolicyCommand,
  GetAccountSummaryCommand,
  GetPolicyCommand,
  GetUserCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  PutGroupPolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow } from './support/policies.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const arnOf = (name: string, path = '/') => `arn:aws:iam::${t.accountId}:policy${path}${name}`;

beforeAll(async () => {
  t = await startTestWard();
  const iam = t.iam();
  await iam.send(new CreateUserCommand({ UserName: 'alice', Path: '/eng/' }));
  await iam.send(new CreateGroupCommand({ GroupName: 'admins', Path: '/ops/' }));
  await iam.send(
    new CreatePolicyCommand({ PolicyName: 'Deploy', Path: '/ci/', PolicyDocument: allow('lambda:UpdateFunctionCode') }),
  );
  for (let i = 1; i <= 11; i++)
    await iam.send(
      new CreatePolicyCommand({ PolicyName: `P${String(i).padStart(2, '0')}`, PolicyDocument: allow(`s3:Op${i}`) }),
    );
});
afterAll(() => t.close());

describe('attaching managed policies', () => {
  it('attaches customer and AWS managed policies to a user, idempotently', async () => {
    const iam = t.iam();
    await iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: arnOf('Deploy', '/ci/') }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: READ_ONLY }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: READ_ONLY }));
    const listed = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'alice' }));
    expect(listed.AttachedPolicies).toEqual([
      { PolicyName: 'Deploy', PolicyArn: arnOf('Deploy', '/ci/') },
      { PolicyName: 'ReadOnlyAccess', PolicyArn: READ_ONLY },
    ]);
    expect(listed.IsTruncated).toBe(false);
    const ci = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'alice', PathPrefix: '/ci/' }));
    expect(ci.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['Deploy']);
    const page = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'alice', MaxItems: 1 }));
    expect(page.IsTruncated).toBe(true);
    const rest = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'alice', Marker: page.Marker! }));
    expect(rest.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['ReadOnlyAccess']);

    expect((await iam.send(new GetPolicyCommand({ PolicyArn: READ_ONLY }))).Policy?.AttachmentCount).toBe(1);
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arnOf('Deploy', '/ci/') }))).Policy?.AttachmentCount).toBe(
      1,
    );
  });

  it('attaches to a group and lists the group’s policies', async () => {
    const iam = t.iam();
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: ADMIN }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: arnOf('Deploy', '/ci/') }));
    const listed = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'admins' }));
    expect(listed.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['AdministratorAccess', 'Deploy']);
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arnOf('Deploy', '/ci/') }))).Policy?.AttachmentCount).toBe(
      2,
    );
  });

  it('refuses a policy that does not exist, and a malformed ARN', async () => {
    const iam = t.iam();
    const missing = await caught(() =>
      iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: arnOf('Nope') })),
    );
    expect(missing.Code).toBe('NoSuchEntity');
    expect(missing.message).toBe(`Policy ${arnOf('Nope')} does not exist or is not attachable.`);
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    const awsMissing = await caught(() =>
      iam.send(
        new AttachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: 'arn:aws:iam::aws:policy/NoSuchAwsPolicy' }),
      ),
    );
    expect(awsMissing.message).toBe(
      'Policy arn:aws:iam::aws:policy/NoSuchAwsPolicy does not exist or is not attachable.',
    );
    const otherAccount = await caught(() =>
      iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: 'arn:aws:iam::210987654321:policy/P01' })),
    );
    expect(otherAccount.Code).toBe('NoSuchEntity');
    const invalid = await caught(() =>
      iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: 'arn:aws:s3:::some-bucket-name' })),
    );
    expect(invalid.Code).toBe('InvalidInput');
    expect(invalid.message).toBe('ARN arn:aws:s3:::some-bucket-name is not valid.');
  });

  it('holds a user and a group to 10 managed policies', async () => {
    const iam = t.iam();
    await iam.send(new CreateUserCommand({ UserName: 'many' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'many' }));
    for (let i = 1; i <= 10; i++) {
      await iam.send(
        new AttachUserPolicyCommand({ UserName: 'many', PolicyArn: arnOf(`P${String(i).padStart(2, '0')}`) }),
      );
      await iam.send(
        new AttachGroupPolicyCommand({ GroupName: 'many', PolicyArn: arnOf(`P${String(i).padStart(2, '0')}`) }),
      );
    }
    // Re-attaching one already attached is not an eleventh.
    await iam.send(new AttachUserPolicyCommand({ UserName: 'many', PolicyArn: arnOf('P01') }));
    const user = await caught(() =>
      iam.send(new AttachUserPolicyCommand({ UserName: 'many', PolicyArn: arnOf('P11') })),
    );
    expect(user.Code).toBe('LimitExceeded');
    expect(user.message).toBe('Cannot exceed quota for PoliciesPerUser: 10');
    expect(user.$metadata?.httpStatusCode).toBe(409);
    const group = await caught(() =>
      iam.send(new AttachGroupPolicyCommand({ GroupName: 'many', PolicyArn: arnOf('P11') })),
    );
    expect(group.message).toBe('Cannot exceed quota for PoliciesPerGroup: 10');
  });

  it('detaches, and answers NoSuchEntity for a policy that is not attached', async () => {
    const iam = t.iam();
    await iam.send(new DetachUserPolicyCommand({ UserName: 'many', PolicyArn: arnOf('P10') }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'many', PolicyArn: arnOf('P11') }));
    const err = await caught(() =>
      iam.send(new DetachUserPolicyCommand({ UserName: 'many', PolicyArn: arnOf('P10') })),
    );
    expect(err.Code).toBe('NoSuchEntity');
    expect(err.message).toBe(`Policy ${arnOf('P10')} was not found.`);
    const group = await caught(() =>
      iam.send(new DetachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: READ_ONLY })),
    );
    expect(group.message).toBe(`Policy ${READ_ONLY} was not found.`);
  });

  it('lists only attached policies with OnlyAttached', async () => {
    const attached = await t.iam().send(new ListPoliciesCommand({ OnlyAttached: true, MaxItems: 1000 }));
    const names = attached.Policies!.map((p) => p.PolicyName);
    expect(names).toContain('AdministratorAccess');
    expect(names).toContain('Deploy');
    expect(names).not.toContain('PowerUserAccess');
    expect(names).not.toContain('IAMFullAccess');
    expect(attached.Policies!.every((p) => (p.AttachmentCount ?? 0) > 0)).toBe(true);
  });

  it('refuses to delete an attached policy, or an entity with attached policies', async () => {
    const iam = t.iam();
    const policy = await caught(() => iam.send(new DeletePolicyCommand({ PolicyArn: arnOf('Deploy', '/ci/') })));
    expect(policy.Code).toBe('DeleteConflict');
    expect(policy.message).toBe('Cannot delete a policy attached to entities.');
    expect(policy.$metadata?.httpStatusCode).toBe(409);
    const user = await caught(() => iam.send(new DeleteUserCommand({ UserName: 'alice' })));
    expect(user.Code).toBe('DeleteConflict');
    expect(user.message).toBe('Cannot delete entity, must detach all policies first.');
    const group = await caught(() => iam.send(new DeleteGroupCommand({ GroupName: 'many' })));
    expect(group.message).toBe('Cannot delete entity, must detach all policies first.');
  });
});

describe('ListEntitiesForPolicy', () => {
  it('lists the users and groups a policy is attached to, filtered by kind and path', async () => {
    const iam = t.iam();
    const alice = (await iam.send(new GetUserCommand({ UserName: 'alice' }))).User!;
    const all = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arnOf('Deploy', '/ci/') }));
    expect(all.PolicyUsers).toEqual([{ UserName: 'alice', UserId: alice.UserId }]);
    expect(all.PolicyGroups?.map((g) => g.GroupName)).toEqual(['admins']);
    expect(all.PolicyRoles).toEqual([]);
    expect(all.IsTruncated).toBe(false);

    const users = await iam.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: arnOf('Deploy', '/ci/'), EntityFilter: 'User' }),
    );
    expect(users.PolicyUsers?.map((u) => u.UserName)).toEqual(['alice']);
    expect(users.PolicyGroups).toEqual([]);
    const ops = await iam.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: arnOf('Deploy', '/ci/'), PathPrefix: '/ops/' }),
    );
    expect(ops.PolicyGroups?.map((g) => g.GroupName)).toEqual(['admins']);
    expect(ops.PolicyUsers).toEqual([]);
    const local = await iam.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: arnOf('Deploy', '/ci/'), EntityFilter: 'LocalManagedPolicy' }),
    );
    expect([local.PolicyUsers, local.PolicyGroups, local.PolicyRoles]).toEqual([[], [], []]);

    const page = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arnOf('Deploy', '/ci/'), MaxItems: 1 }));
    expect(page.IsTruncated).toBe(true);
    expect(page.PolicyGroups?.length).toBe(1);
    const rest = await iam.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: arnOf('Deploy', '/ci/'), Marker: page.Marker! }),
    );
    expect(rest.PolicyUsers?.map((u) => u.UserName)).toEqual(['alice']);

    const aws = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: READ_ONLY }));
    expect(aws.PolicyUsers?.map((u) => u.UserName)).toEqual(['alice']);
  });

  it('answers NoSuchEntity for an unknown policy', async () => {
    const err = await caught(() =>
      t.iam().send(new ListEntitiesForPolicyCommand({ PolicyArn: arnOf('NonExistentPolicy') })),
    );
    expect(err.Code).toBe('NoSuchEntity');
    expect(err.message).toBe(`Policy ${arnOf('NonExistentPolicy')} does not exist or is not attachable.`);
  });
});

describe('permissions boundaries', () => {
  it('creates a user with a boundary, which the policy counts as a boundary use', async () => {
    const iam = t.iam();
    const created = await iam.send(new CreateUserCommand({ UserName: 'bounded', PermissionsBoundary: arnOf('P01') }));
    expect(created.User?.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
      PermissionsBoundaryArn: arnOf('P01'),
    });
    expect(
      (await iam.send(new GetUserCommand({ UserName: 'bounded' }))).User?.PermissionsBoundary?.PermissionsBoundaryArn,
    ).toBe(arnOf('P01'));
    expect(
      (await iam.send(new GetPolicyCommand({ PolicyArn: arnOf('P01') }))).Policy?.PermissionsBoundaryUsageCount,
    ).toBe(1);

    const boundaries = await iam.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: arnOf('P01'), PolicyUsageFilter: 'PermissionsBoundary' }),
    );
    expect(boundaries.PolicyUsers?.map((u) => u.UserName)).toEqual(['bounded']);
    const permissions = await iam.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: arnOf('P01'), PolicyUsageFilter: 'PermissionsPolicy' }),
    );
    expect(permissions.PolicyUsers?.map((u) => u.UserName)).toEqual(['many']);
    const used = await iam.send(new ListPoliciesCommand({ PolicyUsageFilter: 'PermissionsBoundary' }));
    expect(used.Policies?.map((p) => p.PolicyName)).toEqual(['P01']);
  });

  it('refuses a boundary that is not an existing managed policy', async () => {
    const iam = t.iam();
    const missing = await caught(() =>
      iam.send(new CreateUserCommand({ UserName: 'nobound', PermissionsBoundary: arnOf('Nope') })),
    );
    expect(missing.Code).toBe('NoSuchEntity');
    expect(missing.message).toBe(`Scope ARN: ${arnOf('Nope')} does not exist or is not attachable.`);
    expect((await caught(() => iam.send(new GetUserCommand({ UserName: 'nobound' })))).Code).toBe('NoSuchEntity');
    const invalid = await caught(() =>
      iam.send(
        new PutUserPermissionsBoundaryCommand({
          UserName: 'alice',
          PermissionsBoundary: 'arn:aws:iam::123456789012:user/bob',
        }),
      ),
    );
    expect(invalid.Code).toBe('InvalidInput');
  });

  it('puts and deletes a user’s boundary', async () => {
    const iam = t.iam();
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'alice', PermissionsBoundary: ADMIN }));
    expect(
      (await iam.send(new GetUserCommand({ UserName: 'alice' }))).User?.PermissionsBoundary?.PermissionsBoundaryArn,
    ).toBe(ADMIN);
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: ADMIN }))).Policy?.PermissionsBoundaryUsageCount).toBe(1);
    await iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'alice' }));
    expect((await iam.send(new GetUserCommand({ UserName: 'alice' }))).User?.PermissionsBoundary).toBeUndefined();
  });

  it('refuses to delete a policy used as a boundary', async () => {
    const iam = t.iam();
    await iam.send(new CreatePolicyCommand({ PolicyName: 'Fence', PolicyDocument: allow('s3:*') }));
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'alice', PermissionsBoundary: arnOf('Fence') }));
    const err = await caught(() => iam.send(new DeletePolicyCommand({ PolicyArn: arnOf('Fence') })));
    expect(err.Code).toBe('DeleteConflict');
    expect(err.message).toBe('Cannot delete a policy attached to entities.');
  });
});

describe('what the authorizer reads', () => {
  it('gathers a user’s inline, attached, group and boundary documents with their labels', async () => {
    const iam = t.iam();
    await iam.send(
      new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'Own', PolicyDocument: allow('sns:Publish') }),
    );
    await iam.send(
      new PutGroupPolicyCommand({ GroupName: 'admins', PolicyName: 'Team', PolicyDocument: allow('sqs:SendMessage') }),
    );
    await iam.send(new AddUserToGroupCommand({ GroupName: 'admins', UserName: 'alice' }));
    await iam.send(
      new CreatePolicyVersionCommand({
        PolicyArn: arnOf('Deploy', '/ci/'),
        PolicyDocument: allow('lambda:*'),
        SetAsDefault: true,
      }),
    );
    const alice = (await iam.send(new GetUserCommand({ UserName: 'alice' }))).User!;

    const effective = await t.ward.store.effectivePolicies.forUser(alice.UserId!);
    expect(effective.identity.map((d) => d.id)).toEqual([
      `arn:aws:iam::${t.accountId}:user/eng/alice#inline/Own`,
      arnOf('Deploy', '/ci/'),
      READ_ONLY,
      `arn:aws:iam::${t.accountId}:group/ops/admins#inline/Team`,
      ADMIN,
    ]);
    expect(effective.identity[0]!.document).toBe(allow('sns:Publish'));
    // Attached policies contribute their default version.
    expect(effective.identity[1]!.document).toBe(allow('lambda:*'));
    expect(JSON.parse(effective.identity[4]!.document)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    expect(effective.boundary).toEqual({ id: arnOf('Fence'), document: allow('s3:*') });

    const v1 = await t.ward.store.policyVersions.document(arnOf('Deploy', '/ci/'), 'v1');
    expect(v1).toEqual({
      policyArn: arnOf('Deploy', '/ci/'),
      versionId: 'v1',
      document: allow('lambda:UpdateFunctionCode'),
    });
  });

  it('fills the policy counts of GetAccountSummary', async () => {
    const summary = (await t.iam().send(new GetAccountSummaryCommand({}))).SummaryMap!;
    // Deploy, P01-P11, Fence.
    expect(summary.Policies).toBe(13);
    expect(summary.PolicyVersionsInUse).toBe(24);
    expect(summary.AttachedPoliciesPerUserQuota).toBe(10);
    expect(summary.PolicySizeQuota).toBe(6144);
  });
});
