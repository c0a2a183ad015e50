import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileArnGlob, compileGlob, encodeLiterals, LIT_DOLLAR, LIT_QMARK, LIT_STAR } from './glob.js';

/**
 * Reference semantics, written for obviousness rather than speed: a dynamic programme over
 * (pattern position, subject position). `*` takes any run, `?` one code unit, a sentinel the
 * character it stands for; `stop` is a code unit no wildcard may take (the ARN segment colon).
 */
function referenceMatch(pattern: string, s: string, stop?: string): boolean {
  const decode: Record<string, string> = { [LIT_STAR]: '*', [LIT_QMARK]: '?', [LIT_DOLLAR]: '$' };
  // ok[j]: the pattern so far matches s[0, j).
  let ok = Array.from({ length: s.length + 1 }, (_, j) => j === 0);
  for (const pc of pattern.split('')) {
    const next = new Array<boolean>(s.length + 1).fill(false);
    for (let j = 0; j <= s.length; j++) {
      if (pc === '*') next[j] = ok[j]! || (j > 0 && next[j - 1]! && s[j - 1] !== stop);
      else if (j > 0 && ok[j - 1]) next[j] = pc === '?' ? s[j - 1] !== stop : s[j - 1] === (decode[pc] ?? pc);
    }
    ok = next;
  }
  return ok[s.length]!;
}

/** ARN reference: the first five segments may not cross `:`; the rest is one plain glob. */
function referenceArnMatch(pattern: string, s: string): boolean {
  if (pattern === '*') return true;
  const segs = pattern.split(':');
  while (segs.length < 6) segs.push('*');
  const subject = s.split(':');
  if (subject.length < 6) return false;
  for (let i = 0; i < 5; i++) if (!referenceMatch(segs[i]!, subject[i]!, ':')) return false;
  return referenceMatch(segs.slice(5).join(':'), subject.slice(5).join(':'));
}

// Small alphabets make matches (and near-misses) common; sentinels and `$` keep literal wildcards honest.
const patternChar = fc.constantFrom('a', 'b', ':', '*', '?', LIT_STAR, LIT_QMARK, LIT_DOLLAR, '$', '/');
const subjectChar = fc.constantFrom('a', 'b', ':', '*', '?', '$', '/', LIT_STAR);
const pattern = fc.array(patternChar, { maxLength: 14 }).map((cs) => cs.join(''));
const subject = fc.array(subjectChar, { maxLength: 16 }).map((cs) => cs.join(''));
/** Subjects shaped like the patterns, so that the interesting cases (a match) are frequent. */
const related = pattern.chain((p) =>
  fc
    .tuple(fc.constant(p), fc.array(fc.constantFrom('a', 'b', ':', ''), { minLength: p.length, maxLength: p.length }))
    .map(([pat, fill]) => {
      const decode: Record<string, string> = { [LIT_STAR]: '*', [LIT_QMARK]: '?', [LIT_DOLLAR]: '$' };
      const s = pat
        .split('')
        .map((c, i) =>
          c === '*' || c === '?' ? fill[i]! + (c === '*' ? fill[(i + 1) % fill.length]! : '') : (decode[c] ?? c),
        )
        .join('');
      return [pat, s] as const;
    }),
);
const pair = fc.oneof(fc.tuple(pattern, subject), related);

describe('glob matchers agree with the reference (property)', () => {
  it('compileGlob: actions, StringLike, NotAction', () => {
    fc.assert(
      fc.property(pair, ([p, s]) => {
        expect(compileGlob(p)(s)).toBe(referenceMatch(p, s));
      }),
      { numRuns: 4000 },
    );
  });

  it('compileArnGlob: resources, ArnLike, NotResource', () => {
    const arnPattern = fc
      .tuple(fc.constantFrom('arn:aws:s3:::', 'arn:*:iam::1:', 'arn:aws:', 'arn:?ws:*:*:*:', ''), pattern)
      .map(([h, t]) => h + t);
    const arnSubject = fc
      .tuple(fc.constantFrom('arn:aws:s3:::', 'arn:aws:iam::1:', 'arn:aws:ec2:r:1:', 'arn:aws'), subject)
      .map(([h, t]) => h + t);
    fc.assert(
      fc.property(fc.oneof(fc.tuple(arnPattern, arnSubject), pair), ([p, s]) => {
        expect(compileArnGlob(p)(s)).toBe(referenceArnMatch(p, s));
      }),
      { numRuns: 4000 },
    );
  });

  it('a substituted value never acts as a wildcard', () => {
    fc.assert(
      // Raw sentinel code units in a value are left out: they stand for literals by design.
      fc.property(
        subject.filter((v) => !v.includes(LIT_STAR)),
        (v) => {
          const m = compileGlob(`x${encodeLiterals(v)}*`);
          expect(m(`x${v}tail`)).toBe(true);
          if (v.includes('*') || v.includes('?')) expect(m(`x${v.replace(/[*?]/g, 'b')}`)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('pathological globs finish (each would take longer than the universe with a backtracking regex)', () => {
  const stars = (n: number) => `${'*a'.repeat(n)}*b`;
  const tenK = 'a'.repeat(10_000);

  it('30 wildcards against 10 kB that does not match, and one that does', () => {
    expect(compileGlob(stars(30))(tenK)).toBe(false);
    expect(compileGlob(stars(30))(`${tenK}b`)).toBe(true);
    expect(compileGlob(`${'?*'.repeat(30)}b`)(tenK)).toBe(false);
    expect(compileGlob(`${'a?'.repeat(15)}${'*a?'.repeat(15)}*c`)(tenK)).toBe(false);
  });

  it('the same inside an ARN resource segment and inside one of the first five segments', () => {
    expect(compileArnGlob(`arn:aws:s3:::${stars(30)}`)(`arn:aws:s3:::${tenK}`)).toBe(false);
    expect(compileArnGlob(`arn:aws:s3:::${stars(30)}`)(`arn:aws:s3:::${tenK}:b`)).toBe(true);
    expect(compileArnGlob(`arn:aws:${stars(30)}:::x`)(`arn:aws:${tenK}:::x`)).toBe(false);
    expect(compileArnGlob(`arn:aws:${stars(30)}:::x`)(`arn:aws:${tenK}b:::x`)).toBe(true);
  });

  it('a 128 kB pattern of wildcards compiles and matches', () => {
    const huge = `${'*a?'.repeat(43_000)}*`;
    expect(compileGlob(huge)(tenK)).toBe(false);
    expect(compileGlob(huge)('a'.repeat(43_000 * 2))).toBe(true);
  });
});
