import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditedCall } from '../audit/trail.js';
import { SecretBox } from '../shared/secret-box.js';
import type { KyselyStore } from '../store/kysely/kysely-store.js';
import { openSqliteStore } from '../store/sqlite.js';
import { WorkerAuditSink } from './audit-worker-sink.js';

const ACCOUNT = '123456789012';
const root = { kind: 'root' as const, accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, userId: ACCOUNT };

function call(n: number, extra: Partial<AuditedCall> = {}): AuditedCall {
  return {
    requestId: `req-${n}`,
    at: new Date(Date.UTC(2026, 10, 23, 12, 0, n)),
    sourceIp: '127.0.0.1',
    userAgent: 'test',
    service: 'iam',
    operation: 'CreateUser',
    input: { UserName: `user-${n}` },
    output: { User: { UserName: `user-${n}`, CreateDate: new Date(Date.UTC(2026, 10, 23)) } },
    principal: root,
    accessKeyId: 'AKIAEXAMPLE000000001',
    region: 'us-east-1',
    ...extra,
  };
}

let dir: string;
let store: KyselyStore;
let closeStore: () => Promise<void>;
let writeLock: SharedArrayBuffer;
const errors: string[] = [];
const onError = (err: unknown, message: string) => void errors.push(`${message}: ${String(err)}`);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ward-audit-sink-'));
  const opened = await openSqliteStore(dir, new SecretBox(Buffer.alloc(32, 7)));
  ({ store, close: closeStore } = opened);
  writeLock = opened.trailLock.buffer;
  errors.length = 0;
});
afterEach(async () => {
  await closeStore();
  rmSync(dir, { recursive: true, force: true });
});

const stored = async () => (await store.events.lookup({ accountId: ACCOUNT }, { limit: 1000 })).events;

describe('the audit writer thread', () => {
  it('stores each batch, in order, before write() resolves; builds records there from what crossed', async () => {
    const sink = new WorkerAuditSink({ dataDir: dir, writeLock, defaultAccountId: ACCOUNT, onError });
    const first = sink.write([call(1), call(2)]);
    const second = sink.write([call(3)]);
    await Promise.all([first, second]);
    const events = await stored();
    expect(events.map((e) => e.eventName)).toEqual(['CreateUser', 'CreateUser', 'CreateUser']);
    const record = JSON.parse(events.find((e) => e.record.includes('req-3'))!.record) as Record<string, any>;
    expect(record).toMatchObject({
      eventSource: 'iam.amazonaws.com',
      requestParameters: { userName: 'user-3' },
      // A Date crosses the thread boundary as a Date, and the record writes it as ISO-8601.
      responseElements: { user: { userName: 'user-3', createDate: '2026-11-23T00:00:00.000Z' } },
      userIdentity: { type: 'Root', accessKeyId: 'AKIAEXAMPLE000000001' },
    });
    await sink.close();
    expect(errors).toEqual([]);
  });

  it('records a call that failed authentication by the facts dispatch learned: its operation, key, account and region', async () => {
    const sink = new WorkerAuditSink({ dataDir: dir, writeLock, defaultAccountId: ACCOUNT, onError });
    const failed = call(4, {
      input: undefined,
      output: undefined,
      principal: undefined,
      operation: 'ListUsers',
      accessKeyId: 'AKIAEXAMPLE000000001',
      region: 'eu-west-1',
      error: { code: 'InvalidClientTokenId', message: 'no' },
    });
    await sink.write([failed]);
    const [event] = await stored();
    expect(event).toMatchObject({
      eventName: 'ListUsers',
      eventSource: 'iam.amazonaws.com',
      accessKeyId: 'AKIAEXAMPLE000000001',
    });
    expect(JSON.parse(event!.record)).toMatchObject({
      awsRegion: 'eu-west-1',
      userIdentity: { type: 'AWSAccount', accessKeyId: 'AKIAEXAMPLE000000001' },
    });
    await sink.close();
  });

  it('starts another writer when one dies, and hands it the batch it had not stored', async () => {
    const sink = new WorkerAuditSink({
      dataDir: dir,
      writeLock,
      defaultAccountId: ACCOUNT,
      onError,
      entry: new URL('./testing/crash-once-audit-worker.ts', import.meta.url).href,
    });
    await sink.write([call(5), call(6)]);
    expect((await stored()).length).toBe(2);
    await sink.close();
    expect(errors).toEqual([]);
  });

  it('says it failed once it gives up on a writer that keeps dying', async () => {
    const sink = new WorkerAuditSink({
      dataDir: dir,
      writeLock,
      defaultAccountId: ACCOUNT,
      onError,
      entry: new URL('./testing/crash-always-audit-worker.ts', import.meta.url).href,
    });
    expect(sink.failure()).toBeUndefined();
    await sink.write([call(9)]);
    expect(sink.failure()).toBe('writer failed');
    expect(errors.join('\n')).toMatch(/1 audit events were not stored/);
    await sink.close();
  });

  it('close() waits for what is in flight; an entry that cannot cross costs only itself', async () => {
    const sink = new WorkerAuditSink({ dataDir: dir, writeLock, defaultAccountId: ACCOUNT, onError });
    void sink.write([call(7), call(8, { output: { Odd: () => 1 } })]);
    await sink.close();
    expect((await stored()).map((e) => JSON.parse(e.record).requestID)).toEqual(['req-7']);
    expect(errors.join('\n')).toMatch(/could not be handed to the writer thread/);
  });

  it('close() holds the process open until the writer is done, with nothing else keeping it alive', () => {
    const script = `
      import { configSchema } from ${JSON.stringify(new URL('../config/config.ts', import.meta.url).href)};
      import { startWard } from ${JSON.stringify(new URL('./ward.ts', import.meta.url).href)};
      const ward = await startWard(configSchema.parse({ port: 0, dataDir: ${JSON.stringify(dir)}, logLevel: 'silent' }));
      await fetch(ward.url + '/', { method: 'POST', body: 'Action=ListUsers&Version=2010-05-08', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      await ward.close();
      console.log('closed');
    `;
    // A module file, not -e: eval'd code keeps the process alive by itself and would hide the bug.
    const file = join(dir, 'close-check.mts');
    writeFileSync(file, script);
    const out = execFileSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', timeout: 60_000 });
    expect(out.trim().split('\n').at(-1)).toBe('closed');
  });
});
