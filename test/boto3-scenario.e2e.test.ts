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

describe('the boto3 scenario', () => {
  it('assumes a role with MFA through boto3', async () => {
    const script = fileURLToPath(new URL('./scenarios/boto3-assume-role.py', import.meta.url));
    const { stdout } = await run('python3', [script], {
      env: {
        ...process.env,
        WARD_URL: t.url,
        AWS_ACCESS_KEY_ID: t.root.accessKeyId,
        AWS_SECRET_ACCESS_KEY: t.root.secretAccessKey,
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      },
      timeout: 120_000,
    });
    expect(stdout).toContain('boto3 scenario: ok');
  }, 150_000);
});
