import { describe, expect, it } from 'vitest';
import { parseDate } from './date-operators.js';

describe('date condition values', () => {
  it('reads ISO 8601 in UTC unless a zone is given', () => {
    const midnight = Date.UTC(2024, 0, 1);
    expect(parseDate('2024-01-01')).toBe(midnight);
    expect(parseDate('2024-01-01T00:00')).toBe(midnight);
    expect(parseDate('2024-01-01T00:00:00Z')).toBe(midnight);
    expect(parseDate('2024-01-01t01:00:00+01:00')).toBe(midnight);
    expect(parseDate('2023-12-31T19:00:00-0500')).toBe(midnight);
    expect(parseDate('2024-01-01T00:00:00.250Z')).toBe(midnight + 250);
  });

  it('reads epoch seconds', () => {
    expect(parseDate('1704067200')).toBe(Date.UTC(2024, 0, 1));
  });

  it('refuses what is not a date', () => {
    for (const v of ['tomorrow', '2024-13-01', '2024-01-01T25:00Z', '']) expect(parseDate(v)).toBeUndefined();
  });
});
