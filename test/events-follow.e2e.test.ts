import { spawn } from 'node:child_process';
import { CreateUserCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestWard, startTestWard } from './support/ward.js';

const WARD = new URL('../bin/ward.js', import.meta.url).pathname;

describe('ward events --follow', () => {
  let t: TestWard;
  beforeAll(async () => {
    t = await startTestWard();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('prints events recorded after it started, as they land, until interrupted', async () => {
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('WARD_')) delete env[k];
    const args = [
      WARD,
      'events',
      '--follow',
      '--name',
      'CreateUser',
      '--since',
      '1m',
      '--data',
      t.dataDir,
      ...(t.databaseUrl ? ['--database', t.databaseUrl] : []),
    ];
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const names = (): string[] =>
      out
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => (JSON.parse(l) as { requestParameters?: { userName?: string } }).requestParameters?.userName ?? '');
    const waitFor = async (expected: string[]) => {
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && !expected.every((n) => names().includes(n)))
        await new Promise((r) => setTimeout(r, 100));
      return names();
    };
    try {
      const iam = t.iam();
      await iam.send(new CreateUserCommand({ UserName: 'follow-one' }));
      await t.ward.flush();
      expect(await waitFor(['follow-one'])).toEqual(['follow-one']);
      // Events that land while it follows are printed once each, in order.
      await iam.send(new CreateUserCommand({ UserName: 'follow-two' }));
      await iam.send(new CreateUserCommand({ UserName: 'follow-three' }));
      await t.ward.flush();
      expect(await waitFor(['follow-two', 'follow-three'])).toEqual(['follow-one', 'follow-two', 'follow-three']);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);
});
