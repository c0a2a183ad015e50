import { describe, expect, it } from 'vitest';
import { periodChoiceOf, windowOf } from './period.js';

const now = new Date('2026-12-04T12:00:00Z');
const choice = (query: string) => periodChoiceOf(`http://x/console/users/a/generate-policy?${query}`);

describe('the period picker', () => {
  it.each([
    ['', { start: '2026-11-27T12:00:00.000Z' }],
    ['period=1h&generate=1', { start: '2026-12-04T11:00:00.000Z' }],
    ['period=90d', { start: '2026-09-05T12:00:00.000Z' }],
    ['period=bogus', { start: '2026-11-27T12:00:00.000Z' }],
    ['period=custom&start=2026-12-01T00:00&end=2026-12-02T00:00', { start: '2026-12-01T00:00:00.000Z' }],
    ['period=custom&start=2026-12-01T00:00', { start: '2026-12-01T00:00:00.000Z', end: now.toISOString() }],
    ['period=custom&start=', { problem: 'Enter the start and end as YYYY-MM-DDTHH:MM (UTC).' }],
    ['period=custom&start=2026-12-02T00:00&end=2026-12-01T00:00', { problem: 'The start must be before the end.' }],
    ['period=custom&start=2026-01-01T00:00&end=2026-12-01T00:00', { problem: 'Choose a period of at most 90 days.' }],
  ])('%s', (query, expected) => {
    const w = windowOf(choice(query), now);
    const shown = 'problem' in w ? w : { start: w.start.toISOString(), end: w.end.toISOString() };
    expect(shown).toMatchObject(expected);
  });

  it('generates only when the form was submitted', () => {
    expect(choice('period=1h').generate).toBe(false);
    expect(choice('period=1h&generate=1').generate).toBe(true);
  });
});
