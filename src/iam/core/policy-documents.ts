import type { EmulatorRelaxations } from '../../shared/emulator-relaxations.js';
import { checkPolicySize, parsePolicyDocument } from '../../policy/index.js';
import { iamErrors } from '../errors.js';
import type { IamQuotas } from '../quotas.js';

// The document checks of CreatePolicy, Put*Policy and CreateRole in one place, so the console's
// live validation gives exactly the API's MalformedPolicyDocument and LimitExceeded texts.

/**
 * Validates an identity policy document with the policy engine's grammar, as CreatePolicy,
 * CreatePolicyVersion and Put*Policy do (they refuse documents older than 2012-10-17).
 */
export function validateIdentityDocument(text: string): void {
  const parsed = parsePolicyDocument(text, 'identity', { requireCurrentVersion: true });
  if (!parsed.ok) throw iamErrors.malformedPolicy(parsed.reason);
}

/** A managed policy document within the PolicySize quota (whitespace not counted). */
export function checkManagedPolicySize(text: string, quotas: IamQuotas): void {
  const message = checkPolicySize(text, quotas.PolicySize);
  if (message !== undefined) throw iamErrors.limitExceeded(message);
}

/**
 * A trust policy: the resource-policy grammar with IAM's trust rules (MalformedPolicyDocument with
 * the validator's reason), within ACLSizePerRole (whitespace not counted).
 */
export function validateTrustDocument(text: string, quotas: IamQuotas, emulator?: EmulatorRelaxations): void {
  const parsed = parsePolicyDocument(text, 'trust');
  // In emulator mode an unparseable document is kept as moto keeps it; it never compiles, so it allows nothing.
  if (!parsed.ok && !emulator?.verbatimTrustPolicies) throw iamErrors.malformedPolicy(parsed.reason);
  const tooBig = checkPolicySize(text, quotas.AssumeRolePolicySize, 'ACLSizePerRole');
  if (tooBig !== undefined) throw iamErrors.limitExceeded(tooBig);
}
