import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { configSchema } from '../../src/config/config.js';
import { type RunningWard, type WardOptions, startWard } from '../../src/server/ward.js';
import { newAccessKeyId, newSecretAccessKey } from '../../src/shared/ids.js';
import { TEST_DATABASE_URL, type TestDatabase, createTestDatabase } from './postgres.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface TestWard {
  ward: RunningWard;
  url: string;
  accountId: string;
  root: Credentials;
  dataDir: string;
  /** The PostgreSQL database this Ward runs on (WARD_TEST_DATABASE_URL set), else undefined: SQLite. */
  databaseUrl?: string;
  /** The throwaway PostgreSQL database this Ward created (and drops on close), for `reopen`. */
  database?: TestDatabase;
  iam(credentials?: Credentials, extra?: Record<string, unknown>): IAMClient;
  sts(credentials?: Credentials, extra?: Record<string, unknown>): STSClient;
  /** Stops the Ward; `keepStore` leaves its data directory and database for `reopen`. */
  close(options?: { keepStore?: boolean }): Promise<void>;
}

export const ACCOUNT_ID = '123456789012';
/** The management root's console password in every test Ward. */
export const ROOT_EMAIL = 'root@ward.local';
export const ROOT_PASSWORD = 'Ward-root-Passw0rd!';
/** The bearer token every test Ward requires from callers of POST /authorize (settings may drop it). */
export const AUTHORIZE_TOKEN = 'test-authorize-token-0123456789';

export interface TestWardOptions extends WardOptions {
  emulator?: boolean;
  usersPerAccountQuota?: number;
  /** Console settings under test (WARD_CONSOLE_*). */
  console?: { rootMfaSkippable?: boolean };
  /** Any other settings under test (publicUrl, trustedProxies, …), as the config schema takes them. */
  settings?: Record<string, unknown>;
  /**
   * Another node of `join`'s Ward: the same PostgreSQL database and the same data directory
   * (so the same master key). Closing it leaves the database to `join`.
   */
  join?: TestWard;
  /**
   * A restart: a new Ward (fresh caches) on the store `reopen` left when closed with `keepStore`.
   * The new one owns the store and removes it on close.
   */
  reopen?: TestWard;
}

/**
 * A real Ward on a random loopback port with its own throwaway store: SQLite in a temp
 * directory, or, when WARD_TEST_DATABASE_URL is set, a fresh PostgreSQL database dropped on close.
 */
export async function startTestWard(options: TestWardOptions = {}): Promise<TestWard> {
  const { join: peer, reopen, usersPerAccountQuota, console: consoleSettings, settings, ...wardOptions } = options;
  const dataDir = peer?.dataDir ?? reopen?.dataDir ?? mkdtempSync(join(tmpdir(), 'ward-test-'));
  let database: TestDatabase | undefined = reopen?.database;
  if (peer && !peer.databaseUrl) throw new Error('only a PostgreSQL Ward can have a second node');
  if (!peer && !reopen && TEST_DATABASE_URL) database = await createTestDatabase();
  const databaseUrl = peer?.databaseUrl ?? database?.url;
  const root = peer?.root ??
    reopen?.root ?? { accessKeyId: newAccessKeyId('AKIA', ACCOUNT_ID), secretAccessKey: newSecretAccessKey() };
  const config = configSchema.parse({
    port: 0,
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(usersPerAccountQuota ? { usersPerAccountQuota } : {}),
    logLevel: 'silent',
    accountId: ACCOUNT_ID,
    emulator: options.emulator ?? false,
    bootstrapAccessKeyId: root.accessKeyId,
    bootstrapSecretAccessKey: root.secretAccessKey,
    rootEmail: ROOT_EMAIL,
    rootPassword: ROOT_PASSWORD,
    authorizeToken: AUTHORIZE_TOKEN,
    ...(consoleSettings?.rootMfaSkippable === false ? { consoleRootMfaSkippable: false } : {}),
    ...settings,
  });
  let ward: RunningWard;
  try {
    // Every handler output in the suites is checked against the service model.
    ward = await startWard(config, { checkOutputs: true, ...wardOptions });
  } catch (err) {
    await database?.drop();
    if (!peer) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const clientConfig = (credentials: Credentials | undefined, extra: Record<string, unknown> = {}) => ({
    endpoint: ward.url,
    region: 'us-east-1',
    credentials: credentials ?? root,
    maxAttempts: 1,
    ...extra,
  });
  return {
    ward,
    url: ward.url,
    accountId: ACCOUNT_ID,
    root,
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    iam: (credentials, extra) => new IAMClient(clientConfig(credentials, extra)),
    sts: (credentials, extra) => new STSClient(clientConfig(credentials, extra)),
    ...(database ? { database } : {}),
    async close(closeOptions) {
      await ward.close();
      if (peer || closeOptions?.keepStore) return;
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` and returns the error it throws, failing the test if it does not throw. */
export async function caught(
  fn: () => Promise<unknown>,
): Promise<Error & { name: string; Code?: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await fn();
  } catch (err) {
    return err as Error & { name: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
