import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { openTrailDatabase } from '../src/store/sqlite-trail.js';
import { SqliteTrailRepo } from '../src/store/sqlite-trail-repo.js';
import { SqliteWriteLock } from '../src/store/sqlite-write-lock.js';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The trail's promise on shutdown: a call answered before SIGTERM has its record, although
 * records are written in 100 ms batches by a writer thread into audit.sqlite. SIGTERM lands
 * right after the last answer, while its batch is still buffered or in flight.
 */

const WARD = fileURLToPath(new URL('../bin/ward.js', import.meta.url));
const data = mkdtempSync(join(tmpdir(), 'ward-audit-sigterm-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));

async function serve(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('WARD_')) delete env[k];
  const child = spawn(process.execPath, [WARD, 'serve', '--port', String(port), '--data', data], { env });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 30_000;
  while (!out.includes('Ward is listening')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`ward did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, output: () => out };
}

describe('the audit trail on SIGTERM', () => {
  it('records every call answered before the signal', async () => {
    const port = 4850 + Math.floor(Math.random() * 100);
    const ward = await serve(port);
    const accessKeyId = /AWS_ACCESS_KEY_ID=(AKIA[A-Z2-7]{16})/.exec(ward.output())![1]!;
    const secretAccessKey = /AWS_SECRET_ACCESS_KEY=(\S{40})/.exec(ward.output())![1]!;
    const client = new STSClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId, secretAccessKey },
      maxAttempts: 1,
    });
    const calls = 400;
    for (let i = 0; i < calls; i += 50) {
      await Promise.all(Array.from({ length: 50 }, () => client.send(new GetCallerIdentityCommand({}))));
    }
    ward.child.kill('SIGTERM');
    const [code] = (await once(ward.child, 'exit')) as [number | null];
    expect(code).toBe(0);

    // Read back through the trail's own lookup, as LookupEvents reads it.
    const db = openTrailDatabase(data);
    try {
      const trail = new SqliteTrailRepo(db, new SqliteWriteLock());
      let stored = 0;
      let cursor: string | undefined;
      do {
        const page = await trail.lookup(
          { attribute: { key: 'AccessKeyId', value: accessKeyId } },
          { limit: 50, ...(cursor ? { cursor } : {}) },
        );
        stored += page.events.filter((e) => e.eventName === 'GetCallerIdentity').length;
        cursor = page.next;
      } while (cursor);
      expect(stored).toBe(calls);
    } finally {
      db.close();
    }
  });
});
