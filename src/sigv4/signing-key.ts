import { createHmac } from 'node:crypto';
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

/**
 * Bounded least-recently-used cache of derived signing keys, saving four HMACs per request.
 *
 * The secret itself is part of the cache key, so a rotated secret never reuses the old key.
 * Entries hold secret material: the map is private and nothing here ever logs or exposes keys.
 */
export class SigningKeyCache {
  readonly #maxEntries: number;
  readonly #entries = new Map<string, Buffer>();

  constructor(maxEntries = 1024) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
    this.#maxEntries = maxEntries;
  }

  /** Number of cached keys. */
  get size(): number {
    return this.#entries.size;
  }

  /** The signing key for this scope, derived on a miss. The returned Buffer must not be mutated. */
  get(secretAccessKey: string, accessKeyId: string, scopeDate: string, region: string, service: string): Buffer {
    // Length-prefixed parts keep the key unambiguous even when client-chosen parts contain separators
    // (and cost less than JSON.stringify on every request).
    const cacheKey = `${secretAccessKey.length}:${secretAccessKey}${accessKeyId.length}:${accessKeyId}${scopeDate.length}:${scopeDate}${region.length}:${region}${service}`;
    const hit = this.#entries.get(cacheKey);
    if (hit !== undefined) {
      // Re-inserting moves the entry to the back of Map's insertion order: that order is the LRU list.
      this.#entries.delete(cacheKey);
      this.#entries.set(cacheKey, hit);
      return hit;
    }
    const key = deriveSigningKey(secretAccessKey, scopeDate, region, service);
    this.#entries.set(cacheKey, key);
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    return key;
  }

  clear(): void {
    this.#entries.clear();
  }
}
