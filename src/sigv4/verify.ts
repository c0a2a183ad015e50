import { createHmac, timingSafeEqual } from 'node:crypto';
import { describeSkew, formatAmzDate, parseAmzDate } from './amz-date.js';
import { canonicalRequest, stringToSign } from './canonical.js';
import { splitQuery, percentDecodeToString } from './encoding.js';
import { authFailure, incompleteSignature, signatureDoesNotMatch } from './errors.js';
import { headerValue } from './headers.js';
import { QUERY_PARAMS } from './parse-authorization.js';
import { HmacSha256 } from './hmac.js';
import { deriveSigningKey, type SigningKeyCache } from './signing-key.js';
import type { AuthFailure, IncomingSignedRequest, ParsedAuthorization } from './types.js';

/** Default allowed difference between the request time and the server clock: 15 minutes, as AWS. */
export const DEFAULT_MAX_SKEW_MS = 15 * 60_000;

/** Options for {@link verifySignature}. */
export interface VerifyOptions {
  /** The server's current time (injected so verification stays pure and testable). */
  now: Date;
  /** Signing-key cache; without one the key is derived on every call. */
  cache?: SigningKeyCache;
  /** Normalize the path before encoding (default true, the non-S3 rule). */
  normalizePath?: boolean;
  /** Allowed clock skew either way (default 15 minutes). */
  maxSkewMs?: number;
  /**
   * Presigned only: also reject with AccessDenied "Request has expired" once X-Amz-Date +
   * X-Amz-Expires has passed. Off by default because AWS IAM/STS ignore X-Amz-Expires and apply
   * only the skew window (EKS-style tokens with `X-Amz-Expires=60` are used for ~15 minutes).
   */
  enforcePresignedExpiry?: boolean;
}

/** Outcome of {@link verifySignature}. */
export type VerifyResult = { ok: true } | AuthFailure;

/**
 * Constant-time string equality. Unequal lengths still run one comparison (of `expected` with
 * itself) so the only thing timing reveals is that the lengths differ.
 */
export function timingSafeEqualString(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(provided, 'utf8');
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

/**
 * Whether a hex signature as sent (either case) equals `expectedHex`, compared in constant time.
 * Anything but 64 hex digits still runs one comparison (of `expected` with itself).
 */
export function signatureMatches(expectedHex: string, providedHex: string): boolean {
  const valid = HEX_SIGNATURE.test(providedHex);
  signatureBytes.write(expectedHex + (valid ? providedHex.toLowerCase() : expectedHex), 'latin1');
  return timingSafeEqual(expectedBytes, providedBytes) && valid;
}

// Checked first: a latin1 write would keep only the low byte of a wider character.
const HEX_SIGNATURE = /^[0-9a-fA-F]{64}$/;
// Reused (the comparison is synchronous and one write fills both halves first).
const signatureBytes = Buffer.alloc(128);
const expectedBytes = signatureBytes.subarray(0, 64);
const providedBytes = signatureBytes.subarray(64);

/** Hex HMAC-SHA256 signature of a string to sign. */
export function signString(signingKey: Buffer, stringToSignText: string): string {
  return createHmac('sha256', signingKey).update(stringToSignText, 'utf8').digest('hex');
}

/**
 * Verifies a parsed SigV4 request against the caller's secret for `auth.accessKeyId`.
 * Checks, cheapest first: scope date, request time window, declared payload hash, signature.
 * Region/service policy and whether the access key or token exist are the caller's concern.
 * Client faults come back as data; it throws only for invalid options (a bad `now`/`maxSkewMs`).
 */
export function verifySignature(
  req: IncomingSignedRequest,
  auth: ParsedAuthorization,
  secretAccessKey: string,
  opts: VerifyOptions,
): VerifyResult {
  const requestMs = parseAmzDate(auth.amzDate);
  if (requestMs === undefined) {
    return incompleteSignature(
      `Date must be in ISO-8601 'basic format'. Got '${auth.amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  const day = auth.amzDate.slice(0, 8);
  if (auth.scopeDate !== day) {
    return signatureDoesNotMatch(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.scopeDate}' != '${day}', from '${auth.amzDate}'.`,
    );
  }

  const timeFailure = checkTime(auth, requestMs, opts);
  if (timeFailure) return timeFailure;

  // A signed x-amz-content-sha256 is what the signature covers, so it must describe the real body;
  // IAM/STS bodies carry the action's parameters, so UNSIGNED-PAYLOAD can never be acceptable.
  if (auth.signedHeaders.includes('x-amz-content-sha256')) {
    const declared = headerValue(req.headers, 'x-amz-content-sha256');
    if (declared !== undefined && declared.trim().toLowerCase() !== req.payloadSha256Hex.toLowerCase()) {
      return signatureDoesNotMatch("The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
  }

  const hmac = opts.cache
    ? opts.cache.hmac(secretAccessKey, auth.accessKeyId, auth.scopeDate, auth.region, auth.service)
    : new HmacSha256(deriveSigningKey(secretAccessKey, auth.scopeDate, auth.region, auth.service));
  const normalizePath = opts.normalizePath ?? true;

  const expected = hmac.digestHex(stringToSign(auth, canonicalRequest(req, auth, { normalizePath })));
  if (signatureMatches(expected, auth.signature)) return { ok: true };

  // Some presigners append X-Amz-Security-Token after signing (it is then unsigned, exactly like an
  // unsigned token header). The query has no list of signed params, so the only way to honour that
  // is a second computation without the token; the token is still validated by the caller.
  if (auth.kind === 'query' && queryHasToken(req.rawQuery)) {
    const withoutToken = hmac.digestHex(
      stringToSign(auth, canonicalRequest(req, auth, { normalizePath, omitQuerySecurityToken: true })),
    );
    if (signatureMatches(withoutToken, auth.signature)) return { ok: true };
  }
  return signatureDoesNotMatch();
}

function checkTime(auth: ParsedAuthorization, requestMs: number, opts: VerifyOptions): AuthFailure | undefined {
  // Whole seconds, like the timestamps themselves, so messages never show equal-looking bounds.
  const nowMs = Math.floor(opts.now.getTime() / 1000) * 1000;
  const skew = opts.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  // NaN would make every comparison below false and silently accept any request time: fail loudly.
  if (!Number.isFinite(nowMs)) throw new RangeError('verifySignature: opts.now is not a valid Date');
  if (!Number.isFinite(skew) || skew < 0) throw new RangeError('verifySignature: opts.maxSkewMs must be >= 0');

  if (
    opts.enforcePresignedExpiry &&
    auth.kind === 'query' &&
    auth.expiresSeconds !== undefined &&
    nowMs > requestMs + auth.expiresSeconds * 1000
  ) {
    return authFailure('AccessDenied', 'Request has expired');
  }
  if (requestMs < nowMs - skew) {
    return signatureDoesNotMatch(
      `Signature expired: ${auth.amzDate} is now earlier than ${formatAmzDate(nowMs - skew)} (${formatAmzDate(nowMs)} - ${describeSkew(skew)})`,
    );
  }
  if (requestMs > nowMs + skew) {
    return signatureDoesNotMatch(
      `Signature not yet current: ${auth.amzDate} is still later than ${formatAmzDate(nowMs + skew)} (${formatAmzDate(nowMs)} + ${describeSkew(skew)})`,
    );
  }
  return undefined;
}

function queryHasToken(rawQuery: string): boolean {
  return splitQuery(rawQuery).some((p) => percentDecodeToString(p.name) === QUERY_PARAMS.securityToken);
}
