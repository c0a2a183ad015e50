/**
 * The credential report is RFC 4180 CSV: a user name with a comma, or a path with quotes and commas
 * (both allowed by IAM's patterns), stays in its own column.
 */
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/console/pages/credential-report/csv.js';
import { type TestWard, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

async function report(): Promise<string[][]> {
  const iam = t.iam();
  while ((await iam.send(new GenerateCredentialReportCommand({}))).State !== 'COMPLETE');
  const out = await iam.send(new GetCredentialReportCommand({}));
  return parseCsv(Buffer.from(out.Content!).toString('utf8'));
}

describe('credential report CSV', () => {
  it('keeps every column of users whose name or path holds commas and quotes', async () => {
    const iam = t.iam();
    await iam.send(new CreateUserCommand({ UserName: 'a,b' }));
    await iam.send(new CreateAccessKeyCommand({ UserName: 'a,b' }));
    await iam.send(new CreateUserCommand({ UserName: 'plain', Path: '/team"x",y/' }));

    const [header, ...rows] = await report();
    expect(header).toHaveLength(22);
    for (const row of rows) expect(row).toHaveLength(22);

    const comma = rows.find((r) => r[0] === 'a,b');
    expect(comma?.[1]).toBe(`arn:aws:iam::${t.accountId}:user/a,b`);
    expect(comma?.[3]).toBe('false'); // password_enabled
    expect(comma?.[8]).toBe('true'); // access_key_1_active
    expect(comma?.[9]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/); // access_key_1_last_rotated
    expect(comma?.[13]).toBe('false'); // access_key_2_active

    const quoted = rows.find((r) => r[0] === 'plain');
    expect(quoted?.[1]).toBe(`arn:aws:iam::${t.accountId}:user/team"x",y/plain`);
    expect(quoted?.slice(3, 9)).toEqual(['false', 'N/A', 'N/A', 'N/A', 'false', 'false']);
  });
});
