import { CreateUserCommand, DeleteUserCommand, GetAccountSummaryCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestWard, caught, startTestWard } from './support/ward.js';

/**
 * UsersPerAccount, counted from the per-account count the store's triggers keep (migration 016),
 * not by walking the users: every create and delete moves it, on SQLite and PostgreSQL.
 */
let t: TestWard;
beforeAll(async () => {
  t = await startTestWard({ usersPerAccountQuota: 3 });
});
afterAll(() => t?.close());

describe('the UsersPerAccount quota', () => {
  it('refuses the user past the quota with AWS’s text, and counts a deletion', async () => {
    const iam = t.iam();
    const already = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap!.Users!;
    for (let i = already; i < 3; i++) await iam.send(new CreateUserCommand({ UserName: `q${i}` }));
    expect((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap).toMatchObject({ Users: 3, UsersQuota: 3 });
    const over = await caught(() => iam.send(new CreateUserCommand({ UserName: 'one-too-many' })));
    expect(over.name).toBe('LimitExceededException');
    expect(over.message).toBe('Cannot exceed quota for UsersPerAccount: 3');
    // A refused create and a duplicate leave the count alone; a deletion frees a place.
    const dup = await caught(() => iam.send(new CreateUserCommand({ UserName: 'q2' })));
    expect(dup.name).toBe('EntityAlreadyExistsException');
    await iam.send(new DeleteUserCommand({ UserName: 'q2' }));
    expect((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap!.Users).toBe(2);
    await iam.send(new CreateUserCommand({ UserName: 'replacement' }));
    expect((await caught(() => iam.send(new CreateUserCommand({ UserName: 'again' })))).name).toBe(
      'LimitExceededException',
    );
  });
});
