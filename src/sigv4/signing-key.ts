import { createHmac } from 'node:crypto';
import { detachedCopy } from './encoding.js';
import { HmacSha256 } from './hmac.js';
import { SCOPE_TERMINATOR } from './parse-authorization.js';

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** kDate → kRegion → kService → kSigning, the SigV4 key derivation chain. */
export function deriveSigningKey(secretAccessKey: string, scopeDate: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, scopeDate);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, SCOPE_TERMINATOR);
}

interface Entry {
  secretAccessKey: string;
  scopeDate: string;
  region: string;
  service: string;
  key: Buffer;
  hmac: HmacSha256;
}

/** One access key's entries, oldest first; its ID is a copy, not a slice of some request's header. */
interface Group {
  accessKeyId: string;
  entries: Entry[];
}

/** A key signs for a few scopes at once (services, regions, the day boundary); more are re-derived. */
const MAX_SCOPES_PER_KEY = 16;

/**
 * Bounded least-recently-used cache of derived signing keys, saving four HMACs per request.
 *
 * Entries are grouped by access key ID, so a hit compares the scope parts instead of building a
 * string key, and the LRU order (Map insertion order) is kept per access key. Each entry keeps the
 * secret it was derived from: a rotated secret never reuses the old key.
 * Entries hold secret material: the map is private and nothing here ever logs or exposes keys.
 */
export class SigningKeyCache {
  readonly #maxEntries: number;
  readonly #byAccessKey = new Map<string, Group>();
  /** The group last moved to the back of the LRU order: hitting it again needs no move. */
  #newest: Group | undefined;
  #size = 0;

  constructor(maxEntries = 1024) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
    this.#maxEntries = maxEntries;
  }

  /** Number of cached keys. */
  get size(): number {
    return this.#size;
  }

  /** The signing key for this scope, derived on a miss. The returned Buffer must not be mutated. */
  get(secretAccessKey: string, accessKeyId: string, scopeDate: string, region: string, service: string): Buffer {
    return this.#entry(secretAccessKey, accessKeyId, scopeDate, region, service).key;
  }

  /** HMAC under the signing key for this scope, for signing a string to sign. */
  hmac(secretAccessKey: string, accessKeyId: string, scopeDate: string, region: string, service: string): HmacSha256 {
    return this.#entry(secretAccessKey, accessKeyId, scopeDate, region, service).hmac;
  }

  clear(): void {
    this.#byAccessKey.clear();
    this.#newest = undefined;
    this.#size = 0;
  }

  #entry(secretAccessKey: string, accessKeyId: string, scopeDate: string, region: string, service: string): Entry {
    let group = this.#byAccessKey.get(accessKeyId);
    if (group === undefined) {
      group = { accessKeyId: detachedCopy(accessKeyId), entries: [] };
      this.#byAccessKey.set(group.accessKeyId, group);
      this.#newest = group;
    } else if (group !== this.#newest) {
      this.#byAccessKey.delete(group.accessKeyId);
      this.#byAccessKey.set(group.accessKeyId, group);
      this.#newest = group;
    }
    const entries = group.entries;
    for (const e of entries) {
      if (
        e.service === service &&
        e.region === region &&
        e.scopeDate === scopeDate &&
        e.secretAccessKey === secretAccessKey
      ) {
        return e;
      }
    }
    const entry = derive(secretAccessKey, scopeDate, region, service);
    entries.push(entry);
    this.#size++;
    if (entries.length > MAX_SCOPES_PER_KEY) {
      entries.shift();
      this.#size--;
    }
    this.#evict();
    return entry;
  }

  /** Drops the oldest scopes of the least recently used keys; the newest entry is last in the newest group. */
  #evict(): void {
    while (this.#size > this.#maxEntries) {
      const oldest = this.#byAccessKey.values().next().value as Group;
      oldest.entries.shift();
      this.#size--;
      if (oldest.entries.length === 0) this.#byAccessKey.delete(oldest.accessKeyId);
    }
  }
}

function derive(secretAccessKey: string, scopeDate: string, region: string, service: string): Entry {
  const key = deriveSigningKey(secretAccessKey, scopeDate, region, service);
  // Copies: the entry outlives the request whose header these were sliced from.
  const scope = { scopeDate: detachedCopy(scopeDate), region: detachedCopy(region), service: detachedCopy(service) };
  return { secretAccessKey, ...scope, key, hmac: new HmacSha256(key) };
}
