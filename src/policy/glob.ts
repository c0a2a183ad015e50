/**
 * Wildcard matching for actions, resources, StringLike and ArnLike values.
 *
 * Policy variables can make `*` and `?` literal (`${*}`, `${?}`), and a substituted value must
 * never act as a wildcard, so literal wildcard characters travel through resolution as
 * private-use sentinels and only become plain characters at the end. Matching itself never uses
 * a regex (see glob-pattern.ts): policy text is attacker-controlled and regexes backtrack.
 */

import { compileGlobPattern, type GlobPattern, matchGlobPattern } from './glob-pattern.js';

export const LIT_STAR = '\uE000';
export const LIT_QMARK = '\uE001';
export const LIT_DOLLAR = '\uE002';

const SENTINELS = /[\uE000-\uE002]/g;
const WILD_OR_DOLLAR = /[*?$]/;
const SENTINEL_CHAR: Record<string, string> = { [LIT_STAR]: '*', [LIT_QMARK]: '?', [LIT_DOLLAR]: '$' };

/** Turns sentinels back into the characters they stand for, for exact comparisons. */
export function decodeLiterals(s: string): string {
  return s.includes(LIT_STAR) || s.includes(LIT_QMARK) || s.includes(LIT_DOLLAR)
    ? s.replace(SENTINELS, (c) => SENTINEL_CHAR[c] ?? c)
    : s;
}

/** Makes every `*`, `?` and `$` in a substituted value literal. */
export function encodeLiterals(s: string): string {
  if (!WILD_OR_DOLLAR.test(s)) return s;
  let out = '';
  for (const c of s) out += c === '*' ? LIT_STAR : c === '?' ? LIT_QMARK : c === '$' ? LIT_DOLLAR : c;
  return out;
}

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}

/** Decodes one sentinel code unit for the pattern compiler; other units stand for themselves. */
function decodeUnit(unit: number): number {
  return unit === 0xe000 ? 42 : unit === 0xe001 ? 63 : unit === 0xe002 ? 36 : unit;
}

export type Matcher = (s: string) => boolean;

/**
 * `s.startsWith(prefix)`, written out: V8's builtin costs several times a plain loop here, and
 * compared from the end, policy prefixes that share a long `arn:aws:iam::account:` head part
 * ways at the first character looked at.
 */
export function hasPrefix(s: string, prefix: string, at = 0): boolean {
  const n = prefix.length;
  if (s.length - at < n) return false;
  for (let i = n - 1; i >= 0; i--) if (s.charCodeAt(at + i) !== prefix.charCodeAt(i)) return false;
  return true;
}

const always: Matcher = () => true;

/**
 * A matcher for a glob over the whole string. Exact strings and `prefix*` skip the piece
 * matcher: most policy actions are one of those two shapes.
 */
export function compileGlob(pattern: string): Matcher {
  if (pattern === '*') return always;
  if (!hasWildcard(pattern)) {
    const exact = decodeLiterals(pattern);
    return (s) => s === exact;
  }
  const star = pattern.indexOf('*');
  if (star === pattern.length - 1 && !pattern.includes('?')) {
    const prefix = decodeLiterals(pattern.slice(0, -1));
    return (s) => hasPrefix(s, prefix);
  }
  const g = compileGlobPattern(pattern, decodeUnit);
  return (s) => matchGlobPattern(g, s, 0, s.length);
}

/**
 * AWS matches an ARN segment by segment ("IAM JSON policy elements: Resource": wildcards can't
 * span segments); the sixth segment is the resource and runs to the end, colons included. A
 * pattern with fewer than six segments is read as if the missing ones were `*`, the way AWS
 * normalises short ARNs such as `arn:aws:s3` in its own messages.
 */
export function compileArnGlob(pattern: string): Matcher {
  if (pattern === '*') return always;
  const segments = pattern.split(':');
  while (segments.length < 6) segments.push('*');
  if (!segments.some(hasWildcard)) {
    const exact = decodeLiterals(segments.join(':'));
    return (s) => s === exact;
  }
  // `arn:aws:iam::123456789012:user/team/*` is by far the most common shape: a prefix test.
  const joined = segments.join(':');
  if (!segments.slice(0, 5).some(hasWildcard) && joined.indexOf('*') === joined.length - 1 && !joined.includes('?')) {
    const prefix = decodeLiterals(joined.slice(0, -1));
    return (s) => hasPrefix(s, prefix);
  }
  return arnSegmentMatcher(segments);
}

/** How one span of an ARN pattern matches: anything, exact text, a prefix, or a glob. */
interface Span {
  kind: 'any' | 'exact' | 'prefix' | 'glob';
  text: string;
  glob: GlobPattern | undefined;
}

function compileSpan(pattern: string): Span {
  if (pattern === '*') return { kind: 'any', text: '', glob: undefined };
  if (!hasWildcard(pattern)) return { kind: 'exact', text: decodeLiterals(pattern), glob: undefined };
  if (pattern.indexOf('*') === pattern.length - 1 && !pattern.includes('?'))
    return { kind: 'prefix', text: decodeLiterals(pattern.slice(0, -1)), glob: undefined };
  return { kind: 'glob', text: '', glob: compileGlobPattern(pattern, decodeUnit) };
}

const COLON = 58;

/**
 * Wildcards in the first five segments cannot cross `:`, so the subject's first five colons line
 * up with the pattern's: each segment is matched on its own span, the sixth to the end. The
 * literal segments before the first wildcard (`arn:aws:s3:`) are one prefix test.
 */
function arnSegmentMatcher(segments: string[]): Matcher {
  let lead = 0;
  while (lead < 5 && !hasWildcard(segments[lead]!)) lead++;
  const head = lead === 0 ? '' : `${decodeLiterals(segments.slice(0, lead).join(':'))}:`;
  const spans = segments.slice(lead, 5).map(compileSpan);
  const rest = compileSpan(segments.slice(5).join(':'));
  return (s) => {
    if (!hasPrefix(s, head)) return false;
    let from = head.length;
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i]!;
      if (span.kind === 'exact') {
        // No search for the colon: it must sit right after the text.
        const end = from + span.text.length;
        if (s.charCodeAt(end) !== COLON || !hasPrefix(s, span.text, from)) return false;
        from = end + 1;
        continue;
      }
      const colon = s.indexOf(':', from);
      if (colon < 0) return false;
      if (
        span.kind === 'prefix'
          ? !hasPrefix(s, span.text, from) || from + span.text.length > colon
          : span.kind === 'glob' && !matchGlobPattern(span.glob!, s, from, colon)
      )
        return false;
      from = colon + 1;
    }
    switch (rest.kind) {
      case 'any':
        return true;
      case 'exact':
        return s.length - from === rest.text.length && hasPrefix(s, rest.text, from);
      case 'prefix':
        return hasPrefix(s, rest.text, from);
      default:
        return matchGlobPattern(rest.glob!, s, from, s.length);
    }
  };
}
