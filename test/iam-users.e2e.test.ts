import {
  CreateUserCommand,
  DeleteUserCommand,
  GetUserCommand,
  ListUserTagsCommand,
  ListUsersCommand,
  TagUserCommand,
  UntagUserCommand,
  UpdateUserCommand,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

describe('IAM users over the real SDK', () => {
  it('creates a user with AWS identifiers and reads it back', async () => {
    const iam = t.iam();
    const created = await iam.send(
      new CreateUserCommand({ UserName: 'alice', Path: '/eng/', Tags: [{ Key: 'team', Value: 'core' }] }),
    );
    const u = created.User!;
    expect(u.UserName).toBe('alice');
    expect(u.Path).toBe('/eng/');
    expect(u.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(u.Arn).toBe(`arn:aws:iam::${t.accountId}:user/eng/alice`);
    expect(u.CreateDate).toBeInstanceOf(Date);
    expect(u.Tags).toEqual([{ Key: 'team', Value: 'core' }]);

    const got = await iam.send(new GetUserCommand({ UserName: 'alice' }));
    expect(got.User?.UserId).toBe(u.UserId);
    expect(got.User?.Tags).toEqual([{ Key: 'team', Value: 'core' }]);
  });

  it('treats user names as case-insensitive for uniqueness', async () => {
    const err = await caught(() => t.iam().send(new CreateUserCommand({ UserName: 'ALICE' })));
    expect(err.Code).toBe('EntityAlreadyExists');
    expect(err.message).toBe('User with name ALICE already exists.');
    expect(err.$metadata?.httpStatusCode).toBe(409);
  });

  it('GetUser without a name returns the caller: root has the account ID as its user ID', async () => {
    const got = await t.iam().send(new GetUserCommand({}));
    expect(got.User?.UserId).toBe(t.accountId);
    expect(got.User?.Arn).toBe(`arn:aws:iam::${t.accountId}:root`);
    expect(got.User?.UserName).toBeUndefined();
  });

  it('answers NoSuchEntity with AWS wording for an unknown user', async () => {
    const err = await caught(() => t.iam().send(new GetUserCommand({ UserName: 'nobody' })));
    expect(err.Code).toBe('NoSuchEntity');
    expect(err.message).toBe('The user with name nobody cannot be found.');
    expect(err.$metadata?.httpStatusCode).toBe(404);
  });

  it('validates parameters against the model with AWS ValidationError wording', async () => {
    const err = await caught(() => t.iam().send(new CreateUserCommand({ UserName: 'bad name!' })));
    expect(err.Code).toBe('ValidationError');
    expect(err.message).toBe(
      "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
    const tooLong = await caught(() => t.iam().send(new CreateUserCommand({ UserName: 'x'.repeat(65) })));
    expect(tooLong.message).toContain('Member must have length less than or equal to 64');
  });

  it('renames and moves a user', async () => {
    const iam = t.iam();
    await iam.send(new CreateUserCommand({ UserName: 'bob' }));
    await iam.send(new UpdateUserCommand({ UserName: 'bob', NewUserName: 'robert', NewPath: '/ops/' }));
    const got = await iam.send(new GetUserCommand({ UserName: 'robert' }));
    expect(got.User?.Arn).toBe(`arn:aws:iam::${t.accountId}:user/ops/robert`);
    expect((await caught(() => iam.send(new GetUserCommand({ UserName: 'bob' })))).Code).toBe('NoSuchEntity');
    const clash = await caught(() => iam.send(new UpdateUserCommand({ UserName: 'robert', NewUserName: 'alice' })));
    expect(clash.Code).toBe('EntityAlreadyExists');
  });

  it('tags, lists tags and untags', async () => {
    const iam = t.iam();
    await iam.send(
      new TagUserCommand({
        UserName: 'alice',
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'Team', Value: 'platform' },
        ],
      }),
    );
    const tags = await iam.send(new ListUserTagsCommand({ UserName: 'alice' }));
    expect(tags.Tags).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'Team', Value: 'platform' },
    ]);
    expect(tags.IsTruncated).toBe(false);
    await iam.send(new UntagUserCommand({ UserName: 'alice', TagKeys: ['env', 'TEAM'] }));
    expect((await iam.send(new ListUserTagsCommand({ UserName: 'alice' }))).Tags).toEqual([]);
    const dup = await caught(() =>
      iam.send(
        new TagUserCommand({
          UserName: 'alice',
          Tags: [
            { Key: 'a', Value: '1' },
            { Key: 'A', Value: '2' },
          ],
        }),
      ),
    );
    expect(dup.Code).toBe('InvalidInput');
  });

  it('refuses more than 50 tags', async () => {
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const err = await caught(() => t.iam().send(new CreateUserCommand({ UserName: 'tagged', Tags: tags })));
    // The model caps the list at 50, so validation answers before the handler does.
    expect(err.Code).toBe('ValidationError');
    expect(err.message).toContain(
      "at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
  });

  it('deletes a user', async () => {
    const iam = t.iam();
    await iam.send(new CreateUserCommand({ UserName: 'temp' }));
    await iam.send(new DeleteUserCommand({ UserName: 'temp' }));
    expect((await caught(() => iam.send(new GetUserCommand({ UserName: 'temp' })))).Code).toBe('NoSuchEntity');
  });
});

describe('ListUsers pagination across 250 users', () => {
  beforeAll(async () => {
    const iam = t.iam();
    for (let i = 0; i < 250; i++) {
      await iam.send(new CreateUserCommand({ UserName: `page-user-${String(i).padStart(3, '0')}`, Path: '/paged/' }));
    }
  });

  it('pages with Marker, MaxItems and IsTruncated, in name order, without loss or repeat', async () => {
    const iam = t.iam();
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await iam.send(
        new ListUsersCommand({ PathPrefix: '/paged/', MaxItems: 100, ...(marker ? { Marker: marker } : {}) }),
      );
      pages++;
      seen.push(...page.Users!.map((u) => u.UserName!));
      expect(page.IsTruncated).toBe(page.Marker !== undefined);
      marker = page.Marker;
    } while (marker);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect(seen).toEqual([...seen].sort());
  });

  it("works with the SDK's own paginator and filters by path prefix", async () => {
    const names: string[] = [];
    for await (const page of paginateListUsers({ client: t.iam(), pageSize: 40 }, { PathPrefix: '/paged/' })) {
      names.push(...page.Users!.map((u) => u.UserName!));
    }
    expect(names).toHaveLength(250);
    const eng = await t.iam().send(new ListUsersCommand({ PathPrefix: '/eng/' }));
    expect(eng.Users!.map((u) => u.UserName)).toEqual(['alice']);
  });

  it('rejects MaxItems outside 1..1000 with the model range message', async () => {
    const err = await caught(() => t.iam().send(new ListUsersCommand({ MaxItems: 0 })));
    expect(err.Code).toBe('ValidationError');
    expect(err.message).toContain(
      "at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });
});
