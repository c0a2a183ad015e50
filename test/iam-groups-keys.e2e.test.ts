import {
  AddUserToGroupCommand,
  CreateAccessKeyCommand,
  CreateAccountAliasCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteAccountAliasCommand,
  DeleteGroupCommand,
  DeleteUserCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountSummaryCommand,
  GetGroupCommand,
  ListAccessKeysCommand,
  ListAccountAliasesCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  RemoveUserFromGroupCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

describe('groups', () => {
  it('creates, lists, fills and empties a group', async () => {
    const iam = t.iam();
    const g = await iam.send(new CreateGroupCommand({ GroupName: 'admins', Path: '/ops/' }));
    expect(g.Group?.GroupId).toMatch(/^AGPA[A-Z2-7]{17}$/);
    expect(g.Group?.Arn).toBe(`arn:aws:iam::${t.accountId}:group/ops/admins`);
    expect((await caught(() => iam.send(new CreateGroupCommand({ GroupName: 'Admins' })))).message).toBe(
      'Group with name Admins already exists.',
    );

    await iam.send(new CreateUserCommand({ UserName: 'carol' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'admins', UserName: 'carol' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'admins', UserName: 'carol' }));
    const got = await iam.send(new GetGroupCommand({ GroupName: 'admins' }));
    expect(got.Users?.map((u) => u.UserName)).toEqual(['carol']);
    expect(
      (await iam.send(new ListGroupsForUserCommand({ UserName: 'carol' }))).Groups?.map((x) => x.GroupName),
    ).toEqual(['admins']);
    expect((await iam.send(new ListGroupsCommand({}))).Groups?.map((x) => x.GroupName)).toEqual(['admins']);

    const conflict = await caught(() => iam.send(new DeleteGroupCommand({ GroupName: 'admins' })));
    expect(conflict.Code).toBe('DeleteConflict');
    expect(conflict.message).toBe('Cannot delete entity, must remove users from group first.');
    const userConflict = await caught(() => iam.send(new DeleteUserCommand({ UserName: 'carol' })));
    expect(userConflict.Code).toBe('DeleteConflict');

    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'admins', UserName: 'carol' }));
    await iam.send(new DeleteGroupCommand({ GroupName: 'admins' }));
    await iam.send(new DeleteUserCommand({ UserName: 'carol' }));
    expect((await caught(() => iam.send(new GetGroupCommand({ GroupName: 'admins' })))).message).toBe(
      'The group with name admins cannot be found.',
    );
  });

  it('caps a user at 10 groups', async () => {
    const iam = t.iam();
    await iam.send(new CreateUserCommand({ UserName: 'joiner' }));
    for (let i = 0; i < 11; i++) await iam.send(new CreateGroupCommand({ GroupName: `g${i}` }));
    for (let i = 0; i < 10; i++) await iam.send(new AddUserToGroupCommand({ GroupName: `g${i}`, UserName: 'joiner' }));
    const err = await caught(() => iam.send(new AddUserToGroupCommand({ GroupName: 'g10', UserName: 'joiner' })));
    expect(err.Code).toBe('LimitExceeded');
    expect(err.message).toBe('Cannot exceed quota for GroupsPerUser: 10');
  });
});

describe('access keys', () => {
  it('issues at most two keys per user, inactive ones included, and the third gets LimitExceeded', async () => {
    const iam = t.iam();
    await iam.send(new CreateUserCommand({ UserName: 'dave' }));
    const k1 = (await iam.send(new CreateAccessKeyCommand({ UserName: 'dave' }))).AccessKey!;
    expect(k1.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(k1.SecretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(k1.Status).toBe('Active');
    expect(k1.UserName).toBe('dave');
    const k2 = (await iam.send(new CreateAccessKeyCommand({ UserName: 'dave' }))).AccessKey!;
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'dave', AccessKeyId: k2.AccessKeyId, Status: 'Inactive' }));
    const third = await caught(() => iam.send(new CreateAccessKeyCommand({ UserName: 'dave' })));
    expect(third.Code).toBe('LimitExceeded');
    expect(third.message).toBe('Cannot exceed quota for AccessKeysPerUser: 2');
    expect(third.$metadata?.httpStatusCode).toBe(409);

    const listed = await iam.send(new ListAccessKeysCommand({ UserName: 'dave' }));
    expect(listed.AccessKeyMetadata?.map((k) => [k.AccessKeyId, k.Status]).sort()).toEqual(
      [
        [k1.AccessKeyId, 'Active'],
        [k2.AccessKeyId, 'Inactive'],
      ].sort(),
    );
    // The secret is shown only at creation.
    expect(JSON.stringify(listed)).not.toContain(k1.SecretAccessKey);
  });

  it('a new key signs requests at once; its last use is recorded with service and region', async () => {
    const fresh = await freshKey(t, 'erin');
    const before = await t.iam().send(new GetAccessKeyLastUsedCommand({ AccessKeyId: fresh.accessKeyId }));
    expect(before.UserName).toBe('erin');
    expect(before.AccessKeyLastUsed).toEqual({ ServiceName: 'N/A', Region: 'N/A' });

    const who = await t.sts(fresh, { region: 'eu-west-1' }).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:aws:iam::${t.accountId}:user/erin`);
    await t.ward.flush();
    const used = await t.iam().send(new GetAccessKeyLastUsedCommand({ AccessKeyId: fresh.accessKeyId }));
    expect(used.AccessKeyLastUsed?.ServiceName).toBe('sts');
    expect(used.AccessKeyLastUsed?.Region).toBe('eu-west-1');
    expect(used.AccessKeyLastUsed?.LastUsedDate).toBeInstanceOf(Date);
  });

  it('an inactive key is refused, and a deleted key is gone for good', async () => {
    const key = await freshKey(t, 'frank');
    const sts = t.sts(key);
    await sts.send(new GetCallerIdentityCommand({}));
    await t
      .iam()
      .send(new UpdateAccessKeyCommand({ UserName: 'frank', AccessKeyId: key.accessKeyId, Status: 'Inactive' }));
    const inactive = await caught(() => sts.send(new GetCallerIdentityCommand({})));
    expect(inactive.Code).toBe('InvalidClientTokenId');
    expect(inactive.message).toBe('The security token included in the request is invalid.');
    await t
      .iam()
      .send(new UpdateAccessKeyCommand({ UserName: 'frank', AccessKeyId: key.accessKeyId, Status: 'Active' }));
    await sts.send(new GetCallerIdentityCommand({}));

    const conflict = await caught(() => t.iam().send(new DeleteUserCommand({ UserName: 'frank' })));
    expect(conflict.Code).toBe('DeleteConflict');
    expect(conflict.message).toBe('Cannot delete entity, must delete access keys first.');

    await t.iam().send(new DeleteAccessKeyCommand({ UserName: 'frank', AccessKeyId: key.accessKeyId }));
    expect((await caught(() => sts.send(new GetCallerIdentityCommand({})))).Code).toBe('InvalidClientTokenId');
    const gone = await caught(() =>
      t.iam().send(new UpdateAccessKeyCommand({ UserName: 'frank', AccessKeyId: key.accessKeyId, Status: 'Active' })),
    );
    expect(gone.Code).toBe('NoSuchEntity');
    expect(gone.message).toBe(`The Access Key with id ${key.accessKeyId} cannot be found.`);
    await t.iam().send(new DeleteUserCommand({ UserName: 'frank' }));
  });

  it('root holds at most two keys too', async () => {
    const iam = t.iam();
    const second = (await iam.send(new CreateAccessKeyCommand({}))).AccessKey!;
    expect(second.UserName).toBe('root');
    const who = await t
      .sts({ accessKeyId: second.AccessKeyId!, secretAccessKey: second.SecretAccessKey! })
      .send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:aws:iam::${t.accountId}:root`);
    const third = await caught(() => iam.send(new CreateAccessKeyCommand({})));
    expect(third.Code).toBe('LimitExceeded');
    expect((await iam.send(new ListAccessKeysCommand({}))).AccessKeyMetadata).toHaveLength(2);
    await iam.send(new DeleteAccessKeyCommand({ AccessKeyId: second.AccessKeyId }));
  });

  it('a user manages no key of another user', async () => {
    await t.iam().send(new CreateUserCommand({ UserName: 'gina' }));
    const other = await freshKey(t, 'hank');
    const err = await caught(() =>
      t.iam().send(new DeleteAccessKeyCommand({ UserName: 'gina', AccessKeyId: other.accessKeyId })),
    );
    expect(err.Code).toBe('NoSuchEntity');
  });
});

describe('account alias and summary', () => {
  it('creates, lists and deletes the account alias', async () => {
    const iam = t.iam();
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([]);
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'acme-prod' }));
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(['acme-prod']);
    const wrong = await caught(() => iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'other' })));
    expect(wrong.Code).toBe('NoSuchEntity');
    const bad = await caught(() => iam.send(new CreateAccountAliasCommand({ AccountAlias: 'Bad_Alias' })));
    expect(bad.Code).toBe('ValidationError');
    await iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'acme-prod' }));
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([]);
  });

  it('summarizes usage and quotas', async () => {
    const summary = (await t.iam().send(new GetAccountSummaryCommand({}))).SummaryMap!;
    expect(summary.UsersQuota).toBe(5000);
    expect(summary.AccessKeysPerUserQuota).toBe(2);
    expect(summary.AccountAccessKeysPresent).toBe(1);
    expect(summary.Users).toBeGreaterThanOrEqual(5);
    expect(summary.Groups).toBe(11);
  });
});

async function freshKey(t: TestWard, userName: string) {
  await t.iam().send(new CreateUserCommand({ UserName: userName }));
  const k = (await t.iam().send(new CreateAccessKeyCommand({ UserName: userName }))).AccessKey!;
  return { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
}
