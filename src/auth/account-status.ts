import { ALL, type CacheBus } from '../shared/cache-bus.js';

/** Where an account's Organizations status is read (the store's `organizations`). */
export interface AccountStatusSource {
  getAccount(accountId: string): Promise<{ status: string } | undefined>;
}

/**
 * Whether an account may use AWS services. Organizations' CloseAccount suspends a member account,
 * and AWS then refuses every call made with its credentials, including sessions issued before the
 * close; only its root may still sign in to the console. The answer is read at each request (so a
 * session issued earlier stops working) and cached per account; CloseAccount publishes `account`,
 * which drops the entry here and, on PostgreSQL, on every node.
 */
export class AccountStatus {
  readonly #active = new Map<string, boolean>();
  /** Counts invalidations, so a read that raced one is not cached. */
  #invalidations = 0;

  constructor(
    private readonly source: AccountStatusSource,
    bus: CacheBus,
    private readonly maxEntries = 100_000,
  ) {
    bus.subscribe((topic, id) => {
      if (topic !== 'account' && id !== ALL) return;
      this.#invalidations++;
      if (id === ALL) this.#active.clear();
      else this.#active.delete(id);
    });
  }

  /** Synchronous on a cache hit, so the signed-request hot path allocates no promise. */
  isActive(accountId: string): boolean | Promise<boolean> {
    return this.#active.get(accountId) ?? this.#load(accountId);
  }

  async #load(accountId: string): Promise<boolean> {
    const seen = this.#invalidations;
    // Standalone accounts (no organization) are always active; a member is active until closed.
    const member = await this.source.getAccount(accountId);
    const active = member === undefined || member.status === 'ACTIVE';
    if (seen === this.#invalidations) {
      if (this.#active.size >= this.maxEntries) this.#active.delete(this.#active.keys().next().value as string);
      this.#active.set(accountId, active);
    }
    return active;
  }

  clear(): void {
    this.#active.clear();
  }
}
