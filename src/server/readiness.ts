/**
 * Readiness, as opposed to liveness (/health): whether this node should be sent traffic now. It
 * is not when its store does not answer a trivial query within `timeoutMs` (an unreachable
 * PostgreSQL, a pool or SQLite connection stuck behind other work), when the audit trail cannot
 * record calls (its writer given up on, closed, or so far behind that requests wait), or while
 * the node shuts down (so a load balancer drains it first).
 */
export interface ReadinessDeps {
  ping(): Promise<void>;
  audit: { notReady(): string | undefined };
  closing(): boolean;
  timeoutMs: number;
  /** Told when readiness changes, with what is not ready (logged once, not on every probe). */
  onChange?(ready: boolean, problems: Record<string, string>, storeError?: unknown): void;
}

export interface ReadinessReport {
  ready: boolean;
  /** What is not ready and why, by component: store, audit, server. Causes with detail go to the log only. */
  problems: Record<string, string>;
}

export class Readiness {
  /** One store ping at a time: probes arriving while the store hangs share it instead of piling up queries. */
  #ping: Promise<string | undefined> | undefined;
  #lastReady: boolean | undefined;
  /** Why the last ping failed, for the log. */
  #storeError: unknown;

  constructor(private readonly deps: ReadinessDeps) {}

  async check(): Promise<ReadinessReport> {
    const problems: Record<string, string> = {};
    if (this.deps.closing()) problems.server = 'shutting down';
    const audit = this.deps.audit.notReady();
    if (audit) problems.audit = audit;
    const store = await (this.#ping ??= this.#pingStore().finally(() => (this.#ping = undefined)));
    if (store) problems.store = store;
    const ready = Object.keys(problems).length === 0;
    if (ready !== this.#lastReady) {
      this.#lastReady = ready;
      this.deps.onChange?.(ready, problems, problems.store === 'unreachable' ? this.#storeError : undefined);
    }
    return { ready, problems };
  }

  async #pingStore(): Promise<string | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve('timed out'), this.deps.timeoutMs);
    });
    // A ping that fails after the timeout settles quietly: its answer is no longer awaited.
    const answered = this.deps.ping().then(
      () => undefined,
      (err: unknown) => {
        this.#storeError = err;
        return 'unreachable';
      },
    );
    try {
      return await Promise.race([answered, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}
