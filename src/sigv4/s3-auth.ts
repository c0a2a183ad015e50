import { percentDecodeToString, splitQuery } from './encoding.js';
import { headerValues } from './headers.js';
import { ALGORITHM, MAX_EXPIRES_SECONDS, QUERY_PARAMS, parseAuthorization } from './parse-authorization.js';
import {
  S3Error,
  authorizationHeaderMalformed,
  authorizationQueryParametersError,
  headersNotSigned,
  s3InvalidArgument,
} from './s3-errors.js';
import type { AuthFailure, ParsedAuthorization, SignedRequestHead } from './types.js';

/** Which of S3's authentication schemes a request uses. */
export type S3AuthKind = 'sigv4' | 'sigv2' | 'anonymous';

/**
 * SigV4 (`AWS4-HMAC-SHA256 …` header, `X-Amz-Algorithm` query), SigV2 (`AWS AKID:sig` header,
 * `AWSAccessKeyId`/`Signature` query) or none. More than one mechanism is S3's InvalidArgument.
 */
export function detectS3Auth(req: SignedRequestHead): S3AuthKind {
  const headers = headerValues(req.headers, 'authorization');
  const query = req.rawQuery === '' ? [] : splitQuery(req.rawQuery).map((p) => percentDecodeToString(p.name));
  const v4Query = query.includes(QUERY_PARAMS.algorithm);
  const v2Query = query.includes('Signature') || query.includes('AWSAccessKeyId');
  if ((headers.length > 0 ? 1 : 0) + (v4Query ? 1 : 0) + (v2Query ? 1 : 0) > 1 || headers.length > 1) {
    throw s3InvalidArgument(
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
      'Authorization',
      headers[0] ?? '',
    );
  }
  if (v4Query) return 'sigv4';
  if (v2Query) return 'sigv2';
  const header = headers[0];
  if (header === undefined) return 'anonymous';
  if (header.startsWith(`${ALGORITHM} `)) return 'sigv4';
  if (header.startsWith('AWS ')) return 'sigv2';
  throw s3InvalidArgument('Unsupported Authorization Type', 'Authorization', header);
}

const MALFORMED_CREDENTIAL =
  'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".';
const REQUIRED_QUERY_PARAMS = [
  QUERY_PARAMS.algorithm,
  QUERY_PARAMS.credential,
  QUERY_PARAMS.signature,
  QUERY_PARAMS.date,
  QUERY_PARAMS.signedHeaders,
  QUERY_PARAMS.expires,
];

/**
 * Parses a SigV4 request's authentication as S3 does: the same parser as IAM's, S3's error codes
 * and texts, `X-Amz-Expires` required on presigned URLs (up to 7 days), and every unsigned `x-amz-*`
 * header listed in one AccessDenied. Throws an {@link S3Error}.
 */
export function parseS3Authorization(req: SignedRequestHead): ParsedAuthorization {
  const query = req.rawQuery === '' ? new Map<string, string>() : decodedQuery(req.rawQuery);
  const presigned = query.has(QUERY_PARAMS.algorithm);
  if (presigned) checkPresignedParams(query);
  const parsed = parseAuthorization(req, { requireSignedAmzHeaders: false });
  if (!parsed.ok) throw s3ParseFailure(parsed, presigned ? 'query' : 'header');
  const auth = parsed.auth;
  const unsigned = unsignedAmzHeaders(req.headers, auth.signedHeaders);
  if (unsigned.length > 0) throw headersNotSigned(unsigned);
  return auth;
}

function checkPresignedParams(query: ReadonlyMap<string, string>): void {
  if (REQUIRED_QUERY_PARAMS.some((name) => !query.get(name))) {
    throw authorizationQueryParametersError(
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  }
  if (query.get(QUERY_PARAMS.algorithm) !== ALGORITHM) {
    throw authorizationQueryParametersError('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  }
  const expires = query.get(QUERY_PARAMS.expires)!;
  if (/^-\d+$/.test(expires)) throw authorizationQueryParametersError('X-Amz-Expires must be non-negative');
  if (!/^\d{1,10}$/.test(expires)) throw authorizationQueryParametersError('X-Amz-Expires should be a number');
  if (Number(expires) > MAX_EXPIRES_SECONDS) {
    throw authorizationQueryParametersError(
      `X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than ${MAX_EXPIRES_SECONDS} seconds`,
    );
  }
}

/** IAM's parse failures in S3's words (S3 has no IncompleteSignature). */
function s3ParseFailure(failure: AuthFailure, kind: 'header' | 'query'): S3Error {
  const m = failure.message;
  if (m.startsWith('Credential must have exactly 5')) {
    return kind === 'header'
      ? authorizationHeaderMalformed(MALFORMED_CREDENTIAL)
      : authorizationQueryParametersError(`Error parsing the X-Amz-Credential parameter; ${MALFORMED_CREDENTIAL}`);
  }
  const terminal = /^Credential should be scoped with a valid terminator: '[^']*', not '(.*)'\. $/.exec(m);
  if (terminal) {
    const detail = `incorrect terminal "${terminal[1]}". This endpoint uses "aws4_request".`;
    return kind === 'header'
      ? authorizationHeaderMalformed(detail)
      : authorizationQueryParametersError(`Error parsing the X-Amz-Credential parameter; ${detail}`);
  }
  if (m.includes("'Host' or ':authority' must be a 'SignedHeader'")) return headersNotSigned(['host']);
  if (m.startsWith('Date must be in ISO-8601') || m.includes("'X-Amz-Date' or a 'Date' header")) {
    return kind === 'query'
      ? authorizationQueryParametersError(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`)
      : new S3Error('AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header', 403);
  }
  if (m.startsWith("Unsupported AWS 'algorithm'")) {
    return s3InvalidArgument('Unsupported Authorization Type', 'Authorization', '');
  }
  if (
    m.includes("requires 'Credential'") ||
    m.includes("requires 'Signature'") ||
    m.includes("requires 'SignedHeaders'")
  ) {
    return authorizationHeaderMalformed(
      'the authorization header requires three components: Credential, SignedHeaders, and Signature.',
    );
  }
  return kind === 'header' ? authorizationHeaderMalformed(m) : authorizationQueryParametersError(m);
}

/** Every `x-amz-*` header present but not signed, lowercase, sorted (S3's HeadersNotSigned). */
function unsignedAmzHeaders(headers: SignedRequestHead['headers'], signed: readonly string[]): string[] {
  const out = new Set<string>();
  for (const [name] of headers) {
    const lower = name.toLowerCase();
    // The session token may be added after signing (it is bound to the signed key; see parse-authorization.ts).
    if (lower.startsWith('x-amz-') && lower !== 'x-amz-security-token' && !signed.includes(lower)) out.add(lower);
  }
  return [...out].sort();
}

function decodedQuery(rawQuery: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const { name, value } of splitQuery(rawQuery)) {
    const key = percentDecodeToString(name);
    if (!map.has(key)) map.set(key, percentDecodeToString(value));
  }
  return map;
}
