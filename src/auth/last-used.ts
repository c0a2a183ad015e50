import type { KeyUse, LastUseSink, ServiceUse } from './ports.js';

/**
 * Records when each access key was last used, and when each principal last used each service
 * (IAM's access advisor). AWS itself updates both lazily; writing on every request would put a
 * database write on the hot path of every read, so uses are coalesced in memory and flushed
 * once a second (and on shutdown), in a few batched statements.
 */
export class LastUsedRecorder {
  readonly #keys = new Map<string, KeyUse>();
  /** By principal ARN, then service: updated in place, as most calls repeat a recent caller's. */
  readonly #services = new Map<string, Map<string, ServiceUse>>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: LastUseSink,
    private readonly onError: (err: unknown) => void,
    private readonly intervalMs = 1000,
  ) {}

  record(accessKeyId: string, at: Date, service: string, region: string): void {
    const seen = this.#keys.get(accessKeyId);
    if (seen) {
      seen.at = at;
      seen.service = service;
      seen.region = region;
    } else this.#keys.set(accessKeyId, { accessKeyId, at, service, region });
    this.#schedule();
  }

  /** A principal used a service. Sessions count for their role, as the access advisor reports roles. */
  recordService(accountId: string, principalArn: string, service: string, at: Date, region: string): void {
    const arn = principalArn.startsWith('arn:aws:sts::')
      ? principalArn.replace(/^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/.*$/, 'arn:aws:iam::$1:role/$2')
      : principalArn;
    let byService = this.#services.get(arn);
    if (!byService) this.#services.set(arn, (byService = new Map<string, ServiceUse>()));
    const seen = byService.get(service);
    if (seen) {
      seen.at = at;
      seen.region = region;
    } else byService.set(service, { accountId, principalArn: arn, service, at, region });
    this.#schedule();
  }

  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#keys.size === 0 && this.#services.size === 0) return this.#flushing;
    const keys = [...this.#keys.values()];
    const services = [...this.#services.values()].flatMap((byService) => [...byService.values()]);
    this.#keys.clear();
    this.#services.clear();
    // Bookkeeping, not a serializable transaction: these are blind, monotonic writes no invariant
    // reads, batched into a few statements (LastUseSink.bookkeeping, READ_COMMITTED_WITH_RETRY).
    const run = (fn: (tx: LastUseSink) => Promise<void>) =>
      this.store.bookkeeping ? this.store.bookkeeping(fn) : this.store.transaction(fn);
    this.#flushing = this.#flushing
      .then(() =>
        run(async (tx) => {
          if (keys.length > 0) await tx.accessKeys.recordLastUsed(keys);
          if (services.length > 0) await tx.credentials.recordServiceAccess(services);
        }),
      )
      .catch(this.onError);
    return this.#flushing;
  }

  #schedule(): void {
    this.#timer ??= setTimeout(() => void this.flush(), this.intervalMs).unref();
  }
}
