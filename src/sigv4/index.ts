/**
 * AWS Signature Version 4 (AWS4-HMAC-SHA256) for IAM/STS-style services: parsing, canonicalization,
 * verification and a matching signer. Pure functions over node:crypto; no I/O, no clock reads
 * (the verifier takes `now`). SigV4a (ECDSA) is out of scope.
 */
export type { AuthFailure, AuthFailureCode, IncomingSignedRequest, ParsedAuthorization } from './types.js';
export {
  ALGORITHM,
  MAX_EXPIRES_SECONDS,
  QUERY_PARAMS,
  SCOPE_TERMINATOR,
  parseAuthorization,
  type ParseAuthorizationResult,
} from './parse-authorization.js';
export {
  canonicalHeaders,
  canonicalPayloadHash,
  canonicalQueryString,
  canonicalRequest,
  credentialScope,
  sha256Hex,
  stringToSign,
  type CanonicalRequestOptions,
} from './canonical.js';
export { canonicalUri, normalizePath, uriEncode } from './encoding.js';
export { SigningKeyCache, deriveSigningKey } from './signing-key.js';
export {
  DEFAULT_MAX_SKEW_MS,
  signString,
  timingSafeEqualString,
  verifySignature,
  type VerifyOptions,
  type VerifyResult,
} from './verify.js';
export { signRequest, type SignRequestInput, type SignedRequest, type SigningCredentials } from './sign.js';
export {
  SIGNATURE_MISMATCH_MESSAGE,
  authFailure,
  invalidClientTokenId,
  missingAuthenticationToken,
  regionScopeMismatch,
  serviceScopeMismatch,
} from './errors.js';
export { formatAmzDate, parseAmzDate } from './amz-date.js';
export { requestedRegion } from './scope-region.js';
