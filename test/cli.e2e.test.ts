import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { freePort } from './support/backends.js';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const WARD = fileURLToPath(new URL('../bin/ward.js', import.meta.url));
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ward-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const cleanEnv = () => {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('WARD_')) delete env[k];
  return env;
};

/** Starts `ward serve` and resolves once it listens, with everything it printed so far. */
async function serve(dataDir: string, port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [WARD, 'serve', '--port', String(port), '--data', dataDir], {
    env: cleanEnv(),
  });
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

const sts = (port: number, accessKeyId: string, secretAccessKey: string) =>
  new STSClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId, secretAccessKey },
    maxAttempts: 1,
  });

describe('the ward command', () => {
  it('bootstraps once, prints the generated root key once, keeps it encrypted, and stops cleanly on SIGTERM', async () => {
    const data = tempDir();
    const port = await freePort();
    const first = await serve(data, port);
    const id = /AWS_ACCESS_KEY_ID=(AKIA[A-Z2-7]{16})/.exec(first.output())?.[1];
    const secret = /AWS_SECRET_ACCESS_KEY=(\S{40})/.exec(first.output())?.[1];
    expect(id).toBeDefined();
    expect(secret).toBeDefined();
    const who = await sts(port, id!, secret!).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe('arn:aws:iam::123456789012:root');

    first.child.kill('SIGTERM');
    const [code] = (await once(first.child, 'exit')) as [number | null];
    expect(code).toBe(0);
    // The request log names the key but never the secret.
    expect(first.output().split(secret!).length - 1).toBe(1);

    expect(statSync(join(data, 'master.key')).mode & 0o777).toBe(0o600);
    for (const file of ['ward.sqlite', 'audit.sqlite'])
      expect(readFileSync(join(data, file)).includes(Buffer.from(secret!))).toBe(false);

    const second = await serve(data, port + 1);
    expect(second.output()).not.toContain('AWS_SECRET_ACCESS_KEY');
    expect((await sts(port + 1, id!, secret!).send(new GetCallerIdentityCommand({}))).Account).toBe('123456789012');
    second.child.kill('SIGTERM');
    expect(((await once(second.child, 'exit')) as [number | null])[0]).toBe(0);
  }, 60_000);

  it('`ward bootstrap` creates the account once', async () => {
    const data = tempDir();
    const env = { ...cleanEnv(), WARD_ACCOUNT_ID: '210987654321' };
    const first = await run(process.execPath, [WARD, 'bootstrap', '--data', data], { env });
    expect(first.stdout).toContain('Ward created account 210987654321');
    expect(first.stdout).toMatch(/AWS_SECRET_ACCESS_KEY=\S{40}/);
    const again = await run(process.execPath, [WARD, 'bootstrap', '--data', data], { env });
    expect(again.stdout).toContain('already bootstrapped');
    expect(again.stdout).not.toContain('AWS_SECRET_ACCESS_KEY');
  }, 60_000);
});
