import { createHash } from 'node:crypto';
import { httpDateToAmzDate, parseAmzDate } from './amz-date.js';
import { detachedCopy, percentDecodeToString, splitQuery } from './encoding.js';
import { incompleteSignature, missingAuthenticationToken, signatureDoesNotMatch } from './errors.js';
import { headerValue, headerValues } from './headers.js';
import type { AuthFailure, ParsedAuthorization, SignedRequestHead } from './types.js';

/** The only algorithm this module verifies (SigV4a / ECDSA is out of scope). */
export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** Last element of every SigV4 credential scope. */
export const SCOPE_TERMINATOR = 'aws4_request';
/** Longest presigned lifetime SigV4 allows: seven days. */
export const MAX_EXPIRES_SECONDS = 604_800;

/** Outcome of {@link parseAuthorization}. */
export type ParseAuthorizationResult = { ok: true; auth: ParsedAuthorization } | AuthFailure;

/** Query parameters that carry presigned-URL authentication. */
export const QUERY_PARAMS = {
  algorithm: 'X-Amz-Algorithm',
  credential: 'X-Amz-Credential',
  date: 'X-Amz-Date',
  signedHeaders: 'X-Amz-SignedHeaders',
  signature: 'X-Amz-Signature',
  expires: 'X-Amz-Expires',
  securityToken: 'X-Amz-Security-Token',
} as const;

/**
 * Extracts SigV4 authentication from the Authorization header or presigned query parameters.
 * Only checks shape; time, scope-date consistency and the signature are {@link verifySignature}'s job.
 */
export function parseAuthorization(req: SignedRequestHead, opts?: ParseOptions): ParseAuthorizationResult {
  const authHeaders = headerValues(req.headers, 'authorization');
  const query = req.rawQuery === '' ? NO_QUERY : decodedQueryParams(req.rawQuery);
  const hasQueryAuth = query.has(QUERY_PARAMS.algorithm);
  if (authHeaders.length === 0 && !hasQueryAuth) return missingAuthenticationToken();
  if (authHeaders.length > 0 && hasQueryAuth) {
    return incompleteSignature(
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified',
    );
  }
  if (authHeaders.length > 1) return incompleteSignature('Only one Authorization header is allowed.');
  const authHeader = authHeaders[0];
  const checkAmz = opts?.requireSignedAmzHeaders ?? true;
  return authHeader === undefined ? parseQueryAuth(req, query, checkAmz) : parseHeaderAuth(req, authHeader, checkAmz);
}

/** Options for {@link parseAuthorization}. */
export interface ParseOptions {
  /**
   * Refuse an unsigned `x-amz-*` header (default true, with IAM's wording). S3 lists every such
   * header in its own error instead, so its verifier turns this off and checks them itself.
   */
  requireSignedAmzHeaders?: boolean;
}

const NO_QUERY: ReadonlyMap<string, string> = new Map();

/** The three parameters of an Authorization header; absent or empty ones are falsy. */
interface HeaderParams {
  credential: string | undefined;
  signedHeaders: string | undefined;
  signature: string | undefined;
}

function parseHeaderAuth(req: SignedRequestHead, value: string, checkAmz: boolean): ParseAuthorizationResult {
  const params = standardHeaderParams(value) ?? anyHeaderParams(value);
  if ('ok' in params) return params;
  const { credential, signature, signedHeaders } = params;
  const amzDateHeader = headerValue(req.headers, 'x-amz-date');
  const dateHeader = amzDateHeader === undefined ? headerValue(req.headers, 'date') : undefined;

  if (!credential || !signature || !signedHeaders || (amzDateHeader === undefined && dateHeader === undefined)) {
    const problems: string[] = [];
    if (!credential) problems.push("Authorization header requires 'Credential' parameter.");
    if (!signature) problems.push("Authorization header requires 'Signature' parameter.");
    if (!signedHeaders) problems.push("Authorization header requires 'SignedHeaders' parameter.");
    if (amzDateHeader === undefined && dateHeader === undefined) {
      problems.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }
    return incompleteSignature(`${problems.join(' ')} Authorization=${value}`);
  }

  const amzDate = amzDateHeader !== undefined ? checkAmzDate(amzDateHeader.trim()) : checkHttpDate(dateHeader ?? '');
  if (typeof amzDate !== 'string') return amzDate;

  const token = headerValue(req.headers, 'x-amz-security-token');
  return finish(
    req.headers,
    'header',
    credential,
    signedHeaders,
    signature,
    amzDate,
    token?.trim(),
    undefined,
    checkAmz,
  );
}

const STANDARD_PREFIX = `${ALGORITHM} Credential=`;
const SIGNED_HEADERS_PART = ', SignedHeaders=';
const SIGNATURE_PART = ', Signature=';

/**
 * The exact form every SDK sends, read without a regex, Map or split. Commas may only open the
 * next part and each value must begin and end with visible ASCII, so the general parser would read
 * the very same three values; anything else is left to it.
 */
function standardHeaderParams(value: string): HeaderParams | undefined {
  if (!value.startsWith(STANDARD_PREFIX)) return undefined;
  const signedAt = value.indexOf(',', STANDARD_PREFIX.length);
  if (signedAt < 0 || !value.startsWith(SIGNED_HEADERS_PART, signedAt)) return undefined;
  const signatureAt = value.indexOf(',', signedAt + 1);
  if (signatureAt < 0 || !value.startsWith(SIGNATURE_PART, signatureAt) || value.includes(',', signatureAt + 1)) {
    return undefined;
  }
  const credential = value.slice(STANDARD_PREFIX.length, signedAt);
  const signedHeaders = value.slice(signedAt + SIGNED_HEADERS_PART.length, signatureAt);
  const signature = value.slice(signatureAt + SIGNATURE_PART.length);
  if (!hasVisibleEnds(credential) || !hasVisibleEnds(signedHeaders) || !hasVisibleEnds(signature)) return undefined;
  return { credential, signedHeaders, signature };
}

/** Non-empty, and trim() would leave it as is. */
function hasVisibleEnds(s: string): boolean {
  return s.length > 0 && isVisibleAscii(s.charCodeAt(0)) && isVisibleAscii(s.charCodeAt(s.length - 1));
}

function isVisibleAscii(c: number): boolean {
  return c > 0x20 && c < 0x7f;
}

function anyHeaderParams(value: string): HeaderParams | AuthFailure {
  const trimmed = value.trim();
  const space = trimmed.search(/\s/);
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== ALGORITHM) return incompleteSignature(`Unsupported AWS 'algorithm': '${algorithm}'`);

  const params = new Map<string, string>();
  for (const part of (space < 0 ? '' : trimmed.slice(space + 1)).split(',')) {
    const p = part.trim();
    if (p === '') continue;
    const eq = p.indexOf('=');
    if (eq < 0) {
      // AWS hashes rather than echoes the header here, so a mangled header cannot leak into logs verbatim.
      const digest = createHash('sha256').update(value, 'utf8').digest('base64');
      return incompleteSignature(
        `Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '${digest}'.`,
      );
    }
    const key = p.slice(0, eq).trim();
    if (!params.has(key)) params.set(key, p.slice(eq + 1).trim());
  }
  return {
    credential: params.get('Credential'),
    signedHeaders: params.get('SignedHeaders'),
    signature: params.get('Signature'),
  };
}

function parseQueryAuth(
  req: SignedRequestHead,
  query: ReadonlyMap<string, string>,
  checkAmz: boolean,
): ParseAuthorizationResult {
  const required = [
    QUERY_PARAMS.algorithm,
    QUERY_PARAMS.credential,
    QUERY_PARAMS.signature,
    QUERY_PARAMS.signedHeaders,
    QUERY_PARAMS.date,
  ];
  const missing = required.filter((name) => !query.get(name));
  if (missing.length > 0) {
    const sentences = missing.map((name) => `AWS query-string parameters must include '${name}'.`);
    return incompleteSignature(`${sentences.join(' ')} Re-examine the query-string parameters.`);
  }
  const get = (name: string): string => query.get(name) ?? '';

  const algorithm = get(QUERY_PARAMS.algorithm);
  if (algorithm !== ALGORITHM) return incompleteSignature(`Unsupported AWS 'algorithm': '${algorithm}'`);

  const amzDate = checkAmzDate(get(QUERY_PARAMS.date));
  if (typeof amzDate !== 'string') return amzDate;

  let expiresSeconds: number | undefined;
  const expires = query.get(QUERY_PARAMS.expires);
  if (expires !== undefined) {
    const parsed = parseExpires(expires);
    if (typeof parsed !== 'number') return parsed;
    expiresSeconds = parsed;
  }

  // A token sent as a header still identifies the session when the URL itself does not carry one.
  const token = query.get(QUERY_PARAMS.securityToken) ?? headerValue(req.headers, 'x-amz-security-token')?.trim();
  return finish(
    req.headers,
    'query',
    get(QUERY_PARAMS.credential),
    get(QUERY_PARAMS.signedHeaders),
    get(QUERY_PARAMS.signature),
    amzDate,
    token,
    expiresSeconds,
    checkAmz,
  );
}

function finish(
  headers: SignedRequestHead['headers'],
  kind: 'header' | 'query',
  credential: string,
  signedHeadersText: string,
  signature: string,
  amzDate: string,
  securityToken: string | undefined,
  expiresSeconds: number | undefined,
  checkAmz: boolean,
): ParseAuthorizationResult {
  const parts = credentialElements(credential);
  if (parts === undefined) {
    return incompleteSignature(
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    );
  }
  const [accessKeyId, scopeDate, region, service, terminator] = parts;
  if (terminator !== SCOPE_TERMINATOR) {
    return incompleteSignature(
      `Credential should be scoped with a valid terminator: '${SCOPE_TERMINATOR}', not '${terminator}'. `,
    );
  }
  if (region === '') return incompleteSignature("Credential should be scoped to a valid region, not ''. ");

  const signedHeaders = signedHeaderList(signedHeadersText);
  // Without host the signature could be replayed against another endpoint; AWS refuses it outright.
  if (!signedHeaders.includes('host')) {
    return incompleteSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  const unsigned = checkAmz ? unsignedAmzHeader(headers, signedHeaders) : undefined;
  if (unsigned !== undefined)
    return signatureDoesNotMatch(`'${unsigned}' must be a 'SignedHeader' in the AWS Authorization.`);

  const auth: ParsedAuthorization = {
    kind,
    accessKeyId,
    scopeDate,
    region,
    service,
    signedHeaders,
    signature,
    amzDate,
  };
  if (securityToken !== undefined && securityToken !== '') auth.securityToken = securityToken;
  if (expiresSeconds !== undefined) auth.expiresSeconds = expiresSeconds;
  return { ok: true, auth };
}

/**
 * The first `x-amz-*` header the signature does not cover, as received. X-Amz-Target picks the
 * operation: left unsigned, a captured request could be replayed as another call. AWS answers
 * "'<header>' must be a 'SignedHeader' in the AWS Authorization." for such a header. The session
 * token is the one exception AWS documents ("post-sts-header-after" in its SigV4 test suite: some
 * services take it added after signing); it is bound to the signed access key, so it selects nothing.
 */
function unsignedAmzHeader(
  headers: SignedRequestHead['headers'],
  signedHeaders: readonly string[],
): string | undefined {
  for (const [name] of headers) {
    // Cheap first-byte test: nearly every header fails it, so the lower-casing below is rare.
    const c = name.charCodeAt(0);
    if ((c !== 0x78 && c !== 0x58) || name.length < 6) continue;
    const lower = name.toLowerCase();
    if (lower.startsWith('x-amz-') && lower !== 'x-amz-security-token' && !signedHeaders.includes(lower)) return name;
  }
  return undefined;
}

/** `keyid/date/region/service/term` split at its slashes (String.split costs more), if exactly five. */
function credentialElements(credential: string): [string, string, string, string, string] | undefined {
  const a = credential.indexOf('/');
  const b = a < 0 ? -1 : credential.indexOf('/', a + 1);
  const c = b < 0 ? -1 : credential.indexOf('/', b + 1);
  const d = c < 0 ? -1 : credential.indexOf('/', c + 1);
  if (d < 0 || credential.includes('/', d + 1)) return undefined;
  return [
    credential.slice(0, a),
    credential.slice(a + 1, b),
    credential.slice(b + 1, c),
    credential.slice(c + 1, d),
    credential.slice(d + 1),
  ];
}

// A client sends the same SignedHeaders on every request, so its split, trimmed, lowercased form is
// remembered (bounded: a hostile client only ever clears the memo).
const signedHeaderLists = new Map<string, readonly string[]>();
const MEMO_MAX_ENTRIES = 256;
const MEMO_MAX_TEXT_LENGTH = 1024;
// The last text seen answers without hashing it for the Map.
let lastText = '';
let lastList: readonly string[] = [''];

/** Signed header names as listed, trimmed and lowercased; a fresh array the caller owns. */
function signedHeaderList(text: string): string[] {
  if (text === lastText) return lastList.slice();
  const known = signedHeaderLists.get(text);
  if (known !== undefined) {
    lastText = text;
    lastList = known;
    return known.slice();
  }
  const list = text.split(';').map((h) => h.trim().toLowerCase());
  if (text.length <= MEMO_MAX_TEXT_LENGTH) {
    if (signedHeaderLists.size >= MEMO_MAX_ENTRIES) signedHeaderLists.clear();
    signedHeaderLists.set(detachedCopy(text), list.slice());
  }
  return list;
}

function checkAmzDate(value: string): string | AuthFailure {
  if (parseAmzDate(value) !== undefined) return value;
  return incompleteSignature(
    `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`,
  );
}

function checkHttpDate(value: string): string | AuthFailure {
  const amz = httpDateToAmzDate(value);
  if (amz !== undefined) return amz;
  return incompleteSignature(`Date must be in ISO-8601 'basic format' or RFC 7231 IMF-fixdate. Got '${value.trim()}'.`);
}

function parseExpires(value: string): number | AuthFailure {
  if (/^-\d+$/.test(value)) return incompleteSignature('X-Amz-Expires must be non-negative');
  if (!/^\d{1,10}$/.test(value)) return incompleteSignature('X-Amz-Expires should be a number');
  const n = Number(value);
  if (n === 0) return incompleteSignature('X-Amz-Expires must be greater than 0');
  if (n > MAX_EXPIRES_SECONDS) {
    return incompleteSignature(`X-Amz-Expires must be less than a week (in seconds) that is ${MAX_EXPIRES_SECONDS}`);
  }
  return n;
}

/** Decoded query parameters, first occurrence of each name winning. */
function decodedQueryParams(rawQuery: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const { name, value } of splitQuery(rawQuery)) {
    const key = percentDecodeToString(name);
    if (!map.has(key)) map.set(key, percentDecodeToString(value));
  }
  return map;
}
