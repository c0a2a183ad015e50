import { hash } from 'node:crypto';

const BLOCK = 64;
const MAX_INNER_MESSAGE_BYTES = 1024;
// Scratch for one digest at a time: digestHex() is synchronous, so calls never interleave, and every
// byte hashed is written by that same call.
const inner = Buffer.alloc(BLOCK + MAX_INNER_MESSAGE_BYTES);
const outer = Buffer.alloc(BLOCK + 32);

/**
 * HMAC-SHA256 (RFC 2104) under one fixed key, as two one-shot hashes over pad blocks computed once:
 * for a string to sign this costs about 60% of createHmac, whose per-call native object dominates.
 * Digests travel as 'binary' (latin1) strings and hex because hash() is slow to return a Buffer.
 * Holds key material: nothing here logs or exposes it.
 */
export class HmacSha256 {
  readonly #ipad = Buffer.alloc(BLOCK, 0x36);
  readonly #opad = Buffer.alloc(BLOCK, 0x5c);

  constructor(key: Uint8Array) {
    const block = key.length > BLOCK ? hash('sha256', key, 'buffer') : key;
    for (let i = 0; i < block.length; i++) {
      this.#ipad[i]! ^= block[i]!;
      this.#opad[i]! ^= block[i]!;
    }
  }

  /** The MAC of the UTF-8 bytes of `message`, as lowercase hex. */
  digestHex(message: string): string {
    inner.set(this.#ipad, 0);
    // UTF-8 takes at most 3 bytes per UTF-16 unit; longer messages get their own buffer.
    const data =
      message.length * 3 <= MAX_INNER_MESSAGE_BYTES
        ? inner.subarray(0, BLOCK + inner.write(message, BLOCK, 'utf8'))
        : Buffer.concat([this.#ipad, Buffer.from(message, 'utf8')]);
    outer.set(this.#opad, 0);
    outer.write(hash('sha256', data, 'binary'), BLOCK, 'binary');
    return hash('sha256', outer, 'hex');
  }
}
