import { randomFillSync } from 'node:crypto';

/**
 * Random bytes for IDs, keys, tokens and IVs, taken from a pool the CSPRNG fills 4 KiB at a time.
 * Each randomBytes call costs a few microseconds of OpenSSL overhead whatever its size, and
 * AssumeRole needs four (key ID, secret, token, IV); node:crypto pools randomUUID the same way.
 * Every byte is handed out once and the copy returned is the caller's own.
 */
const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

export function pooledRandomBytes(size: number): Buffer {
  if (size > POOL_SIZE) return randomFillSync(Buffer.alloc(size));
  if (offset + size > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.from(pool.subarray(offset, offset + size));
  // Handed out once: wiped so no later reader of the pool's memory sees it.
  pool.fill(0, offset, offset + size);
  offset += size;
  return out;
}
