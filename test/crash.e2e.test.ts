import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListUserTagsCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import { afterAll, describe, expect, it } from 'vitest';
import { newAccessKeyId, newSecretAccessKey } from '../src/shared/ids.js';

const WARD = fileURLToPath(new URL('../bin/ward.js', import.meta.url));
const data = mkdtempSync(join(tmpdir(), 'ward-crash-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));
const root = { accessKeyId: newAccessKeyId('AKIA', '123456789012'), secretAccessKey: newSecretAccessKey() };

async function serve(port: number): Promise<ChildProcess> {
  const env = {
    ...process.env,
    WARD_BOOTSTRAP_ACCESS_KEY_ID: root.accessKeyId,
    WARD_BOOTSTRAP_SECRET_ACCESS_KEY: root.secretAccessKey,
    WARD_LOG_LEVEL: 'warn',
  };
  const child = spawn(process.execPath, [WARD, 'serve', '--port', String(port), '--data', data], {
    env,
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('ward did not start');
}

const TAGS = [
  { Key: 'a', Value: '1' },
  { Key: 'b', Value: '2' },
  { Key: 'c', Value: '3' },
];

// The PostgreSQL pass would run this against SQLite again: once is enough.
describe.skipIf(process.env.WARD_TEST_DATABASE_URL !== undefined)('crash safety', () => {
  it('kill -9 during a mixed write load loses no acknowledged write and leaves no half-written entity', async () => {
    const port = 5100 + Math.floor(Math.random() * 300);
    const ward = await serve(port);
    const iam = new IAMClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: root,
      maxAttempts: 1,
    });
    const acknowledged = { users: new Set<string>(), keys: new Set<string>(), policies: new Set<string>() };
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const name = `crash-${w}-${i}`;
        try {
          await iam.send(new CreateUserCommand({ UserName: name, Tags: TAGS }));
          acknowledged.users.add(name);
          const key = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
          acknowledged.keys.add(key.AccessKey!.AccessKeyId!);
          await iam.send(
            new PutUserPolicyCommand({
              UserName: name,
              PolicyName: 'p',
              PolicyDocument: JSON.stringify({
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
              }),
            }),
          );
          acknowledged.policies.add(name);
        } catch {
          return; // the server died mid-request: whatever was not acknowledged may or may not exist
        }
      }
    };
    const workers = Array.from({ length: 6 }, (_, w) => worker(w));
    await new Promise((r) => setTimeout(r, 1500));
    ward.kill('SIGKILL');
    stop = true;
    await once(ward, 'exit');
    await Promise.all(workers);
    expect(acknowledged.users.size).toBeGreaterThan(10);

    const again = await serve(port + 1);
    try {
      const client = new IAMClient({
        endpoint: `http://127.0.0.1:${port + 1}`,
        region: 'us-east-1',
        credentials: root,
        maxAttempts: 1,
      });
      const present = new Set<string>();
      for await (const page of paginateListUsers({ client }, {}))
        for (const u of page.Users ?? []) present.add(u.UserName!);
      for (const name of acknowledged.users) expect(present.has(name)).toBe(true);
      // CreateUser writes the user and its tags in one transaction: no user without all of its tags.
      for (const name of present) {
        const tags = await client.send(new ListUserTagsCommand({ UserName: name }));
        expect(tags.Tags).toEqual(TAGS);
      }
      for (const name of acknowledged.policies)
        await client.send(new GetUserPolicyCommand({ UserName: name, PolicyName: 'p' }));
      const keys = new Set<string>();
      for (const name of present)
        for (const k of (await client.send(new ListAccessKeysCommand({ UserName: name }))).AccessKeyMetadata ?? [])
          keys.add(k.AccessKeyId!);
      for (const id of acknowledged.keys) expect(keys.has(id)).toBe(true);
      expect((await client.send(new ListUsersCommand({ MaxItems: 1 }))).Users).toHaveLength(1);
    } finally {
      again.kill('SIGTERM');
      await once(again, 'exit');
    }
  }, 90_000);
});
