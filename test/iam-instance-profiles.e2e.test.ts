import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateServiceLinkedRoleCommand,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteServiceLinkedRoleCommand,
  GetAccountSummaryCommand,
  GetInstanceProfileCommand,
  GetRoleCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  ListInstanceProfileTagsCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  PutRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
  TagInstanceProfileCommand,
  UntagInstanceProfileCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
  AttachRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow } from './support/policies.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
beforeAll(async () => {
  t = await startTestWard();
  const iam = t.iam();
  await iam.send(new CreateRoleCommand({ RoleName: 'Web', AssumeRolePolicyDocument: trust }));
  await iam.send(new CreateRoleCommand({ RoleName: 'Other', AssumeRolePolicyDocument: trust }));
});
afterAll(() => t.close());

describe('instance profiles', () => {
  it('creates one with an AIPA ID, holds one role, lists and deletes it', async () => {
    const iam = t.iam();
    const created = (
      await iam.send(
        new CreateInstanceProfileCommand({
          InstanceProfileName: 'WebProfile',
          Path: '/ec2/',
          Tags: [{ Key: 'env', Value: 'prod' }],
        }),
      )
    ).InstanceProfile!;
    expect(created.InstanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/);
    expect(created.Arn).toBe(`arn:aws:iam::${t.accountId}:instance-profile/ec2/WebProfile`);
    expect(created.Roles).toEqual([]);
    expect(created.Tags).toEqual([{ Key: 'env', Value: 'prod' }]);

    const dup = await caught(() => iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'webprofile' })));
    expect(dup.Code).toBe('EntityAlreadyExists');
    expect(dup.message).toBe('Instance Profile webprofile already exists.');

    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'WebProfile', RoleName: 'Web' }));
    const got = (await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'WebProfile' }))).InstanceProfile!;
    expect(got.Roles!.map((r) => r.RoleName)).toEqual(['Web']);
    expect(decodeURIComponent(got.Roles![0]!.AssumeRolePolicyDocument!)).toBe(trust);

    const limit = await caught(() =>
      iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'WebProfile', RoleName: 'Other' })),
    );
    expect(limit.Code).toBe('LimitExceeded');
    expect(limit.message).toBe('Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1');

    const forRole = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'Web' }));
    expect(forRole.InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(['WebProfile']);
    expect(
      (await iam.send(new ListInstanceProfilesCommand({ PathPrefix: '/ec2/' }))).InstanceProfiles!.map(
        (p) => p.InstanceProfileName,
      ),
    ).toEqual(['WebProfile']);
    expect((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap!.InstanceProfiles).toBe(1);

    const roleBusy = await caught(() => iam.send(new DeleteRoleCommand({ RoleName: 'Web' })));
    expect(roleBusy.Code).toBe('DeleteConflict');
    expect(roleBusy.message).toBe('Cannot delete entity, must remove roles from instance profile first.');
    const profileBusy = await caught(() =>
      iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'WebProfile' })),
    );
    expect(profileBusy.Code).toBe('DeleteConflict');
    expect(profileBusy.message).toBe('Cannot delete entity, must remove roles from instance profile first.');

    await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'WebProfile', RoleName: 'Web' }));
    const notIn = await caught(() =>
      iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'WebProfile', RoleName: 'Web' })),
    );
    expect(notIn.Code).toBe('NoSuchEntity');
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'WebProfile' }));
    const gone = await caught(() => iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'WebProfile' })));
    expect(gone.Code).toBe('NoSuchEntity');
    expect(gone.message).toBe('Instance Profile WebProfile cannot be found.');
    expect(gone.$metadata?.httpStatusCode).toBe(404);
  });

  it('pages ListInstanceProfiles and tags profiles', async () => {
    const iam = t.iam();
    for (const name of ['P1', 'P2', 'P3'])
      await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: name, Path: '/paged/' }));
    const first = await iam.send(new ListInstanceProfilesCommand({ PathPrefix: '/paged/', MaxItems: 2 }));
    expect(first.InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(['P1', 'P2']);
    expect(first.IsTruncated).toBe(true);
    const second = await iam.send(
      new ListInstanceProfilesCommand({ PathPrefix: '/paged/', MaxItems: 2, Marker: first.Marker! }),
    );
    expect(second.InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(['P3']);

    await iam.send(
      new TagInstanceProfileCommand({
        InstanceProfileName: 'P1',
        Tags: [
          { Key: 'a', Value: '1' },
          { Key: 'b', Value: '2' },
        ],
      }),
    );
    await iam.send(new UntagInstanceProfileCommand({ InstanceProfileName: 'P1', TagKeys: ['a'] }));
    expect((await iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'P1' }))).Tags).toEqual([
      { Key: 'b', Value: '2' },
    ]);
    const missing = await caught(() =>
      iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'P1', RoleName: 'Ghost' })),
    );
    expect(missing.message).toBe('The role with name Ghost cannot be found.');
  });
});

describe('service-linked roles', () => {
  it('creates the role AWS names for the service, protects it, and deletes it through a task', async () => {
    const iam = t.iam();
    const role = (
      await iam.send(
        new CreateServiceLinkedRoleCommand({ AWSServiceName: 'elasticbeanstalk.amazonaws.com', Description: 'EB' }),
      )
    ).Role!;
    expect(role.RoleName).toBe('AWSServiceRoleForElasticBeanstalk');
    expect(role.Path).toBe('/aws-service-role/elasticbeanstalk.amazonaws.com/');
    expect(role.Arn).toBe(
      `arn:aws:iam::${t.accountId}:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk`,
    );
    expect(role.RoleId).toMatch(/^AROA/);
    const doc = JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!)) as {
      Statement: Array<{ Principal: { Service: string[] }; Action: string[] }>;
    };
    expect(doc.Statement[0]!.Principal.Service).toEqual(['elasticbeanstalk.amazonaws.com']);
    expect(doc.Statement[0]!.Action).toEqual(['sts:AssumeRole']);

    const taken = await caught(() =>
      iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'elasticbeanstalk.amazonaws.com' })),
    );
    expect(taken.Code).toBe('InvalidInput');
    expect(taken.message).toBe(
      'Service role name AWSServiceRoleForElasticBeanstalk has been taken in this account, please try a different suffix.',
    );
    // AWS refuses a CustomSuffix for Elastic Beanstalk (LocalStack's recorded AWS responses).
    const suffix = await caught(() =>
      iam.send(
        new CreateServiceLinkedRoleCommand({ AWSServiceName: 'elasticbeanstalk.amazonaws.com', CustomSuffix: 'two' }),
      ),
    );
    expect(suffix.message).toBe('Custom suffix is not allowed for elasticbeanstalk.amazonaws.com');

    const name = 'AWSServiceRoleForElasticBeanstalk';
    const protectedText = `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`;
    for (const send of [
      () => iam.send(new UpdateRoleCommand({ RoleName: name, MaxSessionDuration: 7200 })),
      () => iam.send(new DeleteRoleCommand({ RoleName: name })),
      () => iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'p', PolicyDocument: allow('s3:*') })),
      () => iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: 'p' })),
      () =>
        iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })),
      () => iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: trust })),
    ]) {
      const err = await caught(send);
      expect(err.Code).toBe('UnmodifiableEntity');
      expect(err.message).toBe(protectedText);
    }
    // The description of a service-linked role may be edited.
    expect(
      (await iam.send(new UpdateRoleDescriptionCommand({ RoleName: name, Description: 'edited' }))).Role!.Description,
    ).toBe('edited');

    const plain = await caught(() => iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'Other' })));
    expect(plain.Code).toBe('InvalidInput');

    const { DeletionTaskId } = await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: name }));
    expect(DeletionTaskId).toMatch(
      /^task\/aws-service-role\/elasticbeanstalk\.amazonaws\.com\/AWSServiceRoleForElasticBeanstalk\/[0-9a-f-]{36}$/,
    );
    expect(
      (await iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: DeletionTaskId! }))).Status,
    ).toBe('SUCCEEDED');
    expect((await caught(() => iam.send(new GetRoleCommand({ RoleName: name })))).Code).toBe('NoSuchEntity');
    const unknown = await caught(() =>
      iam.send(
        new GetServiceLinkedRoleDeletionStatusCommand({
          DeletionTaskId: `task/aws-service-role/x.amazonaws.com/R/00000000-0000-0000-0000-000000000000`,
        }),
      ),
    );
    expect(unknown.Code).toBe('NoSuchEntity');
  });
});
