/** Header helpers shared by parsing, canonicalization and signing. */

type HeaderList = ReadonlyArray<readonly [string, string]>;

/** Every value of header `lowerName` (case-insensitive match), in received order. */
export function headerValues(headers: HeaderList, lowerName: string): string[] {
  const out: string[] = [];
  for (const [name, value] of headers) {
    if (name.length === lowerName.length && name.toLowerCase() === lowerName) out.push(value);
  }
  return out;
}

/** The single value of a header; repeated headers are joined with `,` as HTTP permits. */
export function headerValue(headers: HeaderList, lowerName: string): string | undefined {
  const values = headerValues(headers, lowerName);
  return values.length === 0 ? undefined : values.join(',');
}

/**
 * SigV4 "trimall": strip surrounding whitespace and collapse inner runs (including obs-fold line
 * breaks) to one space, as the AWS SDKs do.
 */
export function trimAll(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/** Lowercase name → values in received order, for the names in `wanted` only. */
export function collectHeaders(headers: HeaderList, wanted: ReadonlySet<string>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (!wanted.has(lower)) continue;
    const list = map.get(lower);
    if (list) list.push(value);
    else map.set(lower, [value]);
  }
  return map;
}
