import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from './random-pool.js';

describe('pooledRandomBytes', () => {
  it('hands out distinct bytes of the size asked for, across refills and beyond the pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const b = pooledRandomBytes(12);
      expect(b).toHaveLength(12);
      seen.add(b.toString('hex'));
    }
    expect(seen.size).toBe(2000);
    expect(pooledRandomBytes(10_000)).toHaveLength(10_000);
  });

  it('returns a copy the caller owns', () => {
    const a = pooledRandomBytes(16);
    const copy = Buffer.from(a);
    pooledRandomBytes(16);
    expect(a.equals(copy)).toBe(true);
  });
});
