import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccessKeyId, newSecretAccessKey } from '../src/shared/ids.js';

// What an operator gets from `npm pack`: the tarball is installed with npm into an empty project
// (production dependencies only, so no tsx and no TypeScript) and started with `npx ward serve`.
// --prefer-offline takes the dependencies from npm's cache, which `npm ci` filled, so this costs
// seconds; anything missing from the cache still comes from the registry as for a real install.

const run = promisify(execFile);
const repo = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'ward-packed-'));
const app = join(work, 'app');
const data = join(work, 'data');
const root = { accessKeyId: newAccessKeyId('AKIA', '123456789012'), secretAccessKey: newSecretAccessKey() };
let packedFiles: string[] = [];
let ward: ChildProcess | undefined;

const env = () => {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    NPM_CONFIG_UPDATE_NOTIFIER: 'false',
    NPM_CONFIG_FUND: 'false',
    NPM_CONFIG_AUDIT: 'false',
  };
  for (const k of Object.keys(e)) if (k.startsWith('WARD_')) delete e[k];
  return e;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

// The PostgreSQL pass would check the same package again: once is enough.
describe.skipIf(process.env.WARD_TEST_DATABASE_URL !== undefined)('the packed npm package', () => {
  beforeAll(async () => {
    // prepack builds dist/ first, as it does for `npm pack` and `npm publish`.
    const packed = await run('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: repo,
      env: env(),
      maxBuffer: 16 << 20,
    });
    const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    packedFiles = info!.files.map((f) => f.path);
    await run('mkdir', [app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'ward-packed-check', private: true }));
    await run('npm', ['install', '--prefer-offline', '--omit=dev', join(work, info!.filename)], {
      cwd: app,
      env: env(),
      maxBuffer: 16 << 20,
    });
  }, 120_000);

  afterAll(async () => {
    // Only when the test stopped early: a process that exited (on a signal too) is left alone.
    if (ward && ward.exitCode === null && ward.signalCode === null) {
      const exited = once(ward, 'exit');
      process.kill(-ward.pid!, 'SIGKILL');
      await exited;
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('ships the compiled build and its run-time files, not the sources or tests', () => {
    expect(packedFiles).toContain('bin/ward.js');
    expect(packedFiles).toContain('dist/cli/main.js');
    expect(packedFiles).toContain('dist/server/audit-worker.js');
    expect(packedFiles).toContain('dist/console/assets/console.css');
    expect(packedFiles).toContain('dist/wire/models/iam.json');
    expect(
      packedFiles.filter(
        (f) => f.startsWith('src/') || f.startsWith('test/') || /\.test\.|\.ts$|\.tsbuildinfo$/.test(f),
      ),
    ).toEqual([]);
    // The tsx boot file is for running the sources; the package must not need it.
    expect(packedFiles).not.toContain('dist/server/ts-worker-boot.mjs');
  });

  it('installs without development tools, serves with `npx ward serve`, answers a signed GetCallerIdentity, and records it', async () => {
    expect(existsSync(join(app, 'node_modules', 'ward', 'dist', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(join(app, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'typescript'))).toBe(false);

    const port = await freePort();
    // Its own process group, so the stop reaches ward behind npx.
    ward = spawn('npx', ['ward', 'serve', '--port', String(port), '--data', data], {
      cwd: app,
      detached: true,
      env: {
        ...env(),
        WARD_BOOTSTRAP_ACCESS_KEY_ID: root.accessKeyId,
        WARD_BOOTSTRAP_SECRET_ACCESS_KEY: root.secretAccessKey,
      },
    });
    let out = '';
    ward.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    ward.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 30_000;
    while (!out.includes('Ward is listening')) {
      if (Date.now() > deadline || ward.exitCode !== null) throw new Error(`the packed ward did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }

    const sts = new STSClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: root,
      maxAttempts: 1,
    });
    const who = await sts.send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe('123456789012');
    expect(who.Arn).toBe('arn:aws:iam::123456789012:root');

    // SIGTERM drains the audit trail through its writer thread (dist/server/audit-worker.js, no tsx).
    const exited = once(ward, 'exit');
    process.kill(-ward.pid!, 'SIGTERM');
    await exited;
    expect(out).not.toMatch(/audit writer thread failed|"level":50/);
    const events = await run('npx', ['ward', 'events', '--data', data, '--name', 'GetCallerIdentity'], {
      cwd: app,
      env: env(),
    });
    const records = events.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { eventName: string; userIdentity: { type: string } });
    expect(records).toHaveLength(1);
    expect(records[0]!.eventName).toBe('GetCallerIdentity');
    expect(records[0]!.userIdentity.type).toBe('Root');
  });
});
