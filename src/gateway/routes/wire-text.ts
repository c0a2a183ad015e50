import type { RequestHead } from '../../wire/routing/types.js';

export function headerOf(head: RequestHead, name: string): string | undefined {
  for (const [k, v] of head.headers) if (k.length === name.length && k.toLowerCase() === name) return v;
  return undefined;
}

/** Percent-decoding that keeps a malformed escape as written (the backend judges it). */
export function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A query string's parameters, decoded as AWS reads a URI (`+` stays a plus; SDKs send a space as
 * `%20`), first value of each name kept.
 */
export function queryParams(rawQuery: string): Map<string, string> {
  const out = new Map<string, string>();
  if (rawQuery === '') return out;
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodePercent(eq < 0 ? pair : pair.slice(0, eq));
    if (!out.has(name)) out.set(name, eq < 0 ? '' : decodePercent(pair.slice(eq + 1)));
  }
  return out;
}
