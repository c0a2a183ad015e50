import { AwsError } from '../shared/aws-error.js';

/**
 * An error as S3 answers it: `<Error><Code/><Message/>…details…</Error>`. The details are the extra
 * elements S3 adds after Message (AWSAccessKeyId, StringToSign, HeadersNotSigned, …), in order.
 * Codes, messages, statuses and detail names are S3's own (recorded AWS responses: LocalStack's S3
 * snapshot tests, and the S3-compatible gateways that test against AWS).
 */
export class S3Error extends AwsError {
  readonly details: ReadonlyArray<readonly [string, string]>;

  constructor(code: string, message: string, status: number, details: ReadonlyArray<readonly [string, string]> = []) {
    super(code, message, status);
    this.name = 'S3Error';
    this.details = details;
  }
}

/** S3's SignatureDoesNotMatch message (not IAM's). */
export const S3_SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

/** What S3 shows of a string as bytes: two lowercase hex digits each, space-separated. */
export function s3Bytes(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** A header-level signature mismatch, with what S3 shows to help the client find its mistake. */
export function s3SignatureDoesNotMatch(
  accessKeyId: string,
  stringToSign: string,
  signatureProvided: string,
  canonicalRequest?: string,
): S3Error {
  const details: Array<[string, string]> = [
    ['AWSAccessKeyId', accessKeyId],
    ['StringToSign', stringToSign],
    ['SignatureProvided', signatureProvided],
    ['StringToSignBytes', s3Bytes(stringToSign)],
  ];
  if (canonicalRequest !== undefined) {
    details.push(['CanonicalRequest', canonicalRequest], ['CanonicalRequestBytes', s3Bytes(canonicalRequest)]);
  }
  return new S3Error('SignatureDoesNotMatch', S3_SIGNATURE_MISMATCH_MESSAGE, 403, details);
}

/** A chunk or trailer signature of an aws-chunked body that does not verify. */
export const chunkSignatureDoesNotMatch = (): S3Error =>
  new S3Error('SignatureDoesNotMatch', S3_SIGNATURE_MISMATCH_MESSAGE, 403);

/** Malformed aws-chunked framing, or a body that ends mid-chunk. */
export const incompleteBody = (): S3Error =>
  new S3Error('IncompleteBody', 'The request body terminated unexpectedly', 400);

/** The decoded body is longer or shorter than x-amz-decoded-content-length (or Content-Length) says. */
export const contentLengthMismatch = (): S3Error =>
  new S3Error(
    'IncompleteBody',
    'You did not provide the number of bytes specified by the Content-Length HTTP header',
    400,
  );

/** A chunk other than the last is smaller than 8 KiB. `chunk` counts from 1. */
export const invalidChunkSize = (chunk: number, size: number): S3Error =>
  new S3Error('InvalidChunkSizeError', 'Only the last chunk is allowed to have a size less than 8192 bytes', 400, [
    ['Chunk', String(chunk)],
    ['BadChunkSize', String(size)],
  ]);

export const malformedTrailer = (): S3Error =>
  new S3Error(
    'MalformedTrailerError',
    'The request contained trailing data that was not well-formed or did not conform to our published schema.',
    400,
  );

export const invalidTrailingChecksum = (header: string): S3Error =>
  new S3Error('InvalidRequest', `Value for ${header} trailing header is invalid.`, 400);

/** `algorithm` as S3 names it in this message: CRC32, CRC32C, CRC64NVME, SHA1, SHA256. */
export const checksumBadDigest = (algorithm: string): S3Error =>
  new S3Error('BadDigest', `The ${algorithm} you specified did not match the calculated checksum.`, 400);

export const trailerNotSupported = (): S3Error =>
  new S3Error('InvalidRequest', 'The value specified in the x-amz-trailer header is not supported', 400);

export const contentSha256Mismatch = (clientHex: string, computedHex: string): S3Error =>
  new S3Error(
    'XAmzContentSHA256Mismatch',
    "The provided 'x-amz-content-sha256' header does not match what was computed.",
    400,
    [
      ['ClientComputedContentSHA256', clientHex],
      ['S3ComputedContentSHA256', computedHex],
    ],
  );

export const missingContentSha256 = (): S3Error =>
  new S3Error('InvalidRequest', 'Missing required header for this request: x-amz-content-sha256', 400);

export const invalidContentSha256 = (value: string): S3Error =>
  new S3Error(
    'InvalidArgument',
    'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
    400,
    [
      ['ArgumentName', 'x-amz-content-sha256'],
      ['ArgumentValue', value],
    ],
  );

/** A streaming x-amz-content-sha256 on a request that takes no streamed body (or cannot carry a seed). */
export const invalidSha256PayloadUsage = (): S3Error =>
  new S3Error('InvalidRequest', 'The value of x-amz-content-sha256 header is invalid.', 400);

export const anonymousSignedStreaming = (): S3Error =>
  new S3Error(
    'InvalidRequest',
    "Anonymous requests don't support this x-amz-content-sha256 value. Please use UNSIGNED-PAYLOAD or STREAMING-UNSIGNED-PAYLOAD-TRAILER.",
    400,
  );

/** x-amz-decoded-content-length absent or not a number on an aws-chunked upload. */
export const missingContentLength = (): S3Error =>
  new S3Error('MissingContentLength', 'You must provide the Content-Length HTTP header.', 411);

export const entityTooLarge = (proposed: number, max: number): S3Error =>
  new S3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, [
    ['ProposedSize', String(proposed)],
    ['MaxSizeAllowed', String(max)],
  ]);

export const headersNotSigned = (names: readonly string[]): S3Error =>
  new S3Error('AccessDenied', 'There were headers present in the request which were not signed', 403, [
    ['HeadersNotSigned', names.join(', ')],
  ]);

/** `requestTime` as the client sent it; `serverTime` ISO-8601. S3's window is 15 minutes. */
export const requestTimeTooSkewed = (requestTime: string, serverTime: string, maxSkewMs: number): S3Error =>
  new S3Error(
    'RequestTimeTooSkewed',
    'The difference between the request time and the current time is too large.',
    403,
    [
      ['RequestTime', requestTime],
      ['ServerTime', serverTime],
      ['MaxAllowedSkewMilliseconds', String(maxSkewMs)],
    ],
  );

/** A presigned URL past its expiry (`xAmzExpires` for SigV4 URLs only). Times ISO-8601. */
export function requestExpired(expires: string, serverTime: string, xAmzExpires?: number): S3Error {
  const details: Array<[string, string]> = [];
  if (xAmzExpires !== undefined) details.push(['X-Amz-Expires', String(xAmzExpires)]);
  details.push(['Expires', expires], ['ServerTime', serverTime]);
  return new S3Error('AccessDenied', 'Request has expired', 403, details);
}

export const invalidAccessKeyId = (accessKeyId: string): S3Error =>
  new S3Error('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403, [
    ['AWSAccessKeyId', accessKeyId],
  ]);

export const s3InvalidToken = (): S3Error =>
  new S3Error('InvalidToken', 'The provided token is malformed or otherwise invalid.', 400);

export const s3ExpiredToken = (): S3Error => new S3Error('ExpiredToken', 'The provided token has expired.', 400);

/** Header-auth parse failures: `detail` follows "The authorization header is malformed; ". */
export const authorizationHeaderMalformed = (detail: string, region?: string): S3Error =>
  new S3Error(
    'AuthorizationHeaderMalformed',
    `The authorization header is malformed; ${detail}`,
    400,
    region === undefined ? [] : [['Region', region]],
  );

export const authorizationQueryParametersError = (message: string): S3Error =>
  new S3Error('AuthorizationQueryParametersError', message, 400);

/** For the gateway: the credential scope names another region than the one the endpoint serves. */
export function s3WrongRegion(kind: 'header' | 'query', actual: string, expected: string): S3Error {
  return kind === 'header'
    ? authorizationHeaderMalformed(`the region '${actual}' is wrong; expecting '${expected}'`, expected)
    : authorizationQueryParametersError(
        `Error parsing the X-Amz-Credential parameter; the region '${actual}' is wrong; expecting '${expected}'`,
      );
}

export const s3InvalidArgument = (message: string, name: string, value: string): S3Error =>
  new S3Error('InvalidArgument', message, 400, [
    ['ArgumentName', name],
    ['ArgumentValue', value],
  ]);

/** Converts a generic failure (as data) into an S3 error, keeping its code and message. */
export function s3ErrorFrom(failure: { code: string; message: string; status: number }): S3Error {
  return new S3Error(failure.code, failure.message, failure.status);
}
