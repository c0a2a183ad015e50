import type { IamStore } from '../iam/iam-store.js';

/**
 * Records when each access key was last used. AWS itself updates this lazily; writing
 * on every request would put a database write on the hot path of every read, so
 * uses are coalesced in memory and flushed once a second (and on shutdown).
 */
export class LastUsedRecorder {
  readonly #pending = new Map<string, { accessKeyId: string; at: Date; service: string; region: string }>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: IamStore,
    private readonly onError: (err: unknown) => void,
    private readonly intervalMs = 1000,
  ) {}

  record(accessKeyId: string, at: Date, service: string, region: string): void {
    this.#pending.set(accessKeyId, { accessKeyId, at, service, region });
    this.#timer ??= setTimeout(() => void this.flush(), this.intervalMs).unref();
  }

  async flush(): Promise<void> {
    this.#timer = undefined;
    if (this.#pending.size === 0) return this.#flushing;
    const batch = [...this.#pending.values()];
    this.#pending.clear();
    this.#flushing = this.#flushing.then(() => this.store.transaction((tx) => tx.accessKeys.recordLastUsed(batch))).catch(this.onError);
    return this.#flushing;
  }
}
