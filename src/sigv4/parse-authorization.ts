import { createHash } from 'node:crypto';
import { httpDateToAmzDate, parseAmzDate } from './amz-date.js';
import { percentDecodeToString, splitQuery } from './encoding.js';
import { incompleteSignature, missingAuthenticationToken } from './errors.js';
import { headerValue, headerValues } from './headers.js';
import type { AuthFailure, IncomingSignedRequest, ParsedAuthorization } from './types.js';

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
export function parseAuthorization(req: IncomingSignedRequest): ParseAuthorizationResult {
  const authHeaders = headerValues(req.headers, 'authorization');
  const query = decodedQueryParams(req.rawQuery);
  const hasQueryAuth = query.has(QUERY_PARAMS.algorithm);
  if (authHeaders.length === 0 && !hasQueryAuth) return missingAuthenticationToken();
  if (authHeaders.length > 0 && hasQueryAuth) {
    return incompleteSignature(
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified',
    );
  }
  if (authHeaders.length > 1) return incompleteSignature('Only one Authorization header is allowed.');
  const authHeader = authHeaders[0];
  return authHeader === undefined ? parseQueryAuth(req, query) : parseHeaderAuth(req, authHeader);
}

function parseHeaderAuth(req: IncomingSignedRequest, value: string): ParseAuthorizationResult {
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

  const credential = params.get('Credential');
  const signature = params.get('Signature');
  const signedHeaders = params.get('SignedHeaders');
  const amzDateHeader = headerValue(req.headers, 'x-amz-date');
  const dateHeader = headerValue(req.headers, 'date');

  const problems: string[] = [];
  if (!credential) problems.push("Authorization header requires 'Credential' parameter.");
  if (!signature) problems.push("Authorization header requires 'Signature' parameter.");
  if (!signedHeaders) problems.push("Authorization header requires 'SignedHeaders' parameter.");
  if (amzDateHeader === undefined && dateHeader === undefined) {
    problems.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  if (!credential || !signature || !signedHeaders || problems.length > 0) {
    return incompleteSignature(`${problems.join(' ')} Authorization=${value}`);
  }

  const amzDate = amzDateHeader !== undefined ? checkAmzDate(amzDateHeader.trim()) : checkHttpDate(dateHeader ?? '');
  if (typeof amzDate !== 'string') return amzDate;

  const token = headerValue(req.headers, 'x-amz-security-token');
  return finish('header', credential, signedHeaders, signature, amzDate, token?.trim(), undefined);
}

function parseQueryAuth(req: IncomingSignedRequest, query: Map<string, string>): ParseAuthorizationResult {
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
    'query',
    get(QUERY_PARAMS.credential),
    get(QUERY_PARAMS.signedHeaders),
    get(QUERY_PARAMS.signature),
    amzDate,
    token,
    expiresSeconds,
  );
}

function finish(
  kind: 'header' | 'query',
  credential: string,
  signedHeadersText: string,
  signature: string,
  amzDate: string,
  securityToken: string | undefined,
  expiresSeconds: number | undefined,
): ParseAuthorizationResult {
  const parts = credential.split('/');
  if (parts.length !== 5) {
    return incompleteSignature(
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    );
  }
  const [accessKeyId, scopeDate, region, service, terminator] = parts as [string, string, string, string, string];
  if (terminator !== SCOPE_TERMINATOR) {
    return incompleteSignature(
      `Credential should be scoped with a valid terminator: '${SCOPE_TERMINATOR}', not '${terminator}'. `,
    );
  }
  if (region === '') return incompleteSignature("Credential should be scoped to a valid region, not ''. ");

  const signedHeaders = signedHeadersText.split(';').map((h) => h.trim().toLowerCase());
  // Without host the signature could be replayed against another endpoint; AWS refuses it outright.
  if (!signedHeaders.includes('host')) {
    return incompleteSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  const auth: ParsedAuthorization = { kind, accessKeyId, scopeDate, region, service, signedHeaders, signature, amzDate };
  if (securityToken !== undefined && securityToken !== '') auth.securityToken = securityToken;
  if (expiresSeconds !== undefined) auth.expiresSeconds = expiresSeconds;
  return { ok: true, auth };
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
  return incompleteSignature(
    `Date must be in ISO-8601 'basic format' or RFC 7231 IMF-fixdate. Got '${value.trim()}'.`,
  );
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
