/**
 * SigV4 URI encoding (RFC 3986: only A-Z a-z 0-9 - . _ ~ stay literal, everything else is %XX of
 * its UTF-8 bytes, hex uppercase). Works on bytes so malformed escapes and odd UTF-8 cannot throw.
 */

const HEX = '0123456789ABCDEF';

const UNRESERVED = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9\-._~]/.test(ch)) UNRESERVED[c] = 1;
}
const SLASH = 0x2f;

function isAsciiOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function encodeAscii(s: string, keepSlash: boolean): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (UNRESERVED[c] === 1 || (keepSlash && c === SLASH)) continue;
    out += s.slice(runStart, i) + '%' + HEX[c >> 4] + HEX[c & 15];
    runStart = i + 1;
  }
  return runStart === 0 ? s : out + s.slice(runStart);
}

function encodeBytes(bytes: Uint8Array, keepSlash: boolean): string {
  let out = '';
  for (const b of bytes) {
    if ((b < 128 && UNRESERVED[b] === 1) || (keepSlash && b === SLASH)) out += String.fromCharCode(b);
    else out += '%' + HEX[b >> 4] + HEX[b & 15];
  }
  return out;
}

/** URI-encodes `s` (as UTF-8); `/` is kept literal when `keepSlash` (path segments). */
export function uriEncode(s: string, keepSlash = false): string {
  return isAsciiOnly(s) ? encodeAscii(s, keepSlash) : encodeBytes(Buffer.from(s, 'utf8'), keepSlash);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * Percent-decodes to bytes; a `%` that does not start a valid escape stays a literal `%`, so
 * re-encoding never fails. `+` stays `+` (RFC 3986) unless `plusIsSpace`: query strings are read as
 * forms, `+` meaning a space, by Ward's decoder as by AWS, so the canonical form must read them so too.
 */
export function percentDecode(s: string, plusIsSpace = false): Uint8Array {
  const src = Buffer.from(s, 'utf8');
  const out = Buffer.allocUnsafe(src.length);
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    const b = src[i] as number;
    if (b === 0x2b && plusIsSpace) {
      out[n++] = 0x20;
      continue;
    }
    if (b === 0x25 && i + 2 < src.length) {
      const hi = hexValue(src[i + 1] as number);
      const lo = hexValue(src[i + 2] as number);
      if (hi >= 0 && lo >= 0) {
        out[n++] = (hi << 4) | lo;
        i += 2;
        continue;
      }
    }
    out[n++] = b;
  }
  return out.subarray(0, n);
}

/**
 * A query name or value decoded as a string, `+` as a space (for reading X-Amz-* query
 * parameters): the same reading as URLSearchParams, which decodes the operation's parameters.
 */
export function percentDecodeToString(s: string): string {
  return s.includes('%') || s.includes('+') ? Buffer.from(percentDecode(s, true)).toString('utf8') : s;
}

/**
 * Canonical form of one query name or value: decode what the client sent (`+` as a space), then
 * encode strictly. Reading `+` as anything else would let one signature cover two values: `a%2Bb`
 * and `a+b` would canonicalize alike while the decoder reads `a+b` and `a b`.
 */
export function canonicalQueryComponent(raw: string): string {
  if (!raw.includes('%') && !raw.includes('+') && isAsciiOnly(raw)) return encodeAscii(raw, false);
  return encodeBytes(percentDecode(raw, true), false);
}

/**
 * A flat copy of `s`. A slice can keep the whole string it was cut from alive (V8 sliced strings),
 * so long-lived cache keys cut from a request header are copied.
 */
export function detachedCopy(s: string): string {
  return s.split('').join('');
}

/** One `name=value` pair of a raw query string, still in wire form. */
export interface RawQueryPair {
  name: string;
  value: string;
}

/** Splits a raw query string into pairs; empty segments (`a=1&&b=2`) are dropped. */
export function splitQuery(rawQuery: string): RawQueryPair[] {
  const pairs: RawQueryPair[] = [];
  if (rawQuery === '') return pairs;
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    pairs.push(eq < 0 ? { name: part, value: '' } : { name: part.slice(0, eq), value: part.slice(eq + 1) });
  }
  return pairs;
}

/**
 * Removes `.`/`..` segments and empty segments, keeping a leading and (for non-root) trailing slash.
 * Same rules as the AWS SDKs (smithy `getCanonicalPath`), which is what clients sign with.
 */
export function normalizePath(path: string): string {
  const segments: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  const lead = path.startsWith('/') ? '/' : '';
  const trail = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return lead + segments.join('/') + trail;
}

/**
 * Canonical URI for non-S3 services: the wire path (already encoded once by the client) is
 * encoded again, which is AWS's "double encoding"; `%20` on the wire becomes `%2520`.
 */
export function canonicalUri(rawPath: string, normalize: boolean): string {
  if (rawPath === '/') return rawPath; // every IAM/STS Query request
  const path = normalize ? normalizePath(rawPath) : rawPath;
  if (path === '') return '/';
  return uriEncode(path, true);
}

/**
 * Canonical URI for S3: no normalization and no second encoding. The path is read once (decoded) and
 * strictly encoded, which is what the SDKs sign (they encode the key once, RFC 3986, `/` kept), and
 * makes `%7E` and `~` (or `%2b` and `%2B`) the same path, as they are the same key.
 */
export function s3CanonicalUri(rawPath: string): string {
  if (rawPath === '' || rawPath === '/') return '/';
  if (!rawPath.includes('%') && isAsciiOnly(rawPath)) return encodeAscii(rawPath, true);
  return encodeBytes(percentDecode(rawPath), true);
}
