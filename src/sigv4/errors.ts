import type { AuthFailure, AuthFailureCode } from './types.js';

/** AWS's wording for a plain signature mismatch. */
export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** Builds an {@link AuthFailure}; IAM/STS answer IncompleteSignature with 400 and every other auth failure with 403. */
export function authFailure(code: AuthFailureCode, message: string): AuthFailure {
  return { ok: false, code, message, status: code === 'IncompleteSignature' ? 400 : 403 };
}

export function missingAuthenticationToken(): AuthFailure {
  return authFailure('MissingAuthenticationToken', 'Request is missing Authentication Token');
}

export function incompleteSignature(message: string): AuthFailure {
  return authFailure('IncompleteSignature', message);
}

export function signatureDoesNotMatch(message: string = SIGNATURE_MISMATCH_MESSAGE): AuthFailure {
  return authFailure('SignatureDoesNotMatch', message);
}

/**
 * For callers: the access key id (or session token) is unknown.
 * The verifier itself never knows which keys exist, so it never returns this.
 */
export function invalidClientTokenId(): AuthFailure {
  return authFailure('InvalidClientTokenId', 'The security token included in the request is invalid.');
}

/** For callers that pin the region: AWS's wording when the credential scope names another region. */
export function regionScopeMismatch(region: string): AuthFailure {
  return signatureDoesNotMatch(`Credential should be scoped to a valid region, not '${region}'. `);
}

/** For callers that pin the service: AWS's wording when the credential scope names another service. */
export function serviceScopeMismatch(expectedService: string): AuthFailure {
  return signatureDoesNotMatch(`Credential should be scoped to correct service: '${expectedService}'. `);
}
