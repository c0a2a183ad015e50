import type { PortableBatch } from '../audit/portable-batch.js';

/** What the audit writer thread starts with. */
export interface AuditWorkerData {
  /** The writer's module URL: a TypeScript entry is imported by the boot file once tsx is registered. */
  entry: string;
  dataDir: string;
  /** The trail file's SqliteWriteLock buffer, shared with the request thread's trail connection. */
  writeLock: SharedArrayBuffer;
  defaultAccountId: string;
}

export type ToAuditWorker = { seq: number; batch: PortableBatch } | { close: true };

/** An acknowledged batch (stored, or its failure reported first), or a failure to report. */
export type FromAuditWorker = { ack: number } | { error: string; message: string };
