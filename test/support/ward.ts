import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { configSchema } from '../../src/config/config.js';
import { type RunningWard, type WardOptions, startWard } from '../../src/server/ward.js';
import { newAccessKeyId, newSecretAccessKey } from '../../src/shared/ids.js';

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
  iam(credentials?: Credentials, extra?: Record<string, unknown>): IAMClient;
  sts(credentials?: Credentials, extra?: Record<string, unknown>): STSClient;
  close(): Promise<void>;
}

export const ACCOUNT_ID = '123456789012';

/** A real Ward on a random loopback port with its own throwaway SQLite store. */
export async function startTestWard(options: { emulator?: boolean } & WardOptions = {}): Promise<TestWard> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ward-test-'));
  const root = { accessKeyId: newAccessKeyId('AKIA', ACCOUNT_ID), secretAccessKey: newSecretAccessKey() };
  const config = configSchema.parse({
    port: 0,
    dataDir,
    logLevel: 'silent',
    accountId: ACCOUNT_ID,
    emulator: options.emulator ?? false,
    bootstrapAccessKeyId: root.accessKeyId,
    bootstrapSecretAccessKey: root.secretAccessKey,
  });
  const ward = await startWard(config, options);
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
    iam: (credentials, extra) => new IAMClient(clientConfig(credentials, extra)),
    sts: (credentials, extra) => new STSClient(clientConfig(credentials, extra)),
    async close() {
      await ward.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` and returns the error it throws, failing the test if it does not throw. */
export async function caught(fn: () => Promise<unknown>): Promise<Error & { name: string; Code?: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await fn();
  } catch (err) {
    return err as Error & { name: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
