import { MSG } from './messages.js';
import { parseJson } from './parse-helpers.js';
import type { ParseResult, PolicyKind } from './types.js';
import { validateIdentityDocument } from './validate-identity.js';
import { validateResourceDocument } from './validate-trust.js';

/** Options for `parsePolicyDocument`. */
export interface ParseOptions {
  /**
   * Refuse a missing or 2008-10-17 Version with "Policy document must be version 2012-10-17 or
   * greater.", as IAM's CreatePolicy, CreatePolicyVersion and Put*Policy have been recorded doing.
   * Off by default: documents without a Version are accepted and evaluated as 2008-10-17.
   */
  requireCurrentVersion?: boolean;
}

/**
 * Parses and validates a policy document for one policy type, answering with AWS's
 * MalformedPolicyDocument text on failure ("Grammar of the IAM JSON policy language"). Identity
 * policies, boundaries and session policies go through IAM's policy-language validator; trust and
 * resource policies through the resource-policy validator; an SCP failure is Organizations'
 * single MalformedPolicyDocumentException text. Never throws.
 */
export function parsePolicyDocument(text: string, kind: PolicyKind, options: ParseOptions = {}): ParseResult {
  try {
    const json = parseJson(text);
    if (kind === 'trust' || kind === 'resource') {
      if (!json.ok) return { ok: false, reason: MSG.invalidJson };
      return validateResourceDocument(json.value, kind === 'trust');
    }
    if (!json.ok) return { ok: false, reason: kind === 'scp' ? MSG.scp : MSG.syntax };
    const result = validateIdentityDocument(json.value, {
      requireCurrentVersion: options.requireCurrentVersion === true,
    });
    if (!result.ok && kind === 'scp') return { ok: false, reason: MSG.scp };
    return result;
  } catch {
    return { ok: false, reason: kind === 'trust' || kind === 'resource' ? MSG.invalidJson : MSG.syntax };
  }
}
