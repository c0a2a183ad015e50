// In-process: the CPU one sts:AssumeRole costs Ward past node:http (SigV4, trust and identity
// policies, the session row and its commit, the record), without sockets or a load generator.
// CONCURRENCY calls are in flight at once, as a server's connections are, so session rows can
// share their commits (store/kysely/group-commit.ts); CONCURRENCY=1 runs them one by one.
// Usage: npx tsx bench/handle-assume-role.ts        (ITERATIONS=20000 ROUNDS=3 CONCURRENCY=16)
import { handleApi } from '../src/server/api.js';
import type { RawRequest } from '../src/server/raw-request.js';
import { signedRaw, startInProcessWard } from './in-process-ward.js';

const iterations = Number(process.env.ITERATIONS ?? 20_000);
const rounds = Number(process.env.ROUNDS ?? 3);
const concurrency = Number(process.env.CONCURRENCY ?? 16);
const ACCOUNT = '123456789012';
const { ward, root, close } = await startInProcessWard('ward-assume-');

const signed = (service: string, body: string, credentials: { accessKeyId: string; secretAccessKey: string }) =>
  signedRaw(ward.url, service, body, credentials);

async function call(raw: RawRequest): Promise<string> {
  const r = await handleApi(raw, ward.api);
  if (r.status !== 200) throw new Error(`answered ${r.status}: ${r.body.toString()}`);
  return r.body.toString();
}

// An IAM user allowed to assume a role that trusts it, set up through the API with the root key.
const iam = (body: string) => call(signed('iam', `Version=2010-05-08&${body}`, root));
await iam('Action=CreateUser&UserName=assumer');
const key = await iam('Action=CreateAccessKey&UserName=assumer');
const user = {
  accessKeyId: /<AccessKeyId>(.*?)</.exec(key)![1]!,
  secretAccessKey: /<SecretAccessKey>(.*?)</.exec(key)![1]!,
};
const document = (statement: object) =>
  encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }));
const roleArn = `arn:aws:iam::${ACCOUNT}:role/target`;
await iam(
  `Action=CreateRole&RoleName=target&AssumeRolePolicyDocument=${document({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/assumer` }, Action: 'sts:AssumeRole' })}`,
);
await iam(
  `Action=PutUserPolicy&UserName=assumer&PolicyName=assume&PolicyDocument=${document({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn })}`,
);

const main: number[] = [];
const total: number[] = [];
for (let r = 0; r < rounds; r++) {
  // Signed ahead: the load generator's signing is not Ward's cost.
  const requests = Array.from({ length: iterations }, (_, i) =>
    signed(
      'sts',
      `Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(roleArn)}&RoleSessionName=s${r}-${i}`,
      user,
    ),
  );
  const t = process.cpuUsage();
  const m = process.threadCpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < iterations) await call(requests[next++]!);
    }),
  );
  await ward.audit.flush();
  const mainUsed = process.threadCpuUsage(m);
  const used = process.cpuUsage(t);
  main.push((mainUsed.user + mainUsed.system) / iterations);
  total.push((used.user + used.system) / iterations);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
process.stdout.write(
  `handleApi, signed sts:AssumeRole, ${concurrency} in flight, µs CPU per call (median of ${rounds} × ${iterations}): main thread ${median(main)}, whole process ${median(total)}\n`,
);
await close();
