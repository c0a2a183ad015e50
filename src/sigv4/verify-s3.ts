import { parseAmzDate } from './amz-date.js';
import { canonicalRequestWith, credentialScope, stringToSign } from './canonical.js';
import { percentDecodeToString, s3CanonicalUri, splitQuery } from './encoding.js';
import { headerValue } from './headers.js';
import { HmacSha256 } from './hmac.js';
import { CHECKSUM_HEADERS } from './checksums.js';
import {
  decodedContentLength,
  readContentSha256,
  requireContentSha256,
  UNSIGNED_PAYLOAD,
  type BodyPlan,
  type ContentSha256,
} from './payload.js';
import {
  authorizationHeaderMalformed,
  authorizationQueryParametersError,
  invalidSha256PayloadUsage,
  requestExpired,
  requestTimeTooSkewed,
  s3SignatureDoesNotMatch,
  trailerNotSupported,
} from './s3-errors.js';
import { deriveSigningKey, type SigningKeyCache } from './signing-key.js';
import type { ParsedAuthorization, SignedRequestHead } from './types.js';
import { DEFAULT_MAX_SKEW_MS, signatureMatches } from './verify.js';

export interface VerifyS3Options {
  /** The server's current time. */
  now: Date;
  /** Signing-key cache; without one the key is derived on every call. */
  cache?: SigningKeyCache;
  /** Allowed clock skew for header-signed requests (default 15 minutes, S3's). */
  maxSkewMs?: number;
  /**
   * Whether the operation takes an object body (PutObject, UploadPart): only those may send a
   * STREAMING-* `x-amz-content-sha256` (S3's InvalidRequest otherwise). Default true.
   */
  allowStreaming?: boolean;
}

/**
 * Verifies a SigV4 S3 request whose body has not been read, exactly as S3 does:
 * - the canonical URI is the path decoded once and strictly encoded (no normalization, no double
 *   encoding);
 * - the payload hash is `x-amz-content-sha256` as sent (required with the Authorization header;
 *   presigned URLs use UNSIGNED-PAYLOAD unless they carry one);
 * - header auth must be within 15 minutes of `now` (RequestTimeTooSkewed); a presigned URL is good
 *   from X-Amz-Date for X-Amz-Expires seconds, up to 7 days ("Request has expired").
 *
 * Returns how the body must then be verified as it streams ({@link BodyPlan}; the aws-chunked plan
 * carries the seed signature, scope, date and the signing key's HMAC, in memory only). Throws an
 * S3Error. Whether the key exists, the token and the region are the caller's concern.
 */
export function verifyS3Signature(
  req: SignedRequestHead,
  auth: ParsedAuthorization,
  secretAccessKey: string,
  opts: VerifyS3Options,
): BodyPlan {
  const content = contentSha256(req, auth);
  if (content.read.kind === 'streaming') {
    const signedStreaming = content.read.payload !== 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';
    if (opts.allowStreaming === false || (signedStreaming && auth.kind === 'query')) throw invalidSha256PayloadUsage();
  }

  const requestMs = parseAmzDate(auth.amzDate)!; // parseS3Authorization checked it
  const day = auth.amzDate.slice(0, 8);
  if (auth.scopeDate !== day) {
    throw auth.kind === 'header'
      ? authorizationHeaderMalformed('Invalid credential date. Date is not the same as X-Amz-Date.')
      : authorizationQueryParametersError(
          `Invalid credential date "${auth.scopeDate}". This date is not the same as X-Amz-Date: "${day}".`,
        );
  }
  checkTime(auth, requestMs, opts);

  const hmac = opts.cache
    ? opts.cache.hmac(secretAccessKey, auth.accessKeyId, auth.scopeDate, auth.region, auth.service)
    : new HmacSha256(deriveSigningKey(secretAccessKey, auth.scopeDate, auth.region, auth.service));
  const uri = s3CanonicalUri(req.rawPath);
  const canonical = canonicalRequestWith(req, auth, uri, content.hash);
  const toSign = stringToSign(auth, canonical);
  if (!signatureMatches(hmac.digestHex(toSign), auth.signature)) {
    // A token appended to a presigned URL after signing (see verify.ts): the only second reading.
    const retry =
      auth.kind === 'query' && auth.securityToken !== undefined
        ? canonicalRequestWith(req, auth, uri, content.hash, true)
        : undefined;
    if (retry === undefined || !signatureMatches(hmac.digestHex(stringToSign(auth, retry)), auth.signature)) {
      throw s3SignatureDoesNotMatch(auth.accessKeyId, toSign, auth.signature, canonical);
    }
  }
  return bodyPlan(req, auth, content.read, hmac);
}

/** The payload hash the signature covers, and what it says of the body. */
function contentSha256(req: SignedRequestHead, auth: ParsedAuthorization): { hash: string; read: ContentSha256 } {
  const header = headerValue(req.headers, 'x-amz-content-sha256');
  if (auth.kind === 'header') {
    const read = requireContentSha256(header);
    return { hash: header!.trim(), read };
  }
  // Presigners hoist the header into the query (the JS SDK as `x-amz-content-sha256`).
  const fromQuery = queryParam(req.rawQuery, 'x-amz-content-sha256');
  const value = fromQuery ?? header;
  const read = readContentSha256(value);
  return read === undefined ? { hash: UNSIGNED_PAYLOAD, read: { kind: 'unsigned' } } : { hash: value!.trim(), read };
}

/** A query parameter by its lowercase name, any case. */
function queryParam(rawQuery: string, lowerName: string): string | undefined {
  if (rawQuery === '') return undefined;
  for (const p of splitQuery(rawQuery)) {
    if (percentDecodeToString(p.name).toLowerCase() === lowerName) return percentDecodeToString(p.value);
  }
  return undefined;
}

function checkTime(auth: ParsedAuthorization, requestMs: number, opts: VerifyS3Options): void {
  const nowMs = Math.floor(opts.now.getTime() / 1000) * 1000;
  if (!Number.isFinite(nowMs)) throw new RangeError('verifyS3Signature: opts.now is not a valid Date');
  const skew = opts.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const serverTime = isoSeconds(nowMs);
  if (auth.kind === 'query') {
    const expiresMs = requestMs + (auth.expiresSeconds ?? 0) * 1000;
    if (nowMs > expiresMs) throw requestExpired(isoSeconds(expiresMs), serverTime, auth.expiresSeconds);
    if (requestMs > nowMs + skew) throw requestTimeTooSkewed(auth.amzDate, serverTime, skew);
    return;
  }
  if (Math.abs(requestMs - nowMs) > skew) throw requestTimeTooSkewed(auth.amzDate, serverTime, skew);
}

/** `2024-05-01T10:20:30Z`: S3's times in errors carry no milliseconds. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function bodyPlan(req: SignedRequestHead, auth: ParsedAuthorization, read: ContentSha256, hmac: HmacSha256): BodyPlan {
  if (read.kind !== 'streaming') return read;
  const plan: BodyPlan = {
    kind: 'aws-chunked',
    payload: read.payload,
    decodedContentLength: decodedContentLength(headerValue(req.headers, 'x-amz-decoded-content-length')),
  };
  const trailer = headerValue(req.headers, 'x-amz-trailer')?.trim();
  if (trailer !== undefined && trailer !== '' && read.payload !== 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD') {
    if (!CHECKSUM_HEADERS.has(trailer.toLowerCase())) throw trailerNotSupported();
    plan.trailer = trailer;
  }
  if (read.payload !== 'STREAMING-UNSIGNED-PAYLOAD-TRAILER') {
    plan.signing = {
      signer: hmac,
      amzDate: auth.amzDate,
      scope: credentialScope(auth.scopeDate, auth.region, auth.service),
      seedSignature: auth.signature.toLowerCase(),
    };
  }
  return plan;
}
