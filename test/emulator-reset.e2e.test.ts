import { join } from 'node:path';
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  TagUserCommand,
} from '@aws-sdk/client-iam';
import { CreateAccountCommand, CreateOrganizationCommand } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgs } from './support/organizations.js';
import { TEST_DATABASE_URL } from './support/postgres.js';
import { type TestWard, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard({ emulator: true });
});
afterAll(() => t.close());

/** Every row of every table of the store, each table's rows sorted: the whole state, comparable. */
function dump(dataDir: string): Record<string, string[]> {
  const db = new SQLite(join(dataDir, 'ward.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
      .all() as { name: string }[];
    const state: Record<string, string[]> = {};
    for (const { name } of tables) {
      const rows = db.prepare(`select * from "${name}"`).all();
      state[name] = rows.map((r) => JSON.stringify(r, comparable)).sort();
    }
    return state;
  } finally {
    db.close();
  }
}

/** A sealed secret is encrypted afresh with a new nonce: the same secret (the key still signs, emulator.e2e), other bytes. */
const comparable = (key: string, v: unknown): unknown =>
  key === 'secret_sealed' ? 'sealed' : Buffer.isBuffer(v) ? v.toString('hex') : v;

const anyKey = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const trust = (accountId: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'sts:AssumeRole' }],
  });

describe('POST /moto-api/reset', () => {
  // It reads SQLite's file directly; the PostgreSQL store is wiped and bootstrapped by the same code.
  it.skipIf(TEST_DATABASE_URL)('leaves exactly the bootstrapped state: every table, row for row', async () => {
    const bootstrapped = dump(t.dataDir);

    const iam = t.iam(anyKey);
    await iam.send(new CreateUserCommand({ UserName: 'alice', Path: '/team/' }));
    await iam.send(new TagUserCommand({ UserName: 'alice', Tags: [{ Key: 'k', Value: 'v' }] }));
    await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'devs' }));
    const policy = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'p',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        }),
      }),
    );
    await iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: policy.Policy!.Arn! }));
    await iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: trust(t.accountId) }));
    await t
      .sts(anyKey)
      .send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${t.accountId}:role/r`, RoleSessionName: 'suite' }));
    const org = orgs(t, anyKey);
    await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    await org.send(new CreateAccountCommand({ AccountName: 'dev', Email: 'dev@example.com' }));
    expect(dump(t.dataDir)).not.toEqual(bootstrapped);

    expect((await fetch(`${t.url}/moto-api/reset`, { method: 'POST' })).status).toBe(200);
    const after = dump(t.dataDir);
    const differing = Object.keys({ ...bootstrapped, ...after }).filter(
      (table) => JSON.stringify(after[table]) !== JSON.stringify(bootstrapped[table]),
    );
    expect(differing.map((table) => ({ table, bootstrapped: bootstrapped[table], after: after[table] }))).toEqual([]);
  });
});
