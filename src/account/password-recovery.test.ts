import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT_CREDENTIALS_MANAGEMENT } from '../iam/core/org-features.js';
import { buildSignInEvent } from '../audit/build-event.js';
import type { SignIn } from '../audit/trail.js';
import { hashPassword, verifyPassword } from '../iam/core/password-hash.js';
import type { SecretBox } from '../shared/secret-box.js';
import { KyselyStore } from '../store/kysely/kysely-store.js';
import { migrateToLatest } from '../store/migrate.js';
import type { Database } from '../store/schema.js';
import { type OutboxMessage, directoryOutbox } from './outbox.js';
import { RootPasswordRejectedError } from './root-password.js';
import {
  RECOVERY_REQUESTED_MESSAGE,
  RecoveryLinkInvalidError,
  type RecoveryDeps,
  completeRootPasswordRecovery,
  listOutbox,
  readOutboxMessage,
  startRootPasswordRecovery,
} from './password-recovery.js';

const MGMT = '111111111111';
const MEMBER = '222222222222';
const STANDALONE = '333333333333';
const BASE = 'https://ward.example.com';
const T0 = new Date('2026-03-01T10:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

let db: Kysely<Database>;
let store: KyselyStore;
let sent: OutboxMessage[];
let deps: RecoveryDeps;
let outboxDir: string;
let audited: SignIn[];

const ORIGIN = { sourceIp: '198.51.100.7', userAgent: 'recovery-test' };
const start = (d: RecoveryDeps, email: string, now: Date, base: string) =>
  startRootPasswordRecovery(d, email, now, base, ORIGIN);
const complete = (d: RecoveryDeps, token: string, password: string, now: Date) =>
  completeRootPasswordRecovery(d, token, password, now, ORIGIN);
/** What the trail would store for each recorded event. */
const records = () => audited.map((e) => JSON.parse(buildSignInEvent(e).record) as Record<string, any>);

beforeEach(async () => {
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
  await migrateToLatest(db as Kysely<unknown>);
  store = new KyselyStore(db, {} as SecretBox);
  for (const [accountId, email] of [
    [MGMT, 'mgmt@example.com'],
    [MEMBER, 'Member@Example.com'],
    [STANDALONE, 'solo@example.com'],
  ] as const) {
    await store.accounts.create({ accountId, name: accountId, email, createdAt: T0 });
  }
  // MGMT manages an organization with MEMBER in it.
  await store.organizations.createOrg({
    orgId: 'o-abcdefghij',
    managementAccountId: MGMT,
    managementEmail: 'mgmt@example.com',
    featureSet: 'ALL',
    rootId: 'r-abcd',
    rootName: 'Root',
    createdAt: T0,
  });
  for (const [accountId, email] of [
    [MGMT, 'mgmt@example.com'],
    [MEMBER, 'Member@Example.com'],
  ] as const) {
    await store.organizations.addAccount({
      accountId,
      orgId: 'o-abcdefghij',
      parentId: 'r-abcd',
      name: accountId,
      email,
      status: 'ACTIVE',
      joinedMethod: 'CREATED',
      joinedAt: T0,
    });
  }
  sent = [];
  audited = [];
  outboxDir = mkdtempSync(join(tmpdir(), 'ward-outbox-'));
  const directory = directoryOutbox(outboxDir);
  deps = {
    store,
    outbox: {
      async send(m) {
        sent.push(m);
        await directory.send(m);
      },
    },
    audit: { recordSignIn: (e) => audited.push(e) },
  };
});

afterEach(async () => {
  await db.destroy();
  rmSync(outboxDir, { recursive: true, force: true });
});

const tokenOf = (m: OutboxMessage): string => {
  const match = /https:\/\/ward\.example\.com\/console\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(m.text);
  if (!match) throw new Error(`no reset link in: ${m.text}`);
  return match[1]!;
};

async function tokenRows() {
  return (
    db as unknown as Kysely<{
      root_password_recovery_tokens: {
        token_hash: string;
        account_id: string;
        expires_at: string;
        used_at: string | null;
      };
    }>
  )
    .selectFrom('root_password_recovery_tokens')
    .selectAll()
    .execute();
}

async function rootPasswordIs(accountId: string, password: string): Promise<boolean> {
  const profile = await store.credentials.getLoginProfile(accountId, undefined);
  return profile !== undefined && (await verifyPassword(password, profile.passwordHash));
}

describe('asking for a reset link', () => {
  it("mails a single-use link to a standalone root and stores only the token's SHA-256, valid for an hour", async () => {
    const out = await start(deps, 'solo@example.com', T0, `${BASE}/`);
    expect(out).toEqual({ message: RECOVERY_REQUESTED_MESSAGE });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: 'solo@example.com',
      subject: 'Amazon Web Services Password Assistance',
      date: T0,
    });
    expect(sent[0]!.text).toContain(`AWS account ${STANDALONE}`);
    const token = tokenOf(sent[0]!);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = await tokenRows();
    expect(rows).toEqual([
      {
        token_hash: createHash('sha256').update(token).digest('hex'),
        account_id: STANDALONE,
        created_at: T0.toISOString(),
        expires_at: minutes(60).toISOString(),
        used_at: null,
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('answers the same for an unknown email, and sends nothing', async () => {
    const known = await start(deps, 'solo@example.com', T0, BASE);
    const unknown = await start(deps, 'nobody@example.com', T0, BASE);
    const empty = await start(deps, '   ', T0, BASE);
    expect(unknown).toEqual(known);
    expect(empty).toEqual(known);
    expect(sent).toHaveLength(1);
    expect(await tokenRows()).toHaveLength(1);
  });

  it('matches the email ignoring case and surrounding spaces, and mails the stored address', async () => {
    await start(deps, '  MGMT@EXAMPLE.COM ', T0, BASE);
    expect(sent.map((m) => m.to)).toEqual(['mgmt@example.com']);
  });

  it('lets a member of an organization without centralized root credentials management recover', async () => {
    await start(deps, 'member@example.com', T0, BASE);
    expect(sent.map((m) => m.to)).toEqual(['Member@Example.com']);
  });

  it('refuses a centrally managed member without root credentials until IAMCreateRootUserPassword created its login profile', async () => {
    await store.organizations.setIamFeature('o-abcdefghij', ROOT_CREDENTIALS_MANAGEMENT, T0);
    const refused = await start(deps, 'member@example.com', T0, BASE);
    expect(refused).toEqual({ message: RECOVERY_REQUESTED_MESSAGE });
    expect(sent).toEqual([]);
    expect(await tokenRows()).toEqual([]);
    // The management account's root is not affected by its own organization's feature.
    await start(deps, 'mgmt@example.com', T0, BASE);
    expect(sent.map((m) => m.to)).toEqual(['mgmt@example.com']);

    // "Allow password recovery": CreateLoginProfile without a user name in an IAMCreateRootUserPassword session.
    await store.credentials.putLoginProfile({
      accountId: MEMBER,
      passwordHash: await hashPassword('unusable-random'),
      createdAt: T0,
      passwordChangedAt: T0,
      resetRequired: false,
    });
    await start(deps, 'member@example.com', minutes(1), BASE);
    expect(sent.map((m) => m.to)).toEqual(['mgmt@example.com', 'Member@Example.com']);
    const { accountId } = await complete(deps, tokenOf(sent[1]!), 'Recovered-Passw0rd', minutes(2));
    expect(accountId).toBe(MEMBER);
    expect(await rootPasswordIs(MEMBER, 'Recovered-Passw0rd')).toBe(true);
    expect((await store.credentials.getLoginProfile(MEMBER, undefined))?.createdAt).toEqual(T0);
  });

  it('refuses suspended member accounts', async () => {
    await store.organizations.updateAccount(MEMBER, { status: 'SUSPENDED' });
    await start(deps, 'member@example.com', T0, BASE);
    expect(sent).toEqual([]);
  });

  it('reports an outbox failure without changing the answer', async () => {
    const errors: string[] = [];
    const failing: RecoveryDeps = {
      store,
      audit: deps.audit,
      outbox: { send: () => Promise.reject(new Error('disk full')) },
      onError: (err, message) => errors.push(`${message}: ${(err as Error).message}`),
    };
    expect(await start(failing, 'solo@example.com', T0, BASE)).toEqual({ message: RECOVERY_REQUESTED_MESSAGE });
    expect(errors).toEqual([`sending the root password recovery message for account ${STANDALONE} failed: disk full`]);
  });
});

describe('resetting the password with the link', () => {
  it('sets the root password once; the link cannot be used again', async () => {
    await start(deps, 'solo@example.com', T0, BASE);
    const token = tokenOf(sent[0]!);
    expect(await store.credentials.getLoginProfile(STANDALONE, undefined)).toBeUndefined();
    await complete(deps, token, 'New-Passw0rd!', minutes(5));
    const profile = await store.credentials.getLoginProfile(STANDALONE, undefined);
    expect(profile).toMatchObject({
      accountId: STANDALONE,
      createdAt: minutes(5),
      passwordChangedAt: minutes(5),
      resetRequired: false,
    });
    expect(await rootPasswordIs(STANDALONE, 'New-Passw0rd!')).toBe(true);
    expect((await tokenRows())[0]!.used_at).toBe(minutes(5).toISOString());
    await expect(complete(deps, token, 'Other-Passw0rd!', minutes(6))).rejects.toBeInstanceOf(RecoveryLinkInvalidError);
    expect(await rootPasswordIs(STANDALONE, 'New-Passw0rd!')).toBe(true);
  });

  it('gives one error for unknown, malformed and expired links', async () => {
    await start(deps, 'solo@example.com', T0, BASE);
    const token = tokenOf(sent[0]!);
    const errors = await Promise.all(
      [
        complete(deps, token, 'New-Passw0rd!', minutes(60)),
        complete(deps, 'A'.repeat(43), 'New-Passw0rd!', T0),
        complete(deps, '../../etc/passwd', 'New-Passw0rd!', T0),
        complete(deps, '', 'New-Passw0rd!', T0),
      ].map((p) =>
        p.then(
          () => undefined,
          (e: unknown) => e,
        ),
      ),
    );
    for (const err of errors) {
      expect(err).toBeInstanceOf(RecoveryLinkInvalidError);
      expect((err as Error).message).toBe(errors[0] && (errors[0] as Error).message);
    }
    expect((errors[0] as RecoveryLinkInvalidError).code).toBe('InvalidRecoveryLink');
    // Just before the hour is up it still works.
    await complete(deps, token, 'New-Passw0rd!', new Date(minutes(60).getTime() - 1));
    expect(await rootPasswordIs(STANDALONE, 'New-Passw0rd!')).toBe(true);
  });

  it("invalidates the account's other outstanding links, not other accounts'", async () => {
    await start(deps, 'solo@example.com', T0, BASE);
    await start(deps, 'solo@example.com', minutes(1), BASE);
    await start(deps, 'mgmt@example.com', minutes(1), BASE);
    const [first, second, mgmt] = sent.map(tokenOf);
    expect(first).not.toBe(second);
    await complete(deps, second!, 'Second-Passw0rd', minutes(2));
    await expect(complete(deps, first!, 'First-Passw0rd', minutes(3))).rejects.toBeInstanceOf(RecoveryLinkInvalidError);
    expect(await rootPasswordIs(STANDALONE, 'Second-Passw0rd')).toBe(true);
    await complete(deps, mgmt!, 'Mgmt-Passw0rd', minutes(3));
    expect(await rootPasswordIs(MGMT, 'Mgmt-Passw0rd')).toBe(true);
  });

  it('applies the root password rules, not the account password policy, and keeps the link usable after a refusal', async () => {
    // A policy stricter than the root rules in length and looser in classes: it must not matter.
    await store.credentials.putPasswordPolicy(STANDALONE, {
      MinimumPasswordLength: 20,
      RequireSymbols: true,
      PasswordReusePrevention: 2,
    });
    await store.credentials.putLoginProfile({
      accountId: STANDALONE,
      passwordHash: await hashPassword('Old-Password-1!'),
      createdAt: T0,
      passwordChangedAt: T0,
      resetRequired: true,
    });
    await start(deps, 'solo@example.com', T0, BASE);
    const token = tokenOf(sent[0]!);
    await expect(complete(deps, token, 'Ab1!xyz', minutes(1))).rejects.toMatchObject({
      code: 'RootPasswordRejected',
      message: expect.stringMatching(/between 8 and 128/),
    });
    await expect(complete(deps, token, 'x'.repeat(129), minutes(1))).rejects.toBeInstanceOf(RootPasswordRejectedError);
    await expect(complete(deps, token, 'lowercase-only-but-long-enough', minutes(1))).rejects.toMatchObject({
      message: expect.stringMatching(/three of the following/),
    });
    await expect(complete(deps, token, 'SOLO@example.com', minutes(1))).rejects.toMatchObject({
      message: expect.stringMatching(/account name or email/),
    });
    expect(await rootPasswordIs(STANDALONE, 'Old-Password-1!')).toBe(true);
    // 11 characters with no symbol of IAM's: the policy would refuse it; the root rules take it.
    await complete(deps, token, 'Brand9New8X', minutes(1));
    const profile = await store.credentials.getLoginProfile(STANDALONE, undefined);
    expect(profile).toMatchObject({ createdAt: T0, passwordChangedAt: minutes(1), resetRequired: false });
    expect(await rootPasswordIs(STANDALONE, 'Brand9New8X')).toBe(true);
  });

  it('records the request and each completion attempt as sign-in events, without the password, token or email', async () => {
    await start(deps, 'solo@example.com', T0, BASE);
    await start(deps, 'nobody@example.com', T0, BASE);
    const token = tokenOf(sent[0]!);
    await expect(complete(deps, token, 'short', minutes(1))).rejects.toBeInstanceOf(RootPasswordRejectedError);
    await complete(deps, token, 'Recovered-Passw0rd', minutes(2));
    const recorded = records();
    expect(recorded.map((r) => [r.eventName, r.recipientAccountId, r.responseElements])).toEqual([
      ['PasswordRecoveryRequested', STANDALONE, { PasswordRecoveryRequested: 'Success' }],
      ['PasswordRecoveryCompleted', STANDALONE, { PasswordRecoveryCompleted: 'Failure' }],
      ['PasswordRecoveryCompleted', STANDALONE, { PasswordRecoveryCompleted: 'Success' }],
    ]);
    for (const r of recorded) {
      expect(r).toMatchObject({
        eventSource: 'signin.amazonaws.com',
        eventType: 'AwsConsoleSignIn',
        sourceIPAddress: ORIGIN.sourceIp,
        userAgent: ORIGIN.userAgent,
      });
      expect(r.userIdentity).toMatchObject({
        type: 'Root',
        accountId: STANDALONE,
        arn: `arn:aws:iam::${STANDALONE}:root`,
      });
    }
    const text = JSON.stringify(recorded);
    for (const secret of ['Recovered-Passw0rd', 'short', token, 'solo@example.com']) expect(text).not.toContain(secret);
  });

  it('records a refused request for a root that may not recover', async () => {
    await store.organizations.updateAccount(MEMBER, { status: 'SUSPENDED' });
    await start(deps, 'member@example.com', T0, BASE);
    expect(sent).toEqual([]);
    expect(records().map((r) => [r.eventName, r.recipientAccountId, r.responseElements])).toEqual([
      ['PasswordRecoveryRequested', MEMBER, { PasswordRecoveryRequested: 'Failure' }],
    ]);
  });

  it("refuses a link once IAMDeleteRootUserCredentials took the member root's credentials away again", async () => {
    await store.organizations.setIamFeature('o-abcdefghij', ROOT_CREDENTIALS_MANAGEMENT, T0);
    await store.credentials.putLoginProfile({
      accountId: MEMBER,
      passwordHash: await hashPassword('unusable-random'),
      createdAt: T0,
      passwordChangedAt: T0,
      resetRequired: false,
    });
    await start(deps, 'member@example.com', T0, BASE);
    await store.credentials.deleteLoginProfile(MEMBER, undefined);
    await expect(complete(deps, tokenOf(sent[0]!), 'Recovered-Passw0rd', minutes(1))).rejects.toBeInstanceOf(
      RecoveryLinkInvalidError,
    );
    expect(await store.credentials.getLoginProfile(MEMBER, undefined)).toBeUndefined();
  });

  it('lets only one of two concurrent uses of a link win', async () => {
    await start(deps, 'solo@example.com', T0, BASE);
    const token = tokenOf(sent[0]!);
    const results = await Promise.allSettled([
      complete(deps, token, 'Racer-One-Passw0rd', minutes(1)),
      complete(deps, token, 'Racer-Two-Passw0rd', minutes(1)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(RecoveryLinkInvalidError);
    const winner = results[0].status === 'fulfilled' ? 'Racer-One-Passw0rd' : 'Racer-Two-Passw0rd';
    expect(await rootPasswordIs(STANDALONE, winner)).toBe(true);
  });
});

describe('the outbox page', () => {
  it('lists the directory outbox newest first and reads one message', async () => {
    expect(await listOutbox(join(outboxDir, 'missing'))).toEqual([]);
    await start(deps, 'solo@example.com', T0, BASE);
    await start(deps, 'mgmt@example.com', minutes(1), BASE);
    const list = await listOutbox(outboxDir);
    expect(list.map((m) => m.to)).toEqual(['mgmt@example.com', 'solo@example.com']);
    expect(list[0]).toMatchObject({
      subject: 'Amazon Web Services Password Assistance',
      from: 'AWS Account (Ward) <no-reply@ward.invalid>',
      date: minutes(1),
    });
    expect(list[0]!.id).toMatch(/^2026-03-01T10-01-00-000Z-[0-9a-f-]+$/);
    expect(list[0]!.text).toBe(sent[1]!.text);
    const one = await readOutboxMessage(outboxDir, list[1]!.id);
    expect(one).toEqual(list[1]);
    expect(tokenOf({ ...sent[0]!, text: one!.text })).toBe(tokenOf(sent[0]!));
    expect(await readOutboxMessage(outboxDir, '../../etc/passwd')).toBeUndefined();
    expect(await readOutboxMessage(outboxDir, 'no-such-message')).toBeUndefined();
  });
});
