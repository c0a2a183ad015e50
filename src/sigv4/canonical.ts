import { hash } from 'node:crypto';
import { canonicalQueryComponent, canonicalUri, percentDecodeToString, splitQuery } from './encoding.js';
import { collectHeaders, headerValue, trimAll } from './headers.js';
import { ALGORITHM, QUERY_PARAMS, SCOPE_TERMINATOR } from './parse-authorization.js';
import type { IncomingSignedRequest, ParsedAuthorization, SignedRequestHead } from './types.js';

/** Options for {@link canonicalRequest}. */
export interface CanonicalRequestOptions {
  /** Remove `.`/`..`/empty path segments before encoding (default true; S3 would use false). */
  normalizePath?: boolean;
  /**
   * Leave `X-Amz-Security-Token` out of the canonical query, for presigners that append the token
   * after signing (aws-c-auth `omit_session_token`). Only meaningful for query auth.
   */
  omitQuerySecurityToken?: boolean;
}

/** Hex SHA-256 of a UTF-8 string or bytes (one-shot: no Hash object per call). */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

/** `YYYYMMDD/region/service/aws4_request`. */
export function credentialScope(scopeDate: string, region: string, service: string): string {
  return `${scopeDate}/${region}/${service}/${SCOPE_TERMINATOR}`;
}

/**
 * Canonical query string: every pair decoded then strictly re-encoded, sorted by encoded name and
 * then value. `exclude` names (decoded) are dropped, e.g. X-Amz-Signature for presigned requests.
 */
export function canonicalQueryString(rawQuery: string, exclude?: ReadonlySet<string>): string {
  if (rawQuery === '') return '';
  const pairs: Array<[string, string]> = [];
  for (const { name, value } of splitQuery(rawQuery)) {
    if (exclude && exclude.size > 0 && exclude.has(percentDecodeToString(name))) continue;
    pairs.push([canonicalQueryComponent(name), canonicalQueryComponent(value)]);
  }
  // Encoded strings are pure ASCII, so UTF-16 comparison equals the byte order SigV4 specifies.
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}

/**
 * Canonical headers block (each `name:value\n`) for the signed headers, in the order listed.
 * Repeated headers are joined with `,` in received order; a listed but absent header is empty.
 */
export function canonicalHeaders(
  headers: ReadonlyArray<readonly [string, string]>,
  signedHeaders: readonly string[],
): string {
  // Real requests carry about ten headers and sign about seven: a nested scan costs less than a Set
  // and a Map. The bound keeps a hostile request with thousands of names on the linear path.
  if (headers.length * signedHeaders.length > NESTED_SCAN_LIMIT) return canonicalHeadersLarge(headers, signedHeaders);
  const joined = new Array<string | undefined>(signedHeaders.length);
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    for (let i = 0; i < signedHeaders.length; i++) {
      if (signedHeaders[i] !== lower) continue;
      const prior = joined[i];
      joined[i] = prior === undefined ? trimAll(value) : `${prior},${trimAll(value)}`;
    }
  }
  let out = '';
  for (let i = 0; i < signedHeaders.length; i++) out += `${signedHeaders[i]}:${joined[i] ?? ''}\n`;
  return out;
}

const NESTED_SCAN_LIMIT = 1024;

function canonicalHeadersLarge(
  headers: ReadonlyArray<readonly [string, string]>,
  signedHeaders: readonly string[],
): string {
  const values = collectHeaders(headers, new Set(signedHeaders));
  let out = '';
  for (const name of signedHeaders) {
    const list = values.get(name) ?? [];
    out += `${name}:${list.map(trimAll).join(',')}\n`;
  }
  return out;
}

/**
 * Payload hash for the canonical request: a signed `x-amz-content-sha256` header wins (that is what
 * the client hashed into its signature); otherwise the hash of the body actually received.
 */
export function canonicalPayloadHash(req: IncomingSignedRequest, auth: ParsedAuthorization): string {
  if (auth.signedHeaders.includes('x-amz-content-sha256')) {
    const declared = headerValue(req.headers, 'x-amz-content-sha256');
    if (declared !== undefined) return declared.trim();
  }
  return req.payloadSha256Hex;
}

const EXCLUDE_SIGNATURE: ReadonlySet<string> = new Set([QUERY_PARAMS.signature]);
const EXCLUDE_SIGNATURE_AND_TOKEN: ReadonlySet<string> = new Set([QUERY_PARAMS.signature, QUERY_PARAMS.securityToken]);

/** The SigV4 canonical request text (non-S3 rules) for a received request. */
export function canonicalRequest(
  req: IncomingSignedRequest,
  auth: ParsedAuthorization,
  opts?: CanonicalRequestOptions,
): string {
  const uri = canonicalUri(req.rawPath, opts?.normalizePath ?? true);
  return canonicalRequestWith(req, auth, uri, canonicalPayloadHash(req, auth), opts?.omitQuerySecurityToken);
}

/**
 * The canonical request with the canonical URI and payload hash given: S3 encodes the path its own
 * way and takes the payload hash from `x-amz-content-sha256` (or UNSIGNED-PAYLOAD), never the body.
 */
export function canonicalRequestWith(
  req: SignedRequestHead,
  auth: ParsedAuthorization,
  uri: string,
  payloadHash: string,
  omitQuerySecurityToken?: boolean,
): string {
  const exclude =
    auth.kind === 'query' ? (omitQuerySecurityToken ? EXCLUDE_SIGNATURE_AND_TOKEN : EXCLUDE_SIGNATURE) : undefined;
  const query = canonicalQueryString(req.rawQuery, exclude);
  const headers = canonicalHeaders(req.headers, auth.signedHeaders);
  return `${req.method}\n${uri}\n${query}\n${headers}\n${auth.signedHeaders.join(';')}\n${payloadHash}`;
}

/** The SigV4 string to sign for a canonical request. */
export function stringToSign(auth: ParsedAuthorization, canonicalRequestText: string): string {
  const scope = credentialScope(auth.scopeDate, auth.region, auth.service);
  return `${ALGORITHM}\n${auth.amzDate}\n${scope}\n${sha256Hex(canonicalRequestText)}`;
}
