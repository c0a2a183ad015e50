import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips and never stores the plaintext', () => {
    const sealed = box.seal('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', 'AKIAEXAMPLE');
    expect(sealed).not.toContain('wJalr');
    expect(box.open(sealed, 'AKIAEXAMPLE')).toBe('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
  });

  it('refuses a ciphertext moved to another context', () => {
    const sealed = box.seal('secret', 'AKIA1');
    expect(() => box.open(sealed, 'AKIA2')).toThrow();
  });

  it('refuses a different master key', () => {
    const sealed = box.seal('secret', 'ctx');
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'ctx')).toThrow();
  });
});
