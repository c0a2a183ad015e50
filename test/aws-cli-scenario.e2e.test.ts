import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestWard, startTestWard } from './support/ward.js';

const run = promisify(execFile);
let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

describe('the aws CLI scenario', () => {
  it('runs the foundation flow with the real aws CLI', async () => {
    const script = fileURLToPath(new URL('./scenarios/aws-cli.sh', import.meta.url));
    const { stdout } = await run('bash', [script], {
      env: {
        ...process.env,
        WARD_URL: t.url,
        AWS_ACCESS_KEY_ID: t.root.accessKeyId,
        AWS_SECRET_ACCESS_KEY: t.root.secretAccessKey,
      },
      timeout: 120_000,
    });
    expect(stdout).toContain('aws-cli scenario: ok');
  }, 150_000);
});
