import {
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  GetUserCommand,
  type IAMClient,
  ListAccessKeysCommand,
  ListGroupsCommand,
  ListUsersCommand,
  UpdateAccessKeyCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from './support/postgres.js';
import { type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

/** How long a write on one node may take to be enforced on another. */
const PROPAGATION_BOUND_MS = 1000;

/** Calls `probe` until it returns true; returns the milliseconds that took, failing past `boundMs`. */
async function within(boundMs: number, probe: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - start;
    if (Date.now() - start > boundMs) throw new Error(`not seen within ${boundMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The error code a call fails with, or undefined when it succeeds. */
async function failureCode(call: Promise<unknown>): Promise<string | undefined> {
  return call.then(
    () => undefined,
    (err: { Code?: string; name?: string }) => err.Code ?? String(err.name),
  );
}

/** Settles every call, then sorts the outcomes into successes and error codes. */
async function outcomes<T>(calls: Array<Promise<T>>): Promise<{ ok: T[]; codes: string[] }> {
  const settled = await Promise.allSettled(calls);
  const ok: T[] = [];
  const codes: string[] = [];
  for (const s of settled) {
    if (s.status === 'fulfilled') ok.push(s.value);
    else codes.push((s.reason as { Code?: string; name?: string }).Code ?? String((s.reason as Error).name));
  }
  return { ok, codes };
}

describe.skipIf(!TEST_DATABASE_URL)('two Ward nodes on one PostgreSQL database', () => {
  let a: TestWard;
  let b: TestWard;
  let iamA: IAMClient;
  let iamB: IAMClient;

  beforeAll(async () => {
    a = await startTestWard();
    b = await startTestWard({ join: a });
    iamA = a.iam();
    iamB = b.iam();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const identityOn = (node: TestWard, creds: Credentials) => node.sts(creds).send(new GetCallerIdentityCommand({}));

  it('runs both nodes on PostgreSQL and shows each the other’s writes', async () => {
    expect(a.ward.backend).toBe('postgres');
    expect(b.ward.backend).toBe('postgres');
    await iamA.send(new CreateUserCommand({ UserName: 'shared-view' }));
    expect((await iamB.send(new GetUserCommand({ UserName: 'shared-view' }))).User?.UserName).toBe('shared-view');
    // A key created on A works on B at once (unknown keys are never cached).
    const key = (await iamA.send(new CreateAccessKeyCommand({ UserName: 'shared-view' }))).AccessKey!;
    const creds = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    expect((await identityOn(b, creds)).Arn).toBe(`arn:aws:iam::${a.accountId}:user/shared-view`);
  });

  it('refuses on B, within a second, a key deleted on A', async () => {
    await iamA.send(new CreateUserCommand({ UserName: 'leaver' }));
    const key = (await iamA.send(new CreateAccessKeyCommand({ UserName: 'leaver' }))).AccessKey!;
    const creds = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    // Both nodes have the key cached now.
    expect((await identityOn(a, creds)).Arn).toContain('user/leaver');
    expect((await identityOn(b, creds)).Arn).toContain('user/leaver');

    await iamA.send(new DeleteAccessKeyCommand({ UserName: 'leaver', AccessKeyId: key.AccessKeyId! }));
    expect((await caught(() => identityOn(a, creds))).Code).toBe('InvalidClientTokenId');
    const took = await within(
      PROPAGATION_BOUND_MS,
      async () => (await failureCode(identityOn(b, creds))) === 'InvalidClientTokenId',
    );
    expect(took).toBeLessThan(PROPAGATION_BOUND_MS);
  });

  it('refuses on A a key deactivated on B', async () => {
    await iamB.send(new CreateUserCommand({ UserName: 'paused' }));
    const key = (await iamB.send(new CreateAccessKeyCommand({ UserName: 'paused' }))).AccessKey!;
    const creds = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    await identityOn(a, creds);
    await iamB.send(
      new UpdateAccessKeyCommand({ UserName: 'paused', AccessKeyId: key.AccessKeyId!, Status: 'Inactive' }),
    );
    await within(
      PROPAGATION_BOUND_MS,
      async () => (await failureCode(identityOn(a, creds))) === 'InvalidClientTokenId',
    );
    expect(await failureCode(identityOn(a, creds))).toBe('InvalidClientTokenId');
  });

  it('sees on B a user renamed on A (cached principal) and a user deleted on A', async () => {
    await iamA.send(new CreateUserCommand({ UserName: 'before' }));
    const key = (await iamA.send(new CreateAccessKeyCommand({ UserName: 'before' }))).AccessKey!;
    const creds = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    expect((await identityOn(b, creds)).Arn).toBe(`arn:aws:iam::${a.accountId}:user/before`);

    await iamA.send(new UpdateUserCommand({ UserName: 'before', NewUserName: 'after', NewPath: '/moved/' }));
    await within(
      PROPAGATION_BOUND_MS,
      async () => (await identityOn(b, creds)).Arn === `arn:aws:iam::${a.accountId}:user/moved/after`,
    );
    expect((await caught(() => iamB.send(new GetUserCommand({ UserName: 'before' })))).Code).toBe('NoSuchEntity');

    await iamA.send(new DeleteAccessKeyCommand({ UserName: 'after', AccessKeyId: key.AccessKeyId! }));
    await iamA.send(new DeleteUserCommand({ UserName: 'after' }));
    expect((await caught(() => iamB.send(new GetUserCommand({ UserName: 'after' })))).Code).toBe('NoSuchEntity');
    await within(
      PROPAGATION_BOUND_MS,
      async () => (await failureCode(identityOn(b, creds))) === 'InvalidClientTokenId',
    );
  });

  it('keeps at most two access keys per user when both nodes race to create them', async () => {
    await iamA.send(new CreateUserCommand({ UserName: 'keyrace' }));
    const attempts = 16;
    const { ok, codes } = await outcomes(
      Array.from({ length: attempts }, (_, i) =>
        (i % 2 === 0 ? iamA : iamB).send(new CreateAccessKeyCommand({ UserName: 'keyrace' })),
      ),
    );
    expect(ok).toHaveLength(2);
    expect(codes).toEqual(Array(attempts - 2).fill('LimitExceeded'));
    for (const iam of [iamA, iamB]) {
      const listed = (await iam.send(new ListAccessKeysCommand({ UserName: 'keyrace' }))).AccessKeyMetadata ?? [];
      expect(listed.map((k) => k.AccessKeyId).sort()).toEqual(ok.map((r) => r.AccessKey!.AccessKeyId).sort());
    }
  });

  it('keeps root at two access keys under the same race', async () => {
    // Root already has its bootstrap key: one more may be created.
    const { ok, codes } = await outcomes(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? iamA : iamB).send(new CreateAccessKeyCommand({}))),
    );
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(9).fill('LimitExceeded'));
    expect((await iamB.send(new ListAccessKeysCommand({}))).AccessKeyMetadata).toHaveLength(2);
  });

  it('creates a user name once when both nodes race, whatever its case', async () => {
    const names = ['racer', 'Racer', 'RACER', 'rAcEr'];
    const attempts = 16;
    const { ok, codes } = await outcomes(
      Array.from({ length: attempts }, (_, i) =>
        (i % 2 === 0 ? iamA : iamB).send(new CreateUserCommand({ UserName: names[i % names.length]! })),
      ),
    );
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(attempts - 1).fill('EntityAlreadyExists'));
    const users = (await iamB.send(new ListUsersCommand({}))).Users ?? [];
    expect(users.filter((u) => u.UserName!.toLowerCase() === 'racer')).toHaveLength(1);
  });

  it('creates a group name once when both nodes race', async () => {
    const attempts = 12;
    const { ok, codes } = await outcomes(
      Array.from({ length: attempts }, (_, i) =>
        (i % 2 === 0 ? iamA : iamB).send(new CreateGroupCommand({ GroupName: i % 3 ? 'crew' : 'CREW' })),
      ),
    );
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(attempts - 1).fill('EntityAlreadyExists'));
    const groups = (await iamA.send(new ListGroupsCommand({}))).Groups ?? [];
    expect(groups.filter((g) => g.GroupName!.toLowerCase() === 'crew')).toHaveLength(1);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('a quota raced from two nodes', () => {
  let a: TestWard;
  let b: TestWard;
  beforeAll(async () => {
    a = await startTestWard({ usersPerAccountQuota: 5 });
    b = await startTestWard({ join: a, usersPerAccountQuota: 5 });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('creates exactly as many users as the quota allows', async () => {
    const iamA = a.iam();
    const iamB = b.iam();
    const attempts = 14;
    const { ok, codes } = await outcomes(
      Array.from({ length: attempts }, (_, i) =>
        (i % 2 === 0 ? iamA : iamB).send(new CreateUserCommand({ UserName: `q${i}` })),
      ),
    );
    expect(ok).toHaveLength(5);
    expect(codes).toEqual(Array(attempts - 5).fill('LimitExceeded'));
    expect((await iamB.send(new ListUsersCommand({}))).Users).toHaveLength(5);
  });
});
