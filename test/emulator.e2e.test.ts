import { CreateUserCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard({ emulator: true });
});
afterAll(() => t.close());

const anyKey = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const post = (path: string, body?: string) =>
  fetch(`${t.url}${path}`, { method: 'POST', ...(body !== undefined ? { body } : {}) });

describe('emulator mode (moto server compatibility)', () => {
  it("an unknown access key acts as the default account's root", async () => {
    const who = await t.sts(anyKey).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:aws:iam::${t.accountId}:root`);
    await t.iam(anyKey).send(new CreateUserCommand({ UserName: 'from-moto-suite' }));
  });

  it('a known key is still verified', async () => {
    const err = await caught(() =>
      t.sts({ ...t.root, secretAccessKey: 'wrong'.repeat(8) }).send(new GetCallerIdentityCommand({})),
    );
    expect(err.Code).toBe('SignatureDoesNotMatch');
  });

  it('POST /moto-api/reset restores the just-bootstrapped store, keeping the bootstrap key', async () => {
    expect((await t.iam().send(new ListUsersCommand({}))).Users).toHaveLength(1);
    const res = await post('/moto-api/reset');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect((await t.iam().send(new ListUsersCommand({}))).Users).toEqual([]);
    const who = await t.sts().send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe(t.accountId);
  });

  it('POST /moto-api/reset-auth N lets the next N requests skip verification, then verifies again', async () => {
    const bad = { ...t.root, secretAccessKey: 'bad'.repeat(14).slice(0, 40) };
    let res = await post('/moto-api/reset-auth', '2');
    expect(await res.json()).toEqual({ PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT: '0' });
    await t.sts(bad).send(new GetCallerIdentityCommand({}));
    await t.sts(bad).send(new GetCallerIdentityCommand({}));
    expect((await caught(() => t.sts(bad).send(new GetCallerIdentityCommand({})))).Code).toBe('SignatureDoesNotMatch');
    res = await post('/moto-api/reset-auth', '5');
    expect(await res.json()).toEqual({ PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT: '0' });
    res = await post('/moto-api/reset-auth', '0');
    expect(await res.json()).toEqual({ PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT: '5' });
    expect((await post('/moto-api/reset-auth', 'many')).status).toBe(400);
  });
});
