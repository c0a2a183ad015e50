import { createHash, type Hash } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** The checksum algorithms S3 takes in `x-amz-checksum-*` headers and aws-chunked trailers, as S3 names them. */
export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';

/** Trailer (and header) name → algorithm. */
export const CHECKSUM_HEADERS: ReadonlyMap<string, ChecksumAlgorithm> = new Map([
  ['x-amz-checksum-crc32', 'CRC32'],
  ['x-amz-checksum-crc32c', 'CRC32C'],
  ['x-amz-checksum-crc64nvme', 'CRC64NVME'],
  ['x-amz-checksum-sha1', 'SHA1'],
  ['x-amz-checksum-sha256', 'SHA256'],
]);

/** Digest length in bytes: a value whose base64 does not decode to this many bytes is invalid. */
export const CHECKSUM_BYTES: Readonly<Record<ChecksumAlgorithm, number>> = {
  CRC32: 4,
  CRC32C: 4,
  CRC64NVME: 8,
  SHA1: 20,
  SHA256: 32,
};

/** A checksum fed incrementally; the digest is the big-endian bytes, base64, as S3 sends them. */
export interface RunningChecksum {
  update(data: Uint8Array): void;
  digestBase64(): string;
}

export function runningChecksum(algorithm: ChecksumAlgorithm): RunningChecksum {
  switch (algorithm) {
    case 'CRC32':
      return new Crc32();
    case 'CRC32C':
      return new Crc32c();
    case 'CRC64NVME':
      return new Crc64Nvme();
    case 'SHA1':
      return new Digest(createHash('sha1'));
    case 'SHA256':
      return new Digest(createHash('sha256'));
  }
}

/** The bytes of a base64 checksum value if it is canonical base64 of the algorithm's length. */
export function decodeChecksumValue(algorithm: ChecksumAlgorithm, value: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(value, 'base64');
  return bytes.length === CHECKSUM_BYTES[algorithm] && bytes.toString('base64') === value ? bytes : undefined;
}

class Digest implements RunningChecksum {
  constructor(private readonly hash: Hash) {}
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  digestBase64(): string {
    return this.hash.digest('base64');
  }
}

function uint32Base64(value: number): string {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out.toString('base64');
}

/** CRC-32 (ISO-HDLC, zlib's), computed natively. */
class Crc32 implements RunningChecksum {
  #crc = 0;
  update(data: Uint8Array): void {
    this.#crc = crc32(data, this.#crc);
  }
  digestBase64(): string {
    return uint32Base64(this.#crc);
  }
}

/** Reflected CRC-32C (Castagnoli) table, polynomial 0x82F63B78. */
const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
})();

class Crc32c implements RunningChecksum {
  #crc = 0xffffffff;
  update(data: Uint8Array): void {
    let crc = this.#crc;
    for (let i = 0; i < data.length; i++) crc = CRC32C_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
    this.#crc = crc;
  }
  digestBase64(): string {
    return uint32Base64(~this.#crc);
  }
}

// CRC-64/NVME: reflected polynomial 0x9A6C9329AC4BC9B5, init and xorout all ones. Kept as two 32-bit
// halves: BigInt arithmetic per byte would be far slower.
const NVME_POLY_HI = 0x9a6c9329;
const NVME_POLY_LO = 0xac4bc9b5;
const [CRC64_HI, CRC64_LO] = (() => {
  const hiTable = new Uint32Array(256);
  const loTable = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let hi = 0;
    let lo = i;
    for (let k = 0; k < 8; k++) {
      const lsb = lo & 1;
      lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
      hi = hi >>> 1;
      if (lsb) {
        hi = (hi ^ NVME_POLY_HI) >>> 0;
        lo = (lo ^ NVME_POLY_LO) >>> 0;
      }
    }
    hiTable[i] = hi;
    loTable[i] = lo;
  }
  return [hiTable, loTable];
})();

class Crc64Nvme implements RunningChecksum {
  #hi = 0xffffffff;
  #lo = 0xffffffff;
  update(data: Uint8Array): void {
    let hi = this.#hi;
    let lo = this.#lo;
    for (let i = 0; i < data.length; i++) {
      const idx = (lo ^ data[i]!) & 0xff;
      lo = (((lo >>> 8) | (hi << 24)) ^ CRC64_LO[idx]!) >>> 0;
      hi = ((hi >>> 8) ^ CRC64_HI[idx]!) >>> 0;
    }
    this.#hi = hi;
    this.#lo = lo;
  }
  digestBase64(): string {
    const out = Buffer.alloc(8);
    out.writeUInt32BE(~this.#hi >>> 0, 0);
    out.writeUInt32BE(~this.#lo >>> 0, 4);
    return out.toString('base64');
  }
}
