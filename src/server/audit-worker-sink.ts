import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { type PortableBatch, encodeBatch } from '../audit/portable-batch.js';
import type { AuditEntry, AuditSink } from '../audit/trail.js';
import type { AuditWorkerData, FromAuditWorker, ToAuditWorker } from './audit-worker-protocol.js';

// Run from the sources (tsx, vitest), the writer is TypeScript, and a worker does not inherit the
// loader: ts-worker-boot.mjs registers tsx and then imports it. Compiled (dist/), the writer is
// JavaScript and starts directly, so production needs no tsx.
const BOOT = new URL('./ts-worker-boot.mjs', import.meta.url);
const ENTRY = new URL(import.meta.url.endsWith('.ts') ? './audit-worker.ts' : './audit-worker.js', import.meta.url)
  .href;
/** Restarts in a row, with no batch stored between them, before the writer is given up on. */
const MAX_RESTARTS = 3;

export interface WorkerSinkOptions {
  dataDir: string;
  /** The trail file's write lock (SqliteWriteLock.buffer), shared with the writer. */
  writeLock: SharedArrayBuffer;
  defaultAccountId: string;
  onError: (err: unknown, message: string) => void;
  /** Tests: another writer entry (a file URL). */
  entry?: string;
}

interface Unacked {
  batch: PortableBatch;
  size: number;
  done: () => void;
}

/**
 * Hands batches to a writer thread that builds their records and appends them to the trail's
 * SQLite file (store/sqlite-trail.ts). Building and inserting cost about 20 µs a call: done on the request thread, that was a
 * third of a small request's CPU, and it stalled every request while a batch went in. The thread
 * starts with the first batch. A batch is kept until the thread acknowledges it, so a crashed
 * writer is restarted and handed what it had not stored.
 */
export class WorkerAuditSink implements AuditSink {
  readonly #options: WorkerSinkOptions;
  #worker: Worker | undefined;
  #seq = 0;
  readonly #unacked = new Map<number, Unacked>();
  #restarts = 0;
  #closing = false;
  /** The writer was given up on (restarted too often with nothing stored); cleared by the next stored batch. */
  #gaveUp = false;
  /** close() waiting for the last acknowledgement. */
  #drained: Array<() => void> = [];

  constructor(options: WorkerSinkOptions) {
    this.#options = options;
  }

  write(entries: AuditEntry[]): Promise<void> {
    const seq = ++this.#seq;
    const worker = this.#ensureWorker();
    let batch = encodeBatch(entries);
    try {
      worker.postMessage({ seq, batch } satisfies ToAuditWorker);
    } catch (err) {
      // An entry that cannot be cloned (a handler returned something exotic) costs only itself.
      this.#options.onError(err, 'an audit batch could not be handed to the writer thread');
      batch = encodeBatch(entries.filter((entry) => isCloneable(encodeBatch([entry]))));
      worker.postMessage({ seq, batch } satisfies ToAuditWorker);
    }
    return new Promise<void>((resolve) => {
      this.#unacked.set(seq, { batch, size: entries.length, done: resolve });
      // Referenced while anything is unacknowledged, so a shutting-down process waits for it.
      if (this.#unacked.size === 1) worker.ref();
    });
  }

  /** Entries handed over and not yet stored. */
  backlog(): number {
    let n = 0;
    for (const u of this.#unacked.values()) n += u.size;
    return n;
  }

  failure(): string | undefined {
    return this.#gaveUp ? 'writer failed' : undefined;
  }

  async close(): Promise<void> {
    this.#closing = true;
    if (this.#unacked.size > 0) await new Promise<void>((resolve) => this.#drained.push(resolve));
    const worker = this.#worker;
    if (!worker) return;
    // Referenced until it exits: an unreferenced worker would let the process end mid-close.
    worker.ref();
    const exited = once(worker, 'exit');
    worker.postMessage({ close: true } satisfies ToAuditWorker);
    await exited;
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const { dataDir, writeLock, defaultAccountId, entry = ENTRY } = this.#options;
    const script = entry.endsWith('.ts') ? BOOT : new URL(entry);
    const worker = new Worker(script, {
      workerData: { entry, dataDir, writeLock, defaultAccountId } satisfies AuditWorkerData,
    });
    if (this.#unacked.size === 0) worker.unref();
    worker.on('message', (m: FromAuditWorker) => {
      if ('ack' in m) this.#acknowledge(m.ack);
      else this.#options.onError(new Error(m.error), m.message);
    });
    worker.on('error', (err) => this.#options.onError(err, 'the audit writer thread failed'));
    worker.on('exit', () => {
      if (this.#worker === worker) this.#worker = undefined;
      if (this.#unacked.size > 0) this.#restart();
    });
    this.#worker = worker;
    return worker;
  }

  #acknowledge(seq: number): void {
    this.#restarts = 0;
    this.#gaveUp = false;
    const unacked = this.#unacked.get(seq);
    this.#unacked.delete(seq);
    unacked?.done();
    if (this.#unacked.size === 0) {
      this.#worker?.unref();
      for (const resolve of this.#drained.splice(0)) resolve();
    }
  }

  #restart(): void {
    if (this.#closing || ++this.#restarts > MAX_RESTARTS) {
      this.#options.onError(
        new Error(`${this.backlog()} audit events were not stored`),
        'the audit writer thread stopped',
      );
      const pending = [...this.#unacked.keys()];
      for (const seq of pending) this.#acknowledge(seq);
      // Set after the acknowledgements above, which would clear it: nothing of these was stored.
      this.#gaveUp = !this.#closing;
      return;
    }
    const worker = this.#ensureWorker();
    worker.ref();
    for (const [seq, u] of this.#unacked) worker.postMessage({ seq, batch: u.batch } satisfies ToAuditWorker);
  }
}

function isCloneable(batch: PortableBatch): boolean {
  try {
    structuredClone(batch);
    return true;
  } catch {
    return false;
  }
}
