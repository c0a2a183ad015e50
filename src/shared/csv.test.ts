import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from './csv.js';

describe('csvField', () => {
  it('leaves plain fields as they are', () => {
    expect(csvField('alice')).toBe('alice');
    expect(csvField('a+b=c.d@e_f-g')).toBe('a+b=c.d@e_f-g');
    expect(csvField('')).toBe('');
    expect(csvField(' padded ')).toBe(' padded ');
  });

  it('quotes commas, quotes, CR and LF, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('"')).toBe('""""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
  });
});

describe('csvRecord', () => {
  it('joins quoted fields with commas so every column stays in place', () => {
    expect(csvRecord(['a,b', 'x"y', 'p\nq', 'plain'])).toBe('"a,b","x""y","p\nq",plain');
    expect(csvRecord([])).toBe('');
  });
});
