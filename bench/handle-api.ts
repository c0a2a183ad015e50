// In-process: the CPU one signed GetCallerIdentity costs Ward past node:http (authentication,
// dispatch, wire, handler, audit capture), without sockets or a load generator.
// Usage: npx tsx bench/handle-api.ts        (ITERATIONS=200000 ROUNDS=5)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../src/config/config.js';
import { handleApi } from '../src/server/api.js';
import type { RawRequest } from '../src/server/raw-request.js';
import { startWard } from '../src/server/ward.js';
import { newAccessKeyId, newSecretAccessKey } from '../src/shared/ids.js';
import { signRequest } from '../src/sigv4/index.js';
import { pino } from 'pino';

const iterations = Number(process.env.ITERATIONS ?? 200_000);
const rounds = Number(process.env.ROUNDS ?? 5);
const credentials = { accessKeyId: newAccessKeyId('AKIA', '123456789012'), secretAccessKey: newSecretAccessKey() };
const dataDir = mkdtempSync(join(tmpdir(), 'ward-handle-'));
const ward = await startWard(
  configSchema.parse({
    port: 0,
    dataDir,
    bootstrapAccessKeyId: credentials.accessKeyId,
    bootstrapSecretAccessKey: credentials.secretAccessKey,
  }),
  { logger: pino({ level: 'silent' }) },
);
const body = 'Action=GetCallerIdentity&Version=2011-06-15';
const s = signRequest({
  method: 'POST',
  url: `${ward.url}/`,
  headers: {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    'user-agent': 'aws-sdk-js/3.1169.0 ua/2.1 os/linux lang/js md/nodejs#20.20.2 api/sts#3.1169.0',
  },
  body,
  credentials,
  region: 'us-east-1',
  service: 'sts',
});
const raw: RawRequest = {
  method: 'POST',
  url: '/',
  headers: [...s.headers].map(([k, v]) => [k, v] as [string, string]),
  body: Buffer.from(body),
  remoteAddress: '127.0.0.1',
  secure: false,
};
const check = await handleApi(raw, ward.api);
if (check.status !== 200) throw new Error(`GetCallerIdentity answered ${check.status}: ${check.body}`);
/** CPU µs of this process's main thread (Linux: its task's stat; Node 20 has no threadCpuUsage). */
function mainThreadCpu(): number {
  const fields = readFileSync(`/proc/${process.pid}/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}
const main: number[] = [];
const total: number[] = [];
for (let r = 0; r < rounds; r++) {
  const t = process.cpuUsage();
  const m = mainThreadCpu();
  for (let i = 0; i < iterations; i++) await handleApi(raw, ward.api);
  await ward.audit.flush();
  const used = process.cpuUsage(t);
  main.push((mainThreadCpu() - m) / iterations);
  total.push((used.user + used.system) / iterations);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(2);
process.stdout.write(
  `handleApi, signed sts:GetCallerIdentity, µs CPU per call (median of ${rounds} × ${iterations}): main thread ${median(main)}, whole process ${median(total)}\n`,
);
await ward.close();
rmSync(dataDir, { recursive: true, force: true });
