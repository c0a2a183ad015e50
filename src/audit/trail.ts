import type { Caller } from '../auth/authenticate.js';
import type { Principal } from '../shared/principal.js';
import type { IncomingSignedRequest } from '../sigv4/index.js';
import { buildSignInEvent } from './build-event.js';
import type { StoredEvent } from './event-store.js';

/** One API call as api.ts saw it, whatever became of it. */
export interface AuditedCall {
  requestId: string;
  at: Date;
  sourceIp: string;
  userAgent: string;
  /** The service's name; undefined when the request never reached a service (bad target, unsigned, …). */
  service?: string | undefined;
  operation?: string | undefined;
  /** The decoded input (even when it then failed validation). */
  input?: unknown | undefined;
  output?: unknown | undefined;
  caller?: Caller | undefined;
  /** The request, to name the key (and its account) when authentication failed. */
  signed?: IncomingSignedRequest | undefined;
  error?: { code: string; message: string } | undefined;
  /** The request body, when the call failed before dispatch (to name its operation). */
  body?: Buffer | undefined;
}

/** A call still to be built into its record, or a record built already (a sign-in). */
export type AuditEntry = AuditedCall | StoredEvent;

/** The hook api.ts calls once per request; it must not block or throw. */
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
 * The events AWS records under signin.amazonaws.com (eventType AwsConsoleSignIn): a console
 * sign-in, and the root user's password change and recovery, which have no API of their own.
 */
export type SignInEventName = 'ConsoleLogin' | 'PasswordUpdated' | 'PasswordRecoveryRequested' | 'PasswordRecoveryCompleted';

/** A console sign-in event (the console calls this; ConsoleLogin in CloudTrail unless `eventName` says otherwise). */
export interface SignIn {
  /** Default ConsoleLogin. */
  eventName?: SignInEventName;
  at: Date;
  accountId: string;
  /** The signed-in (or attempted) principal; undefined when the user name was unknown. */
  principal?: Principal;
  userName?: string;
  sourceIp: string;
  userAgent: string;
  success: boolean;
  mfaUsed: boolean;
  errorMessage?: string;
}

/** Where buffered entries go to be built into records and stored. */
export interface AuditSink {
  /** Builds and stores a batch, in order after earlier batches; failures go to the trail's onError, never here. */
  write(batch: AuditEntry[]): Promise<void>;
  /** Entries written and not yet stored. */
  backlog(): number;
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
 * The audit trail: buffers every call and hands the batch to its sink every `intervalMs` (or on
 * `flush()`); deletes events past retention hourly. The request path only keeps a reference:
 * the CloudTrail record is built, redacted and serialized by the sink, for a whole batch.
 */
export class AuditTrail implements AuditHook {
  #pending: AuditEntry[] = [];
  #timer: NodeJS.Timeout | undefined;
  #retention: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(private readonly options: AuditTrailOptions) {}

  record(call: AuditedCall): void {
    this.#enqueue(call);
  }

  pressure(): Promise<void> | undefined {
    return this.#pending.length + this.options.sink.backlog() < MAX_AUDIT_BACKLOG ? undefined : this.flush();
  }

  recordSignIn(signIn: SignIn): void {
    this.#enqueue(buildSignInEvent(signIn));
  }

  #enqueue(entry: AuditEntry): void {
    this.#pending.push(entry);
    this.#timer ??= setTimeout(() => void this.flush(), this.options.intervalMs ?? 200).unref();
  }

  /** Hands buffered entries to the sink now; resolves once they (and every earlier batch) are stored. */
  async flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#pending.length === 0) return this.#flushing;
    const batch = this.#pending;
    this.#pending = [];
    // The sink keeps batches in order itself; chaining here only lets flush() wait for all of them.
    const written = this.options.sink.write(batch).catch((err: unknown) => this.options.onError(err, 'writing audit events failed'));
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
    const run = () => void this.applyRetention().catch((err: unknown) => this.options.onError(err, 'audit retention failed'));
    run();
    this.#retention = setInterval(run, 3_600_000).unref();
  }

  async close(): Promise<void> {
    if (this.#retention) clearInterval(this.#retention);
    this.#retention = undefined;
    await this.flush();
    await this.options.sink.close();
  }
}
