// Load test: signed GetCallerIdentity, CreateUser and AssumeRole against a running Ward, beside a bare
// node:http server answering a fixed reply, all on this machine in one run.
// Usage: npm run bench            (DURATION=10 CONNECTIONS=16 ROUNDS=5 to change the defaults)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newAccessKeyId, newSecretAccessKey } from '../src/shared/ids.js';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import type autocannon from 'autocannon';
import { signRequest } from '../src/sigv4/index.js';
import { type LoadResult, load, median, startProcess, stop, table } from './support.js';

const duration = Number(process.env.DURATION ?? 10);
const rounds = Number(process.env.ROUNDS ?? 5);
const connections = Number(process.env.CONNECTIONS ?? 16);
const logLevel = process.env.WARD_LOG_LEVEL ?? 'info';
const credentials = { accessKeyId: newAccessKeyId('AKIA', '123456789012'), secretAccessKey: newSecretAccessKey() };
const FORM = 'application/x-www-form-urlencoded; charset=utf-8';

function signed(
  base: string,
  service: 'iam' | 'sts',
  body: string,
  as: { accessKeyId: string; secretAccessKey: string } = credentials,
) {
  const s = signRequest({
    method: 'POST',
    url: `${base}/`,
    headers: { 'content-type': FORM },
    body,
    credentials: as,
    region: 'us-east-1',
    service,
  });
  return { method: 'POST' as const, path: '/', headers: Object.fromEntries(s.headers), body };
}

async function assumeRoleSetup(
  wardUrl: string,
): Promise<{ roleArn: string; key: { accessKeyId: string; secretAccessKey: string } }> {
  const iam = new IAMClient({ endpoint: wardUrl, region: 'us-east-1', credentials });
  const user = await iam.send(new CreateUserCommand({ UserName: 'bench-assumer' }));
  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: 'bench-role',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: user.User!.Arn }, Action: 'sts:AssumeRole' }],
      }),
    }),
  );
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'bench-assumer',
      PolicyName: 'assume',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: role.Role!.Arn }],
      }),
    }),
  );
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'bench-assumer' }))).AccessKey!;
  return { roleArn: role.Role!.Arn!, key: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } };
}

/** One run of 10 s moves by ±20% on this machine: a workload's row is the median of `rounds` runs. */
async function medianOf(
  name: string,
  url: string,
  request: Parameters<typeof load>[2]['request'],
): Promise<LoadResult> {
  const runs: LoadResult[] = [];
  for (let round = 0; round < rounds; round++) runs.push(await load(name, url, { connections, duration, request }));
  return median(runs);
}

async function main(): Promise<void> {
  const tsx = ['--import', 'tsx'];
  const barePort = 4700 + Math.floor(Math.random() * 100);
  const wardPort = barePort + 200;
  const dataDir = mkdtempSync(join(tmpdir(), 'ward-bench-'));
  const bare = await startProcess(process.execPath, [...tsx, 'bench/bare-server.ts', String(barePort)], {});
  const ward = await startProcess(
    process.execPath,
    [...tsx, 'src/cli/main.ts', 'serve', '--port', String(wardPort), '--data', dataDir, '--log-level', logLevel],
    {
      WARD_BOOTSTRAP_ACCESS_KEY_ID: credentials.accessKeyId,
      WARD_BOOTSTRAP_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      // CreateUser runs for the whole measurement; AWS's 5000-user default would stop it early.
      WARD_QUOTA_USERS_PER_ACCOUNT: '10000000',
    },
    `http://127.0.0.1:${wardPort}/health`,
    // Ward writes its request log to a file, as in production, not into this process (the load generator).
    join(dataDir, 'ward.log'),
  );
  const wardUrl = `http://127.0.0.1:${wardPort}`;
  const rows: LoadResult[] = [];
  try {
    const identityBody = 'Action=GetCallerIdentity&Version=2011-06-15';
    // Warm both servers (JIT, caches) before measuring.
    await load('warm', `http://127.0.0.1:${barePort}`, { connections, duration: 3 });
    await load('warm', wardUrl, { connections, duration: 5, request: signed(wardUrl, 'sts', identityBody) });

    // Alternating rounds, medians kept: this machine's noise moves a single run by ±10%, and
    // both servers see the same noise this way.
    const bareRuns: LoadResult[] = [];
    const identityRuns: LoadResult[] = [];
    for (let round = 0; round < rounds; round++) {
      bareRuns.push(
        await load('bare node:http, fixed reply', `http://127.0.0.1:${barePort}`, {
          connections,
          duration,
          request: signed(wardUrl, 'sts', identityBody),
        }),
      );
      // One signed request replayed: SigV4 allows that within the 15-minute window, and it keeps the
      // load generator's own signing cost out of the measurement.
      identityRuns.push(
        await load('sts:GetCallerIdentity (signed)', wardUrl, {
          connections,
          duration,
          request: signed(wardUrl, 'sts', identityBody),
        }),
      );
    }
    const bareRow = median(bareRuns);
    rows.push(bareRow, median(identityRuns));
    let n = 0;
    const run = Date.now().toString(36);
    rows.push(
      await medianOf('iam:CreateUser (signed, unique names)', wardUrl, {
        method: 'POST',
        path: '/',
        setupRequest: (req: autocannon.Request) => ({
          ...req,
          ...signed(wardUrl, 'iam', `Action=CreateUser&Version=2010-05-08&UserName=bench-${run}-${n++}`),
        }),
      }),
    );
    // AssumeRole as an IAM user allowed to assume a role that trusts it: trust policy and identity
    // policy evaluated, a session written, credentials returned.
    const assumer = await assumeRoleSetup(wardUrl);
    rows.push(
      await medianOf(
        'sts:AssumeRole (signed, new session each)',
        wardUrl,
        signed(
          wardUrl,
          'sts',
          `Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(assumer.roleArn)}&RoleSessionName=bench`,
          assumer.key,
        ),
      ),
    );
    process.stdout.write(
      `\nnode ${process.version}, ${connections} connections, ${duration} s each (each row the median of ${rounds} rounds; bare and GetCallerIdentity alternating), Ward log level ${logLevel}\n\n`,
    );
    process.stdout.write(table(rows, bareRow) + '\n');
  } finally {
    await stop(ward);
    await stop(bare);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
