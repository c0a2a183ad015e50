import { pooledRandomBytes } from './random-pool.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

function base32Decode(text: string): Uint8Array | undefined {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    const v = BASE32.indexOf(ch);
    if (v < 0) return undefined;
    buffer = ((buffer << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

/** Prefixes AWS uses for unique IDs (IAM "Unique identifiers" reference). */
export type UniqueIdPrefix = 'AIDA' | 'AGPA' | 'AROA' | 'ANPA' | 'AIPA' | 'ASCA' | 'APKA';

/**
 * A unique ID such as `AIDAJQABLZS4A3QDU576Q`: 21 characters, except where the model asks for
 * longer ones (signing certificate IDs are at least 24 characters; AWS's run to 28).
 */
export function newUniqueId(prefix: UniqueIdPrefix, length = 21): string {
  let id = prefix;
  // 32 divides 256: a byte's low five bits are a uniform base32 digit.
  for (const b of pooledRandomBytes(length - prefix.length)) id += BASE32[b & 31];
  return id;
}

/**
 * A 20-character access key ID. Since 2019 AWS encodes the owning account in
 * characters 5-20 (bits 7..46 of the first six base32-decoded bytes), which is
 * what sts:GetAccessKeyInfo decodes for keys it does not know; Ward does the same.
 */
export function newAccessKeyId(prefix: 'AKIA' | 'ASIA', accountId: string): string {
  const bytes = pooledRandomBytes(10);
  const account = BigInt(accountId);
  const high = (BigInt(bytes[0]! & 0x80) << 40n) | (account << 7n) | BigInt(bytes[5]! & 0x7f);
  for (let i = 0; i < 6; i++) bytes[i] = Number((high >> BigInt(8 * (5 - i))) & 0xffn);
  return prefix + base32(bytes);
}

/** The account ID encoded in an access key ID, or undefined if it is not of AWS's form. */
export function accountIdFromAccessKeyId(accessKeyId: string): string | undefined {
  if (!/^(AKIA|ASIA)[A-Z2-7]{16}$/.test(accessKeyId)) return undefined;
  const bytes = base32Decode(accessKeyId.slice(4));
  if (!bytes || bytes.length < 6) return undefined;
  let z = 0n;
  for (let i = 0; i < 6; i++) z = (z << 8n) | BigInt(bytes[i]!);
  const account = (z & 0x7fffffffff80n) >> 7n;
  return account.toString().padStart(12, '0');
}

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A 40-character secret access key drawn from the base64 alphabet, as AWS issues them. */
export function newSecretAccessKey(): string {
  const bytes = pooledRandomBytes(40);
  let out = '';
  for (const b of bytes) out += SECRET_ALPHABET[b & 63];
  return out;
}

/** Request IDs are UUIDs, as AWS's are. */
export { randomUUID as newRequestId } from 'node:crypto';
