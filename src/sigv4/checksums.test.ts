import { describe, expect, it } from 'vitest';
import { CHECKSUM_HEADERS, decodeChecksumValue, runningChecksum, type ChecksumAlgorithm } from './checksums.js';

function digest(algorithm: ChecksumAlgorithm, ...parts: string[]): string {
  const sum = runningChecksum(algorithm);
  for (const part of parts) sum.update(Buffer.from(part, 'latin1'));
  return sum.digestBase64();
}

function hex(base64: string): string {
  return Buffer.from(base64, 'base64').toString('hex');
}

describe('S3 checksums', () => {
  // The catalogue check values of each CRC over the ASCII digits "123456789".
  it.each([
    ['CRC32', 'cbf43926'],
    ['CRC32C', 'e3069283'],
    ['CRC64NVME', 'ae8b14860a799888'],
    ['SHA1', 'f7c3bc1d808e04732adf679965ccc34ca7ae3441'],
    ['SHA256', '15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225'],
  ] as const)('%s of "123456789" is the published check value', (algorithm, expected) => {
    expect(hex(digest(algorithm, '123456789'))).toBe(expected);
  });

  it('gives the same digest however the data is split', () => {
    const data = Buffer.alloc(70_001, 0).map((_, i) => (i * 31) & 0xff);
    for (const algorithm of CHECKSUM_HEADERS.values()) {
      const whole = runningChecksum(algorithm);
      whole.update(data);
      const split = runningChecksum(algorithm);
      for (let i = 0; i < data.length; i += 997) split.update(data.subarray(i, i + 997));
      expect(split.digestBase64()).toBe(whole.digestBase64());
    }
  });

  it("matches AWS's trailer example: CRC32C of 66560 'a' bytes is sOO8/Q==", () => {
    expect(digest('CRC32C', 'a'.repeat(66_560))).toBe('sOO8/Q==');
  });

  it('accepts only canonical base64 of the right length', () => {
    expect(decodeChecksumValue('CRC32', 'sOO8/Q==')).toBeDefined();
    expect(decodeChecksumValue('CRC32', 'sOO8/Q')).toBeUndefined();
    expect(decodeChecksumValue('CRC64NVME', 'sOO8/Q==')).toBeUndefined();
    expect(decodeChecksumValue('SHA1', 'invalid')).toBeUndefined();
    expect(decodeChecksumValue('CRC32', 'sOO8/R==')).toBeUndefined();
  });
});
