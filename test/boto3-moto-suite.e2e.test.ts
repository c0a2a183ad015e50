import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestWard, startTestWard } from './support/ward.js';

const run = promisify(execFile);
let t: TestWard;
beforeAll(async () => {
  t = await startTestWard({ emulator: true });
});
afterAll(() => t.close());

describe('a moto-based boto3 suite against --emulator', () => {
  it('runs as it did against moto: junk trust policy, AssumeRole with default keys, an org account at once', async () => {
    const script = fileURLToPath(new URL('./scenarios/boto3-moto-suite.py', import.meta.url));
    const { stdout } = await run('python3', [script], {
      env: {
        ...process.env,
        WARD_URL: t.url,
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      },
      timeout: 120_000,
    });
    expect(stdout).toContain('moto suite scenario: ok');
  }, 150_000);
});
