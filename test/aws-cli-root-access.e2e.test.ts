import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryOutbox } from '../src/account/outbox.js';
import {
  completeRootPasswordRecovery,
  listOutbox,
  startRootPasswordRecovery,
} from '../src/account/password-recovery.js';
import { verifyPassword } from '../src/iam/core/password-hash.js';
import { type TestWard, startTestWard } from './support/ward.js';

const run = promisify(execFile);
let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

describe('the aws CLI centralized root access scenario', () => {
  it('enables root access, creates a member and runs every root task with aws sts assume-root; the member root can then recover its password', async () => {
    const script = fileURLToPath(new URL('./scenarios/aws-cli-root-access.sh', import.meta.url));
    const result = await run('bash', [script], {
      env: {
        ...process.env,
        WARD_URL: t.url,
        AWS_ACCESS_KEY_ID: t.root.accessKeyId,
        AWS_SECRET_ACCESS_KEY: t.root.secretAccessKey,
      },
      timeout: 240_000,
    }).catch((err: { stdout?: string; stderr?: string }) => {
      throw new Error(`the scenario failed:\n${err.stderr ?? ''}\n${err.stdout ?? ''}`);
    });
    const member = /aws-cli root access scenario: ok member=(\d{12})/.exec(result.stdout)?.[1];
    expect(member).toMatch(/^\d{12}$/);

    // "After it, the root email's owner can reset the password through the recovery flow."
    const dir = join(t.dataDir, 'outbox');
    const deps = { store: t.ward.store, outbox: directoryOutbox(dir), audit: t.ward.audit };
    const origin = { sourceIp: '127.0.0.1', userAgent: 'aws-cli-root-access test' };
    await startRootPasswordRecovery(deps, 'cli-member@example.com', new Date(), t.url, origin);
    const [mail] = await listOutbox(dir);
    expect(mail).toMatchObject({ to: 'cli-member@example.com', subject: 'Amazon Web Services Password Assistance' });
    const token = new URL(/(http:\/\/\S+\/console\/reset-password\?token=\S+)/.exec(mail!.text)![1]!).searchParams.get(
      'token',
    )!;
    expect(await completeRootPasswordRecovery(deps, token, 'Member-Root-Passw0rd!', new Date(), origin)).toEqual({
      accountId: member,
    });
    const profile = await t.ward.store.credentials.getLoginProfile(member!, undefined);
    expect(await verifyPassword('Member-Root-Passw0rd!', profile!.passwordHash)).toBe(true);
  }, 300_000);
});
