import { spawn } from 'node:child_process';
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  DeleteUserCommand,
  GetRoleCommand,
  GetUserCommand,
  ListRolesCommand,
  ListUsersCommand,
  TagUserCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeRequest } from '../src/client/authorize.js';
import { signRequest } from '../src/sigv4/index.js';
import { createRole, sessionCredentials, trustPolicy } from './support/sts.js';
import { policy, userWithKey } from './support/users.js';
import { AUTHORIZE_TOKEN, type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

// Item 6 of the gateway issue: `ward policy generate` turns what a principal did (its audit records)
// into the policy it needs. The proof is behavioural: the generated policy, attached to a fresh
// user, lets the same calls through and nothing else.
const WARD = new URL('../bin/ward.js', import.meta.url).pathname;

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t?.close());

async function generate(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('WARD_')) delete env[k];
  const child = spawn(
    process.execPath,
    [WARD, 'policy', 'generate', ...args, '--data', t.dataDir, ...(t.databaseUrl ? ['--database', t.databaseUrl] : [])],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, out, err };
}

/** Asks POST /authorize, as an object store would, whether `credentials` may `action` the object at `key`. */
async function objectAccess(credentials: Credentials, action: string, key: string): Promise<boolean> {
  const path = `/media/${key}`;
  const signed = signRequest({
    method: action === 's3:PutObject' ? 'PUT' : 'GET',
    url: `http://storage.internal${path}`,
    headers: { 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    credentials,
    region: 'us-east-1',
    service: 's3',
  });
  const answer = await authorizeRequest({
    wardUrl: t.url,
    token: AUTHORIZE_TOKEN,
    request: { method: signed.method, url: path, headers: signed.headers },
    action,
    resource: `arn:aws:s3:::media/${key}`,
  });
  return answer.allowed;
}

/** What the application does: IAM and STS through the SDK, objects through a service that asks Ward. */
async function workload(credentials: Credentials, roleArn: string, round: string): Promise<void> {
  const iam = t.iam(credentials);
  await iam.send(new GetUserCommand({ UserName: 'app' }));
  await iam.send(new ListUsersCommand({}));
  await iam.send(new CreateUserCommand({ UserName: `worker-${round}` }));
  await iam.send(new TagUserCommand({ UserName: `worker-${round}`, Tags: [{ Key: 'round', Value: round }] }));
  await iam.send(new DeleteUserCommand({ UserName: `worker-${round}` }));
  const sts = t.sts(credentials);
  await sts.send(new GetCallerIdentityCommand({}));
  await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: `s-${round}` }));
  for (let i = 0; i < 7; i++)
    expect(await objectAccess(credentials, 's3:GetObject', `reports/2026/${round}-${i}.csv`)).toBe(true);
  expect(await objectAccess(credentials, 's3:PutObject', 'uploads/latest.csv')).toBe(true);
}

describe('ward policy generate', () => {
  it('prints the policy a user needed; attached to a fresh user it allows the same calls and denies an unused one', async () => {
    const roleArn = await createRole(t, 'report-reader', trustPolicy({ AWS: t.accountId }), {
      Read: policy({ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }),
    });
    const app = await userWithKey(t, 'app', {
      Broad: policy({ Effect: 'Allow', Action: ['iam:*', 'sts:*', 's3:*'], Resource: '*' }),
    });
    await workload(app, roleArn, 'one');
    // A refused call is not part of the policy (unless --include-denied).
    const denied = await userWithKey(t, 'bystander');
    expect(await objectAccess(denied, 's3:GetObject', 'reports/2026/x.csv')).toBe(false);
    await t.ward.flush();

    const run = await generate('--principal', `arn:aws:iam::${t.accountId}:user/app`, '--since', '10m');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const generated = JSON.parse(run.out) as { Version: string; Statement: unknown[] };
    const user = (name: string) => `arn:aws:iam::${t.accountId}:user/${name}`;
    expect(generated).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'IamAccess1',
          Effect: 'Allow',
          Action: ['iam:CreateUser', 'iam:DeleteUser', 'iam:TagUser'],
          Resource: user('worker-one'),
        },
        { Sid: 'IamAccess2', Effect: 'Allow', Action: ['iam:GetUser'], Resource: user('app') },
        { Sid: 'IamAccess3', Effect: 'Allow', Action: ['iam:ListUsers'], Resource: user('') },
        { Sid: 'S3Access1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::media/reports/2026/*' },
        {
          Sid: 'S3Access2',
          Effect: 'Allow',
          Action: ['s3:PutObject'],
          Resource: 'arn:aws:s3:::media/uploads/latest.csv',
        },
        { Sid: 'StsAccess1', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: roleArn },
      ],
    });

    // IAM itself accepts it as a managed policy; a fresh user with only it replays the workload.
    const iam = t.iam();
    const created = await iam.send(new CreatePolicyCommand({ PolicyName: 'app-generated', PolicyDocument: run.out }));
    await iam.send(new CreateUserCommand({ UserName: 'app2' }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'app2', PolicyArn: created.Policy!.Arn! }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'app2' }))).AccessKey!;
    const app2 = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    await workload(app2, roleArn, 'one');
    // Anything it never used stays denied: another action, another user, another object folder.
    const iam2 = t.iam(app2);
    expect((await caught(() => iam2.send(new ListRolesCommand({})))).name).toBe('AccessDenied');
    expect((await caught(() => iam2.send(new GetUserCommand({ UserName: 'bystander' })))).name).toBe('AccessDenied');
    expect(await objectAccess(app2, 's3:GetObject', 'private/k.csv')).toBe(false);
    expect(await objectAccess(app2, 's3:DeleteObject', 'reports/2026/one-0.csv')).toBe(false);
  }, 60_000);

  it("counts a role's sessions for the role", async () => {
    const roleArn = await createRole(t, 'inspector', trustPolicy({ AWS: t.accountId }), {
      Read: policy({ Effect: 'Allow', Action: ['iam:GetRole', 'iam:ListRoles'], Resource: '*' }),
    });
    const assumer = await userWithKey(t, 'assumer', {
      Assume: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }),
    });
    for (const session of ['sa', 'sb']) {
      const creds = sessionCredentials(
        (await t.sts(assumer).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: session }))).Credentials,
      );
      const iam = t.iam(creds);
      if (session === 'sa') await iam.send(new GetRoleCommand({ RoleName: 'inspector' }));
      else await iam.send(new ListRolesCommand({}));
    }
    await t.ward.flush();
    const run = await generate('--principal', roleArn);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'IamAccess1', Effect: 'Allow', Action: ['iam:GetRole'], Resource: roleArn },
        {
          Sid: 'IamAccess2',
          Effect: 'Allow',
          Action: ['iam:ListRoles'],
          Resource: `arn:aws:iam::${t.accountId}:role/`,
        },
      ],
    });
  }, 60_000);

  it('says so when nothing was used, and refuses a principal that is not a user or role', async () => {
    await userWithKey(t, 'idle');
    const idle = await generate('--principal', `arn:aws:iam::${t.accountId}:user/idle`, '--since', '1h');
    expect(idle.code).toBe(1);
    expect(idle.out).toBe('');
    expect(idle.err).toMatch(/user\/idle used no action that needs a permission since .*: no policy to generate/);
    const bad = await generate('--principal', `arn:aws:sts::${t.accountId}:assumed-role/r/s`);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--principal: expected the ARN of an IAM user or role/);
    // The bystander of the first test was refused one object: only --include-denied grants it.
    const bystander = `arn:aws:iam::${t.accountId}:user/bystander`;
    expect((await generate('--principal', bystander)).code).toBe(1);
    const tried = await generate('--principal', bystander, '--include-denied');
    expect(tried.code).toBe(0);
    expect(JSON.parse(tried.out).Statement).toEqual([
      {
        Sid: 'S3Access1',
        Effect: 'Allow',
        Action: ['s3:GetObject'],
        Resource: 'arn:aws:s3:::media/reports/2026/x.csv',
      },
    ]);
    const badSince = await generate('--principal', `arn:aws:iam::${t.accountId}:user/idle`, '--since', 'yesterday');
    expect(badSince.code).toBe(2);
  }, 60_000);
});
