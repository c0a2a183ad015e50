import { AwsError } from '../shared/aws-error.js';
import type { WireProtocol } from '../wire/routing/types.js';

/**
 * The codes and statuses each service answers for the failures the gateway itself decides
 * (authentication, authorization, no backend), so an SDK raises the exception it raises against
 * AWS: S3's `AccessDenied` (403), SNS's `AuthorizationError` (403), DynamoDB's and the other JSON
 * services' `AccessDeniedException` (400), Lambda's (403), EC2's `UnauthorizedOperation` (403).
 */
interface ServiceCodes {
  denied: [code: string, status: number];
  /** Ward's authentication codes (IAM's) to the service's own. */
  auth: Partial<Record<string, [code: string, status: number, message?: string]>>;
}

const INVALID_KEY_TEXT = 'The security token included in the request is invalid.';
const BAD_SIGNATURE_TEXT =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const JSON_AUTH: ServiceCodes['auth'] = {
  InvalidClientTokenId: ['UnrecognizedClientException', 400, INVALID_KEY_TEXT],
  SignatureDoesNotMatch: ['InvalidSignatureException', 400, BAD_SIGNATURE_TEXT],
  ExpiredToken: ['ExpiredTokenException', 400],
  MissingAuthenticationToken: ['MissingAuthenticationTokenException', 400, 'Missing Authentication Token'],
  IncompleteSignature: ['IncompleteSignatureException', 400],
};

const REST_JSON_AUTH: ServiceCodes['auth'] = {
  InvalidClientTokenId: ['UnrecognizedClientException', 403, INVALID_KEY_TEXT],
  SignatureDoesNotMatch: ['InvalidSignatureException', 403, BAD_SIGNATURE_TEXT],
  ExpiredToken: ['ExpiredTokenException', 403],
  MissingAuthenticationToken: ['MissingAuthenticationTokenException', 403, 'Missing Authentication Token'],
  IncompleteSignature: ['IncompleteSignatureException', 403],
};

const S3_AUTH: ServiceCodes['auth'] = {
  InvalidClientTokenId: [
    'InvalidAccessKeyId',
    403,
    'The AWS Access Key Id you provided does not exist in our records.',
  ],
  SignatureDoesNotMatch: [
    'SignatureDoesNotMatch',
    403,
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  ],
  ExpiredToken: ['ExpiredToken', 400, 'The provided token has expired.'],
  MissingAuthenticationToken: ['AccessDenied', 403, 'Access Denied'],
  IncompleteSignature: ['AuthorizationHeaderMalformed', 400],
};

const EC2_AUTH: ServiceCodes['auth'] = {
  InvalidClientTokenId: ['AuthFailure', 401, 'AWS was not able to validate the provided access credentials'],
  SignatureDoesNotMatch: ['AuthFailure', 401, 'AWS was not able to validate the provided access credentials'],
  MissingAuthenticationToken: ['AuthFailure', 401, 'AWS was not able to validate the provided access credentials'],
  IncompleteSignature: ['AuthFailure', 401, 'AWS was not able to validate the provided access credentials'],
};

const BY_PROTOCOL: Record<WireProtocol, ServiceCodes> = {
  'rest-xml': { denied: ['AccessDenied', 403], auth: {} },
  query: { denied: ['AccessDenied', 403], auth: {} },
  ec2: { denied: ['UnauthorizedOperation', 403], auth: EC2_AUTH },
  json: { denied: ['AccessDeniedException', 400], auth: JSON_AUTH },
  'rest-json': { denied: ['AccessDeniedException', 403], auth: REST_JSON_AUTH },
  'smithy-rpc-v2-cbor': { denied: ['AccessDeniedException', 400], auth: JSON_AUTH },
};

const BY_SERVICE: Record<string, Partial<ServiceCodes>> = {
  s3: { denied: ['AccessDenied', 403], auth: S3_AUTH },
  sns: { denied: ['AuthorizationError', 403] },
  // SQS speaks JSON with its old Query codes (awsQueryCompatible): AccessDenied, 403.
  sqs: { denied: ['AccessDenied', 403] },
};

function codesOf(service: string, protocol: WireProtocol): ServiceCodes {
  const own = BY_SERVICE[service];
  const base = BY_PROTOCOL[protocol];
  return { denied: own?.denied ?? base.denied, auth: { ...base.auth, ...own?.auth } };
}

/** An authorization denial (AWS's "User: … is not authorized to perform: …" text) in the service's code. */
export function deniedFor(service: string, protocol: WireProtocol, message: string): AwsError {
  const [code, status] = codesOf(service, protocol).denied;
  return new AwsError(code, message, status);
}

/** Ward's authentication failure (IAM's codes) in the code, status and wording the service uses. */
export function authErrorFor(service: string, protocol: WireProtocol, err: AwsError): AwsError {
  const mapped = codesOf(service, protocol).auth[err.code];
  if (!mapped) return err;
  const [code, status, message] = mapped;
  return new AwsError(code, message ?? err.message, status);
}

/** No backend serves this service: 501, which SDKs do not retry, in the service's own protocol. */
export function notServed(service: string): AwsError {
  return new AwsError(
    'NotImplemented',
    `Ward's gateway has no backend for the ${service} service. Start Ward with --gateway-target ${service}=URL (or *=URL).`,
    501,
  );
}

/** The backend did not answer: 502, which SDKs retry. */
export function backendUnreachable(service: string): AwsError {
  return new AwsError(
    'ServiceUnavailable',
    `Ward's gateway could not reach the backend for the ${service} service.`,
    502,
  );
}
