import { describe, expect, it } from 'vitest';
import { accountIdFromAccessKeyId, newAccessKeyId, newSecretAccessKey, newUniqueId } from './ids.js';

describe('AWS identifiers', () => {
  it('unique IDs carry the prefix and are 21 base32 characters', () => {
    const id = newUniqueId('AIDA');
    expect(id).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(newUniqueId('AIDA')).not.toBe(id);
  });

  it('access key IDs encode the owning account as AWS does', () => {
    for (const account of ['123456789012', '000000000001', '999999999999']) {
      const id = newAccessKeyId('AKIA', account);
      expect(id).toMatch(/^AKIA[A-Z2-7]{16}$/);
      expect(accountIdFromAccessKeyId(id)).toBe(account);
    }
    expect(newAccessKeyId('ASIA', '123456789012')).toMatch(/^ASIA/);
  });

  it('decodes a key ID published in the AWS documentation', () => {
    // A publicly documented key ID with its account: checks the bit layout against AWS's, not just our own round trip.
    expect(accountIdFromAccessKeyId('ASIAY34FZKBOKMUTVV7A')).toBe('609629065308');
  });

  it('rejects key IDs that are not of AWS form', () => {
    expect(accountIdFromAccessKeyId('AKIDEXAMPLE')).toBeUndefined();
  });

  it('secret keys are 40 characters of the base64 alphabet', () => {
    expect(newSecretAccessKey()).toMatch(/^[A-Za-z0-9+/]{40}$/);
  });
});
