import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SigningKeyCache, deriveSigningKey } from './signing-key.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

describe('deriveSigningKey', () => {
  it("matches AWS's documented derivation example (20120215/us-east-1/iam)", () => {
    expect(deriveSigningKey(SECRET, '20120215', 'us-east-1', 'iam').toString('hex')).toBe(
      'f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d',
    );
  });
});

describe('SigningKeyCache', () => {
  it('returns the very same Buffer on a hit', () => {
    const cache = new SigningKeyCache();
    const first = cache.get(SECRET, 'AKID', '20150830', 'us-east-1', 'iam');
    expect(cache.get(SECRET, 'AKID', '20150830', 'us-east-1', 'iam')).toBe(first);
    expect(first.equals(deriveSigningKey(SECRET, '20150830', 'us-east-1', 'iam'))).toBe(true);
    expect(cache.size).toBe(1);
  });

  it('never reuses a key across a rotated secret', () => {
    const cache = new SigningKeyCache();
    const before = cache.get(SECRET, 'AKID', '20150830', 'us-east-1', 'iam');
    const after = cache.get(`${SECRET}2`, 'AKID', '20150830', 'us-east-1', 'iam');
    expect(after).not.toBe(before);
    expect(after.equals(before)).toBe(false);
    expect(after.equals(deriveSigningKey(`${SECRET}2`, '20150830', 'us-east-1', 'iam'))).toBe(true);
  });

  it('keys on every scope element', () => {
    const cache = new SigningKeyCache();
    const keys = [
      cache.get(SECRET, 'AKID', '20150830', 'us-east-1', 'iam'),
      cache.get(SECRET, 'AKID', '20150831', 'us-east-1', 'iam'),
      cache.get(SECRET, 'AKID', '20150830', 'eu-west-1', 'iam'),
      cache.get(SECRET, 'AKID', '20150830', 'us-east-1', 'sts'),
      cache.get(SECRET, 'OTHER', '20150830', 'us-east-1', 'iam'),
    ];
    expect(cache.size).toBe(5);
    expect(new Set(keys.slice(0, 4).map((k) => k.toString('hex'))).size).toBe(4);
  });

  it('cannot be confused by separators inside client-chosen scope parts', () => {
    const cache = new SigningKeyCache();
    const a = cache.get(SECRET, 'AKID', '20150830', 'us\u0000east', 'iam');
    const b = cache.get(SECRET, 'AKID', '20150830', 'us', 'east\u0000iam');
    expect(a).not.toBe(b);
    expect(cache.size).toBe(2);
  });

  it('evicts the least recently used entry beyond maxEntries', () => {
    const cache = new SigningKeyCache(2);
    const a = cache.get(SECRET, 'A', '20150830', 'us-east-1', 'iam');
    cache.get(SECRET, 'B', '20150830', 'us-east-1', 'iam');
    expect(cache.get(SECRET, 'A', '20150830', 'us-east-1', 'iam')).toBe(a); // A is now most recent
    cache.get(SECRET, 'C', '20150830', 'us-east-1', 'iam'); // evicts B
    expect(cache.size).toBe(2);
    expect(cache.get(SECRET, 'A', '20150830', 'us-east-1', 'iam')).toBe(a);
    const b2 = cache.get(SECRET, 'B', '20150830', 'us-east-1', 'iam'); // re-derived: evicts C
    expect(cache.size).toBe(2);
    expect(b2.equals(a)).toBe(true); // same secret/scope derives the same bytes, but it was a miss
  });

  it('derives the HMAC from the same cached entry as the key', () => {
    const cache = new SigningKeyCache();
    const key = cache.get(SECRET, 'AKID', '20150830', 'us-east-1', 'iam');
    const hmac = cache.hmac(SECRET, 'AKID', '20150830', 'us-east-1', 'iam');
    expect(cache.hmac(SECRET, 'AKID', '20150830', 'us-east-1', 'iam')).toBe(hmac);
    expect(hmac.digestHex('text')).toBe(createHmac('sha256', key).update('text').digest('hex'));
    expect(cache.size).toBe(1);
  });

  it('stays bounded when one access key signs for many scopes', () => {
    const cache = new SigningKeyCache(1000);
    for (let i = 0; i < 100; i++) cache.get(SECRET, 'AKID', '20150830', `region-${i}`, 'iam');
    expect(cache.size).toBeLessThanOrEqual(16);
    const small = new SigningKeyCache(3);
    for (let i = 0; i < 10; i++) small.get(SECRET, 'AKID', '20150830', `region-${i}`, 'iam');
    expect(small.size).toBe(3);
    const last = small.get(SECRET, 'AKID', '20150830', 'region-9', 'iam');
    expect(small.get(SECRET, 'AKID', '20150830', 'region-9', 'iam')).toBe(last);
  });

  it('rejects a non-positive size', () => {
    expect(() => new SigningKeyCache(0)).toThrow(RangeError);
    expect(() => new SigningKeyCache(1.5)).toThrow(RangeError);
  });
});
