import { describe, expect, it } from 'vitest';
import { formatIso8601, parseTimestamp } from './timestamps.js';

describe('timestamps', () => {
  it('parse ISO 8601 variants, epoch seconds and HTTP dates', () => {
    const t = new Date('2024-01-02T03:04:05Z');
    expect(parseTimestamp('2024-01-02T03:04:05Z')).toEqual(t);
    expect(parseTimestamp('2024-01-02T03:04:05')).toEqual(t);
    expect(parseTimestamp('2024-01-02T05:04:05+02:00')).toEqual(t);
    expect(parseTimestamp('2024-01-02T03:04:05.000000Z')).toEqual(t);
    expect(parseTimestamp('1704164645')).toEqual(t);
    expect(parseTimestamp('Tue, 02 Jan 2024 03:04:05 GMT')).toEqual(t);
    expect(parseTimestamp('2024-13-01T00:00:00Z')).toBeUndefined();
    expect(parseTimestamp('next tuesday')).toBeUndefined();
  });

  it('format without milliseconds', () => {
    expect(formatIso8601(new Date('2024-01-02T03:04:05.999Z'))).toBe('2024-01-02T03:04:05Z');
  });
});
