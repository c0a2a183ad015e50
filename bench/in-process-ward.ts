// A Ward started in this process on a throwaway SQLite store, and one signed GetCallerIdentity
// as node:http would hand it to `handleApi`: the fixture of the in-process benches.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { configSchema } from '../src/config/config.js';
import type { RawRequest } from '../src/server/raw-request.js';
import { type RunningWard, startWard } from '../src/server/ward.js';
import { newAccessKeyId, newSecretAccessKey } from '../src/shared/ids.js';
import { signRequest } from '../src/sigv4/index.js';

export interface InProcessWard {
  ward: RunningWard;
  dataDir: string;
  /** A signed sts:GetCallerIdentity by the bootstrap root key. */
  raw: RawRequest;
  /** The bootstrap root key. */
  root: { accessKeyId: string; secretAccessKey: string };
  /** Stops Ward and removes its data directory. */
  close(): Promise<void>;
}

export async function startInProcessWard(prefix: string): Promise<InProcessWard> {
  const credentials = { accessKeyId: newAccessKeyId('AKIA', '123456789012'), secretAccessKey: newSecretAccessKey() };
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const ward = await startWard(
    configSchema.parse({
      port: 0,
      dataDir,
      bootstrapAccessKeyId: credentials.accessKeyId,
      bootstrapSecretAccessKey: credentials.secretAccessKey,
    }),
    { logger: pino({ level: 'silent' }) },
  );
  const raw = signedRaw(ward.url, 'sts', 'Action=GetCallerIdentity&Version=2011-06-15', credentials, {
    'user-agent': 'aws-sdk-js/3.1169.0 ua/2.1 os/linux lang/js md/nodejs#20.20.2 api/sts#3.1169.0',
  });
  return {
    ward,
    dataDir,
    raw,
    root: credentials,
    async close() {
      await ward.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed Query-protocol POST as node:http would hand it to `handleApi`. */
export function signedRaw(
  url: string,
  service: string,
  body: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  headers: Record<string, string> = {},
): RawRequest {
  const s = signRequest({
    method: 'POST',
    url: `${url}/`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    body,
    credentials,
    region: 'us-east-1',
    service,
  });
  return {
    method: 'POST',
    url: '/',
    headers: [...s.headers].map(([k, v]) => [k, v] as [string, string]),
    body: Buffer.from(body),
    remoteAddress: '127.0.0.1',
    secure: false,
  };
}
