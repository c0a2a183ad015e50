/**
 * AWS models carry Java regular expressions that the service applies with `Matcher.matches()`,
 * i.e. against the whole string. We compile each once, anchored, and cache the result.
 */

const compiled = new Map<string, RegExp | null>();

function tryCompile(source: string, flags: string): RegExp | null {
  try {
    return new RegExp(source, flags);
  } catch {
    return null;
  }
}

/**
 * The JS equivalent of a model pattern, anchored to the whole string, or null when JS cannot
 * express it (then the constraint is skipped rather than rejecting valid input or crashing).
 */
export function compilePattern(pattern: string): RegExp | null {
  let re = compiled.get(pattern);
  if (re === undefined) {
    const anchored = `^(?:${pattern})$`;
    // Unicode mode first: it is needed for \p{L} and matches Java in treating surrogate pairs as one
    // code point. It rejects identity escapes Java allows (`\:` or `\-` outside a class), hence the retry.
    re = tryCompile(anchored, 'u') ?? tryCompile(anchored, '');
    compiled.set(pattern, re);
  }
  return re;
}

/** Whether `value` satisfies the model pattern; true when the pattern cannot be compiled. */
export function matchesPattern(pattern: string, value: string): boolean {
  const re = compilePattern(pattern);
  return re === null || re.test(value);
}
