/** Header helpers shared by parsing, canonicalization and signing. */

type HeaderList = ReadonlyArray<readonly [string, string]>;

/** Case-insensitive name match; clients mostly send lowercase names, so that case skips toLowerCase. */
function isHeader(name: string, lowerName: string): boolean {
  return name.length === lowerName.length && (name === lowerName || name.toLowerCase() === lowerName);
}

/** Every value of header `lowerName` (case-insensitive match), in received order. */
export function headerValues(headers: HeaderList, lowerName: string): string[] {
  const out: string[] = [];
  for (const [name, value] of headers) {
    if (isHeader(name, lowerName)) out.push(value);
  }
  return out;
}

/** The single value of a header; repeated headers are joined with `,` as HTTP permits. */
export function headerValue(headers: HeaderList, lowerName: string): string | undefined {
  let out: string | undefined;
  for (const [name, value] of headers) {
    if (isHeader(name, lowerName)) out = out === undefined ? value : `${out},${value}`;
  }
  return out;
}

/**
 * SigV4 "trimall": strip surrounding whitespace and collapse inner runs (including obs-fold line
 * breaks) to one space, as the AWS SDKs do.
 */
export function trimAll(value: string): string {
  return TRIMMED_ALL.test(value) ? value : value.trim().replace(/\s+/g, ' ');
}

// Visible ASCII words with lone spaces between them (nearly every real value) are already trimmed;
// a regex checks that faster than a charCodeAt loop.
const TRIMMED_ALL = /^(?:[!-~]+(?: [!-~]+)*)?$/;

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
