// In-process: the CPU one signed GetCallerIdentity costs Ward past node:http (authentication,
// dispatch, wire, handler, audit capture), without sockets or a load generator.
// Usage: npx tsx bench/handle-api.ts        (ITERATIONS=200000 ROUNDS=5)
import { readFileSync } from 'node:fs';
import { handleApi } from '../src/server/api.js';
import { startInProcessWard } from './in-process-ward.js';

const iterations = Number(process.env.ITERATIONS ?? 200_000);
const rounds = Number(process.env.ROUNDS ?? 5);
const { ward, raw, close } = await startInProcessWard('ward-handle-');
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
await close();
