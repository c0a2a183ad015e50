import { describe, expect, it } from 'vitest';
import { accessKeyCsv, csvFileName } from './access-keys.js';

describe('the access key CSV', () => {
  it('has AWS console columns and file names', () => {
    expect(accessKeyCsv('AKIAEXAMPLE', 'wJalr/K7+EXAMPLE')).toBe(
      'Access key ID,Secret access key\nAKIAEXAMPLE,wJalr/K7+EXAMPLE\n',
    );
    expect(csvFileName('alice')).toBe('alice_accessKeys.csv');
    expect(csvFileName(undefined)).toBe('rootkey.csv');
  });
});
