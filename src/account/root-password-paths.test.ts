import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignIn } from '../audit/trail.js';
import { hashPassword, verifyPassword } from '../iam/core/password-hash.js';
import { rootArn } from '../shared/arn.js';
import type { Principal } from '../shared/principal.js';
import type { SecretBox } from '../shared/secret-box.js';
import { KyselyStore } from '../store/kysely/kysely-store.js';
import { migrateToLatest } from '../store/migrate.js';
import type { Database } from '../store/schema.js';
import type { OutboxMessage } from './outbox.js';
import { type RecoveryDeps, completeRootPasswordRecovery, startRootPasswordRecovery } from './password-recovery.js';
import { changeRootPassword } from './root-password.js';

/**
 * Issue 13: the console's change applied the root rules (8–128 characters, three classes) while
 * recovery applied the account's IAM password policy (minimum 6 by default), so a password the
 * console refused could be set by recovery. Both paths must now accept and refuse the same
 * passwords, with the same words.
 */
const ACCOUNT = '333333333333';
const EMAIL = 'owner@example.com';
const CURRENT = 'Current-Passw0rd!';
const ORIGIN = { sourceIp: '203.0.113.9', userAgent: 'paths-test' };
const ROOT: Principal = { kind: 'root', accountId: ACCOUNT, arn: rootArn(ACCOUNT), userId: ACCOUNT };
const T0 = new Date('2026-03-01T10:00:00.000Z');

let db: Kysely<Database>;
let store: KyselyStore;
const sent: OutboxMessage[] = [];
const audited: SignIn[] = [];
let deps: RecoveryDeps;

beforeAll(async () => {
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
  await migrateToLatest(db as Kysely<unknown>);
  store = new KyselyStore(db, {} as SecretBox);
  await store.accounts.create({ accountId: ACCOUNT, name: 'Production', email: EMAIL, createdAt: T0 });
  // A loose policy: if recovery still read it, 'abc123' would pass there and not in the console.
  await store.credentials.putPasswordPolicy(ACCOUNT, { MinimumPasswordLength: 6 });
  deps = { store, outbox: { send: async (m) => void sent.push(m) }, audit: { recordSignIn: (e) => audited.push(e) } };
});
afterAll(async () => {
  await db.destroy();
});

async function resetTo(password: string): Promise<void> {
  await store.credentials.putLoginProfile({
    accountId: ACCOUNT,
    passwordHash: await hashPassword(password),
    createdAt: T0,
    passwordChangedAt: T0,
    resetRequired: false,
  });
}

/** What the console's change says of `password`: undefined when it was set, else the problem. */
async function byChange(password: string): Promise<string | undefined> {
  await resetTo(CURRENT);
  return changeRootPassword({ store, audit: deps.audit }, ROOT, CURRENT, password, T0, ORIGIN);
}

/** What recovery says of `password`, through a fresh link. */
async function byRecovery(password: string): Promise<string | undefined> {
  await resetTo(CURRENT);
  sent.length = 0;
  await startRootPasswordRecovery(deps, EMAIL, T0, 'https://ward.example', ORIGIN);
  const token = /token=([A-Za-z0-9_-]{43})/.exec(sent[0]!.text)![1]!;
  try {
    await completeRootPasswordRecovery(deps, token, password, T0, ORIGIN);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

const rootPasswordIs = async (password: string) =>
  verifyPassword(password, (await store.credentials.getLoginProfile(ACCOUNT, undefined))!.passwordHash);

describe('the two ways to set a root password', () => {
  it.each([
    ['six characters the default IAM policy allows', 'abc123', false],
    ['seven characters of four classes', 'Ab1!xyz', false],
    ['129 characters', `Ab1!${'x'.repeat(125)}`, false],
    ['two classes', 'abcdefgh12', false],
    ['symbols AWS does not count', 'abcdefgh1 ~?', false],
    ['the account email', 'OWNER@example.com', false],
    ['the account name', 'production', false],
    ['a character outside IAM passwords', 'Abcdefg1\u20ac', false],
    ['three classes with a listed symbol', 'abcdefgh1<', true],
    ['upper, lower and digits', 'Abcdefgh12', true],
    ['128 characters', `Ab1!${'x'.repeat(124)}`, true],
  ])('%s: the same answer from both', async (_name, password, acceptable) => {
    const change = await byChange(password);
    expect(change === undefined).toBe(acceptable);
    if (acceptable) expect(await rootPasswordIs(password)).toBe(true);
    const recovery = await byRecovery(password);
    expect(recovery).toBe(change);
    expect(await rootPasswordIs(acceptable ? password : CURRENT)).toBe(true);
  });

  it('records every change attempt as PasswordUpdated, never with a password', async () => {
    audited.length = 0;
    await resetTo(CURRENT);
    expect(
      await changeRootPassword({ store, audit: deps.audit }, ROOT, 'Wrong-Passw0rd!', 'Abcdefgh12', T0, ORIGIN),
    ).toBe('The current password is incorrect.');
    expect(
      await changeRootPassword({ store, audit: deps.audit }, ROOT, CURRENT, 'Abcdefgh12', T0, ORIGIN),
    ).toBeUndefined();
    expect(audited.map((e) => [e.eventName, e.accountId, e.success])).toEqual([
      ['PasswordUpdated', ACCOUNT, false],
      ['PasswordUpdated', ACCOUNT, true],
    ]);
    const text = JSON.stringify(audited);
    for (const secret of [CURRENT, 'Wrong-Passw0rd!', 'Abcdefgh12']) expect(text).not.toContain(secret);
  });
});
