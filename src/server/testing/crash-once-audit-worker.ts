import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditWorkerData } from '../audit-worker-protocol.js';

// A writer thread that dies on its first batch, once per data directory: the sink must start
// another and hand it the batch again (audit-worker-sink.test.ts).
const marker = join((workerData as AuditWorkerData).dataDir, 'audit-writer-crashed');
if (existsSync(marker)) {
  await import('../audit-worker.js');
} else {
  writeFileSync(marker, '');
  parentPort!.once('message', () => process.exit(1));
}
