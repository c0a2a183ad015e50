// Where the audit writer's CPU goes, phase by phase, on one thread: the calls of signed
// GetCallerIdentity requests (captured from the real pipeline) cross as the writer thread gets
// them (encode + structured clone), are decoded, built into CloudTrail records and appended to
// the SQLite trail in 100 ms batches (1 500 calls: ~15 000 req/s).
// Usage: npx tsx bench/audit-writer.ts        (BATCHES=200 BATCH=1500)
import { buildEvents } from '../src/audit/build-event.js';
import type { AuditedCall } from '../src/audit/entries.js';
import { decodeBatch, encodeBatch } from '../src/audit/portable-batch.js';
import { handleApi } from '../src/server/api.js';
import { openTrailAppender } from '../src/store/sqlite-trail.js';
import { SqliteWriteLock } from '../src/store/sqlite-write-lock.js';
import { modelNamed } from '../src/wire/index.js';
import { startInProcessWard } from './in-process-ward.js';

const batches = Number(process.env.BATCHES ?? 200);
const size = Number(process.env.BATCH ?? 1500);
const { ward, dataDir, raw, close } = await startInProcessWard('ward-audit-bench-');
// The pipeline's own facts for each call, captured instead of handed to the trail.
const calls: AuditedCall[] = [];
const capturing = { ...ward.api, audit: { record: (c: AuditedCall) => void calls.push(c), pressure: () => undefined } };
for (let i = 0; i < size; i++) await handleApi(raw, capturing);
const log = openTrailAppender(dataDir, new SqliteWriteLock());

const phases = { cross: 0, decode: 0, build: 0, append: 0 };
const cpu = () => {
  const u = process.threadCpuUsage();
  return u.user + u.system;
};
const start = Date.now();
for (let b = 0; b < batches; b++) {
  // Fresh IDs, and times 100 ms a batch, as live traffic has.
  const batch = calls.map((c, i) => ({
    ...c,
    requestId: `${c.requestId.slice(0, 24)}${(b * size + i).toString(16).padStart(12, '0')}`,
    at: new Date(start + b * 100 + Math.floor((i * 100) / size)),
  }));
  let t = cpu();
  const crossed = structuredClone(encodeBatch(batch));
  phases.cross += cpu() - t;
  t = cpu();
  const entries = decodeBatch(crossed);
  phases.decode += cpu() - t;
  t = cpu();
  const events = buildEvents(entries, '123456789012', modelNamed, (err) => {
    throw err;
  });
  phases.build += cpu() - t;
  if (b === 0) process.stdout.write(`record: ${events[0]!.record.length} bytes\n`);
  t = cpu();
  log.append(events);
  phases.append += cpu() - t;
}
const n = batches * size;
const per = (us: number) => (us / n).toFixed(2);
const total = phases.cross + phases.decode + phases.build + phases.append;
process.stdout.write(
  `audit writer, signed sts:GetCallerIdentity, µs CPU per call over ${batches} × ${size}: ` +
    `encode+clone ${per(phases.cross)}, decode ${per(phases.decode)}, build ${per(phases.build)}, append ${per(phases.append)}; total ${per(total)}\n`,
);
log.close();
await close();
