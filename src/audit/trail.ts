import { buildSignInEvent } from './build-event.js';
import type { AuditEntry, AuditedCall, SignIn } from './entries.js';

export type { AuditEntry, AuditedCall, AuditedDecision, SignIn, SignInEventName } from './entries.js';

/** The hook the pipeline calls once per call; it must not block or throw. */
export interface AuditHook {
  record(call: AuditedCall): void;
  /**
   * Undefined while the trail keeps up; else a promise to wait on before answering, so a store
   * that falls behind slows requests down instead of growing the backlog without bound.
   */
  pressure(): Promise<void> | undefined;
}

/** Calls buffered or in flight past which requests wait for the trail to catch up. */
export const MAX_AUDIT_BACKLOG = 50_000;

/**
 * Calls per batch at most: a full batch is handed over at once instead of at the interval. Until
 * then the request thread holds every call's facts; held for the whole interval at high rates,
 * they outlive the young generation and every one is copied and then marked by the collector
 * (bench/handle-api.ts: ~2 µs a call). It also bounds what one batch costs the writer in memory.
 */
export const MAX_AUDIT_BATCH = 1024;

/** Where buffered entries go to be built into records and stored. */
export interface AuditSink {
  /** Builds and stores a batch, in order after earlier batches; failures go to the trail's onError, never here. */
  write(batch: AuditEntry[]): Promise<void>;
  /** Entries written and not yet stored. */
  backlog(): number;
  /** Why the sink cannot store what it is handed now (its writer given up on), or undefined. */
  failure?(): string | undefined;
  close(): Promise<void>;
}

export interface AuditTrailOptions {
  sink: AuditSink;
  /** Retention deletes through this. */
  events: { deleteOlderThan(cutoff: Date): Promise<number> };
  clock: () => Date;
  retentionDays: number;
  onError: (err: unknown, message: string) => void;
  /** Batch interval, ms (default 200). */
  intervalMs?: number;
}

/**
 * The audit trail: buffers every call and hands the batch to its sink every `intervalMs`, when
 * it holds MAX_AUDIT_BATCH calls, or on `flush()`; deletes events past retention hourly. The
 * request path only keeps a reference: the CloudTrail record is built, redacted and serialized by
 * the sink, for a whole batch.
 */
export class AuditTrail implements AuditHook {
  #pending: AuditEntry[] = [];
  #timer: NodeJS.Timeout | undefined;
  #retention: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(private readonly options: AuditTrailOptions) {}

  record(call: AuditedCall): void {
    this.#enqueue(call);
  }

  pressure(): Promise<void> | undefined {
    return this.backlog() < MAX_AUDIT_BACKLOG ? undefined : this.flush();
  }

  /** Calls buffered here or handed to the sink and not yet stored. */
  backlog(): number {
    return this.#pending.length + this.options.sink.backlog();
  }

  /**
   * Why the trail cannot take calls as it should (readiness): closed, its writer failed, or so
   * far behind that requests wait for it. Undefined while it keeps up.
   */
  notReady(): string | undefined {
    if (this.#closed) return 'closed';
    const failure = this.options.sink.failure?.();
    if (failure) return failure;
    return this.backlog() >= MAX_AUDIT_BACKLOG ? 'behind' : undefined;
  }

  recordSignIn(signIn: SignIn): void {
    this.#enqueue(buildSignInEvent(signIn));
  }

  #enqueue(entry: AuditEntry): void {
    if (this.#pending.push(entry) >= MAX_AUDIT_BATCH) void this.flush();
    else this.#timer ??= setTimeout(() => void this.flush(), this.options.intervalMs ?? 200).unref();
  }

  /** Hands buffered entries to the sink now; resolves once they (and every earlier batch) are stored. */
  async flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending.length === 0) return this.#flushing;
    const batch = this.#pending;
    this.#pending = [];
    // The sink keeps batches in order itself; chaining here only lets flush() wait for all of them.
    const written = this.options.sink
      .write(batch)
      .catch((err: unknown) => this.options.onError(err, 'writing audit events failed'));
    this.#flushing = Promise.all([this.#flushing, written]).then(() => undefined);
    return this.#flushing;
  }

  /** Deletes events older than the retention period; returns how many. */
  async applyRetention(): Promise<number> {
    const cutoff = new Date(this.options.clock().getTime() - this.options.retentionDays * 86_400_000);
    return this.options.events.deleteOlderThan(cutoff);
  }

  /** Applies retention now and then hourly (the timer does not keep the process alive). */
  startRetention(): void {
    const run = () =>
      void this.applyRetention().catch((err: unknown) => this.options.onError(err, 'audit retention failed'));
    run();
    this.#retention = setInterval(run, 3_600_000).unref();
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retention) clearInterval(this.#retention);
    this.#retention = undefined;
    await this.flush();
    await this.options.sink.close();
  }
}
