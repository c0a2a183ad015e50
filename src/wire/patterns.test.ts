import { describe, expect, it } from 'vitest';
import { loadModel } from './model.js';
import type { ServiceName } from './model.js';
import { compilePattern, matchesPattern } from './patterns.js';

describe('patterns', () => {
  it('match the whole string, like Java matches()', () => {
    expect(matchesPattern('[\\w+=,.@-]+', 'bob')).toBe(true);
    expect(matchesPattern('[\\w+=,.@-]+', 'bob!')).toBe(false);
    expect(matchesPattern('[\\w+=,.@-]+', 'ok bob')).toBe(false);
    // Alternations are anchored as a whole, not just their first and last branch.
    expect(matchesPattern('^(r-[0-9a-z]{4,32})|(\\d{12})$', 'r-abcd-and-more')).toBe(false);
    expect(matchesPattern('^(r-[0-9a-z]{4,32})|(\\d{12})$', '123456789012')).toBe(true);
  });

  it('understand Unicode property classes', () => {
    const tagValue = '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*';
    expect(matchesPattern(tagValue, 'Grüße 123 日本')).toBe(true);
    expect(matchesPattern(tagValue, 'a<b')).toBe(false);
  });

  it('compile, with or without the u flag, for every pattern in the four models', () => {
    const services: ServiceName[] = ['iam', 'sts', 'organizations', 'account'];
    const failed = services.flatMap((s) =>
      Object.values(loadModel(s).shapes)
        .map((shape) => shape.pattern)
        .filter((p): p is string => p !== undefined && compilePattern(p) === null),
    );
    expect(failed).toEqual([]);
  });

  it('skip patterns JS cannot compile instead of throwing', () => {
    expect(compilePattern('[a-z&&[^b]]++(?<')).toBeNull();
    expect(matchesPattern('[a-z&&[^b]]++(?<', 'anything')).toBe(true);
  });
});
