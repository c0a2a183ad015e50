import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type MemoryStore, openMemoryStore } from '../store/testing/memory-store.js';
import { LastUsedRecorder } from './last-used.js';

// The recorder coalesces uses in memory and writes them in one bookkeeping transaction on flush.

const ACCOUNT = '111122223333';
const KEY = 'AKIAUSERKEY000000001';
const T1 = new Date('2026-03-01T12:00:00Z');
const T2 = new Date('2026-03-01T12:00:05Z');

let m: MemoryStore;
let errors: unknown[];
let recorder: LastUsedRecorder;

beforeEach(async () => {
  m = await openMemoryStore();
  await m.store.accounts.create({ accountId: ACCOUNT, name: 'main', email: 'root@example.com', createdAt: T1 });
  await m.store.accessKeys.create({ accessKeyId: KEY, accountId: ACCOUNT, status: 'Active', createdAt: T1 }, 'secret');
  errors = [];
  // An interval no test waits for: only explicit flushes write.
  recorder = new LastUsedRecorder(m.store, (err) => errors.push(err), 3_600_000);
});
afterEach(() => m.close());

describe('the key last-used recorder', () => {
  it('writes nothing until flushed, then the latest use of each key', async () => {
    recorder.record(KEY, T1, 'iam', 'us-east-1');
    recorder.record(KEY, T2, 'sts', 'eu-west-1');
    expect((await m.store.accessKeys.get(KEY))?.lastUsed).toBeUndefined();
    await recorder.flush();
    expect((await m.store.accessKeys.get(KEY))?.lastUsed).toEqual({ at: T2, service: 'sts', region: 'eu-west-1' });
    expect(errors).toEqual([]);
  });

  it('counts a role session’s use of a service for its role, as the access advisor reports roles', async () => {
    recorder.recordService(ACCOUNT, `arn:aws:sts::${ACCOUNT}:assumed-role/Deployer/ci-run-7`, 's3', T1, 'us-east-1');
    recorder.recordService(ACCOUNT, `arn:aws:iam::${ACCOUNT}:user/alice`, 'iam', T2, 'us-east-1');
    await recorder.flush();
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/Deployer`;
    const stored = await m.store.credentials.serviceAccess([roleArn, `arn:aws:iam::${ACCOUNT}:user/alice`]);
    expect(stored.sort((a, b) => a.service.localeCompare(b.service))).toEqual([
      { principalArn: `arn:aws:iam::${ACCOUNT}:user/alice`, service: 'iam', lastAt: T2, region: 'us-east-1' },
      { principalArn: roleArn, service: 's3', lastAt: T1, region: 'us-east-1' },
    ]);
  });

  it('reports a failed write to its error handler instead of throwing into the request path', async () => {
    recorder.record(KEY, T1, 'iam', 'us-east-1');
    await m.close();
    await recorder.flush();
    expect(errors).toHaveLength(1);
  });
});
