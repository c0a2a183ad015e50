import { ALL, type CacheBus } from '../shared/cache-bus.js';

/**
 * Where an account's status is read (the store): the account's own closure (`accounts`), which
 * outlives its membership, and its Organizations membership status (`organizations`).
 */
export interface AccountStatusSource {
  accounts: { get(accountId: string): Promise<{ closedAt?: Date } | undefined> };
  organizations: { getAccount(accountId: string): Promise<{ status: string } | undefined> };
}

/**
 * Whether an account may use AWS services: the one place that answers it. Organizations'
 * CloseAccount suspends a member account, and AWS then refuses every call made with its
 * credentials, including sessions issued before the close; only its root may still sign in to the
 * console. A closed account is closed for good: the closure is stored on the account itself, so no
 * change to its membership reopens it (and a membership that is not ACTIVE counts as closed too).
 * The answer is read at each request (so a session issued earlier stops working) and cached per
 * account; CloseAccount publishes `account`, which drops the entry here and, on PostgreSQL, on
 * every node.
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
    // An account is active until closed; a member also only while its membership is ACTIVE.
    const [account, member] = await Promise.all([
      this.source.accounts.get(accountId),
      this.source.organizations.getAccount(accountId),
    ]);
    const active = account?.closedAt === undefined && (member === undefined || member.status === 'ACTIVE');
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
