import { parentPort } from 'node:worker_threads';

// A writer thread that dies on every batch: the sink gives up on it after its restarts, and
// readiness must then say the audit trail cannot record (audit-worker-sink.test.ts).
parentPort!.once('message', () => process.exit(1));
