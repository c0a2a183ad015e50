/**
 * AWS Signature Version 4 (AWS4-HMAC-SHA256) for IAM/STS-style services: parsing, canonicalization,
 * verification and a matching signer; and S3's own rules: SigV4 over an unread body, aws-chunked
 * bodies verified chunk by chunk, SigV2. Pure functions over node:crypto/zlib; no I/O, no clock
 * reads (verifiers take `now`). SigV4a (ECDSA) is out of scope.
 */
export type {
  AuthFailure,
  AuthFailureCode,
  IncomingSignedRequest,
  ParsedAuthorization,
  SignedRequestHead,
} from './types.js';
export {
  ALGORITHM,
  MAX_EXPIRES_SECONDS,
  QUERY_PARAMS,
  SCOPE_TERMINATOR,
  parseAuthorization,
  type ParseAuthorizationResult,
  type ParseOptions,
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
export { HmacSha256 } from './hmac.js';
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
export { partitionHomeRegion, requestedRegion } from './scope-region.js';

// S3
export { S3Error } from './s3-errors.js';
export * as s3Errors from './s3-errors.js';
export { detectS3Auth, parseS3Authorization, type S3AuthKind } from './s3-auth.js';
export { verifyS3Signature, type VerifyS3Options } from './verify-s3.js';
export {
  UNSIGNED_PAYLOAD,
  bodyPlanWithoutSeed,
  bodyVerifier,
  decodedContentLength,
  readContentSha256,
  requireContentSha256,
  Sha256BodyVerifier,
  type BodyPlan,
  type BodyVerifier,
  type ContentSha256,
} from './payload.js';
export {
  AwsChunkedDecoder,
  DEFAULT_MAX_CHUNK_BYTES,
  MIN_CHUNK_BYTES,
  type AwsChunkedOptions,
  type ChunkSigningContext,
  type StreamingPayload,
} from './aws-chunked.js';
export { CHECKSUM_HEADERS, runningChecksum, type ChecksumAlgorithm, type RunningChecksum } from './checksums.js';
export {
  SIGV2_SUBRESOURCES,
  parseSigV2,
  sigV2StringToSign,
  verifySigV2,
  type SigV2Auth,
  type VerifySigV2Options,
} from './sigv2.js';
export { s3CanonicalUri } from './encoding.js';
