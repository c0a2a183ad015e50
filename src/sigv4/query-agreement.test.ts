import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalQueryString } from './canonical.js';

/**
 * The signature covers the canonical query; the operation reads the query through URLSearchParams.
 * If the two read a raw query differently, one signature covers two different requests (issue 12,
 * item 12: `a%2Bb` and `a+b` canonicalized alike, decoded as `a+b` and `a b`). So what the decoder
 * reads from the raw query must be exactly what it reads from the canonical query that was signed.
 */
const decoded = (query: string): string[] => [...new URLSearchParams(query)].map(([n, v]) => `${n}\u0000${v}`).sort();

// Pieces that decode differently under RFC 3986 and form rules, in ASCII as node's request line gives them.
const piece = fc.constantFrom(
  'a',
  'B',
  '+',
  '%2B',
  '%2b',
  '%20',
  ' ',
  '=',
  '&',
  '%',
  '%zz',
  '%4',
  '~',
  '*',
  '%41',
  '%E2%82%AC',
  '%FF',
  '%26',
  '%3D',
);

describe('canonical query and Query decoder agree', () => {
  it('for any raw query', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const raw = pieces.join('');
        expect(decoded(canonicalQueryString(raw))).toEqual(decoded(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it('so a%2Bb and a+b are two different signed values', () => {
    expect(canonicalQueryString('Tag=a%2Bb')).not.toBe(canonicalQueryString('Tag=a+b'));
    expect(new URLSearchParams('Tag=a+b').get('Tag')).toBe('a b');
  });
});
