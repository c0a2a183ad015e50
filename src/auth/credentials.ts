import { rootArn, iamArn } from '../shared/arn.js';
import { AwsError } from '../shared/aws-error.js';
import { ALL, type CacheBus } from '../shared/cache-bus.js';
import type { Principal } from '../shared/principal.js';
import type { AccountStatus } from './account-status.js';
import type { CacheStats } from './cache-stats.js';
import type { CredentialSource, KeyOwner, KeyWithSecret, SessionCredential, SessionLookup } from './ports.js';

export interface ResolvedCredential {
  key: KeyWithSecret;
  principal: Principal;
  /** For temporary (ASIA…) credentials: what the session token must hash to, and when it expires. */
  session?: { tokenHash: string; expiresAt: Date };
}

/**
 * What AWS answers for credentials it no longer honours; a suspended account's keys are refused
 * before their signature is checked, exactly like a key that does not exist.
 */
const suspendedAccount = (): AwsError =>
  new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);

/**
 * Resolves an access key ID to its secret and owner. Every signed request needs this,
 * so keys and users are cached in memory; writes publish invalidations on the bus,
 * which drop the entries here (and, on PostgreSQL, on every other node).
 */
export class CredentialResolver {
  readonly #keys = new Map<string, KeyWithSecret>();
  readonly #users = new Map<string, KeyOwner>();
  /** Counts invalidations, so a load that raced one is not cached (it may have read the old row). */
  #invalidations = 0;
  // Built once per cached record (a reload after an invalidation is a new object): signed requests
  // then allocate no ARN strings. Shared and never mutated, like a cached session's principal.
  readonly #rootCredentials = new WeakMap<KeyWithSecret, ResolvedCredential>();
  readonly #userPrincipals = new WeakMap<KeyOwner, Principal>();

  /** Sessions never change once issued, so they are cached until they expire. */
  readonly #sessions = new Map<string, SessionCredential>();

  /** Key, owner and session lookups answered here or from the store (read by /metrics). */
  readonly stats: CacheStats = { hits: 0, misses: 0 };

  constructor(
    private readonly store: CredentialSource,
    bus: CacheBus,
    private readonly maxEntries = 100_000,
    private readonly sessions?: SessionLookup,
    /** Absent: every account counts as active (no Organizations). */
    private readonly accounts?: AccountStatus,
  ) {
    bus.subscribe((topic, id) => {
      this.#invalidations++;
      const map = topic === 'access-key' ? this.#keys : topic === 'user' ? this.#users : undefined;
      if (id === ALL) map?.clear();
      else map?.delete(id);
    });
  }

  /**
   * The credential behind an access key ID, or undefined when Ward holds none. Throws AWS's
   * InvalidClientTokenId when the key's account is suspended (closed): its keys and sessions,
   * even those issued before the close, are then no credentials at all, as an unknown key.
   */
  async resolve(accessKeyId: string): Promise<ResolvedCredential | undefined> {
    const resolved = await this.#resolve(accessKeyId);
    if (resolved && this.accounts) {
      const active = this.accounts.isActive(resolved.principal.accountId);
      if (!(typeof active === 'boolean' ? active : await active)) throw suspendedAccount();
    }
    return resolved;
  }

  async #resolve(accessKeyId: string): Promise<ResolvedCredential | undefined> {
    if (accessKeyId.startsWith('ASIA')) return this.#resolveSession(accessKeyId);
    // Cache hits stay synchronous: no inner async call, no extra promise per request.
    const key =
      this.#hit(this.#keys.get(accessKeyId)) ??
      (await this.#load(this.#keys, accessKeyId, () => this.store.accessKeys.getWithSecret(accessKeyId)));
    if (!key) return undefined;
    if (key.userId === undefined) return this.#rootCredential(key);
    const userId = key.userId;
    const user =
      this.#hit(this.#users.get(userId)) ??
      (await this.#load(this.#users, userId, () => this.store.users.getById(userId)));
    if (!user) return undefined;
    return { key, principal: this.#userPrincipal(user) };
  }

  #rootCredential(key: KeyWithSecret): ResolvedCredential {
    let resolved = this.#rootCredentials.get(key);
    if (!resolved) {
      resolved = {
        key,
        principal: { kind: 'root', accountId: key.accountId, arn: rootArn(key.accountId), userId: key.accountId },
      };
      this.#rootCredentials.set(key, resolved);
    }
    return resolved;
  }

  #userPrincipal(user: KeyOwner): Principal {
    let principal = this.#userPrincipals.get(user);
    if (!principal) {
      principal = {
        kind: 'user',
        accountId: user.accountId,
        arn: iamArn(user.accountId, 'user', user.path, user.userName),
        userId: user.userId,
        userName: user.userName,
        path: user.path,
      };
      this.#userPrincipals.set(user, principal);
    }
    return principal;
  }

  async #resolveSession(accessKeyId: string): Promise<ResolvedCredential | undefined> {
    let session = this.#hit(this.#sessions.get(accessKeyId));
    if (!session) {
      session = await this.sessions?.get(accessKeyId);
      if (!session) return undefined;
      if (this.#sessions.size >= this.maxEntries) this.#sessions.delete(this.#sessions.keys().next().value as string);
      this.#sessions.set(accessKeyId, session);
    }
    return {
      key: {
        accessKeyId,
        accountId: session.accountId,
        status: 'Active',
        createdAt: session.issuedAt,
        secretAccessKey: session.secretAccessKey,
      },
      principal: session.principal,
      session: { tokenHash: session.tokenHash, expiresAt: session.expiresAt },
    };
  }

  clear(): void {
    this.accounts?.clear();
    this.#sessions.clear();
    this.#keys.clear();
    this.#users.clear();
  }

  /** Counts a lookup as a hit or a miss (a miss is then loaded by the caller). */
  #hit<T>(cached: T | undefined): T | undefined {
    if (cached === undefined) this.stats.misses++;
    else this.stats.hits++;
    return cached;
  }

  /** A miss: loads and caches the record, unless it is unknown or an invalidation raced the load. */
  async #load<T>(map: Map<string, T>, id: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const seen = this.#invalidations;
    const value = await load();
    // Unknown keys are not cached: a key created on another node must work at once.
    if (value !== undefined && value !== null && seen === this.#invalidations) {
      if (map.size >= this.maxEntries) map.delete(map.keys().next().value as string);
      map.set(id, value);
    }
    return value ?? undefined;
  }
}
