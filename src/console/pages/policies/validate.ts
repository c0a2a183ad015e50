import { iamQuotas } from '../../../iam/quotas.js';
import { loadModel, validateInput } from '../../../wire/index.js';
import type { ConsoleApp } from '../../env.js';
import { awsMessage } from '../../session/guard.js';
import {
  checkManagedPolicySize,
  validateIdentityDocument,
  validateTrustDocument,
} from '../../../iam/core/policy-documents.js';

const QUOTAS = iamQuotas();

/**
 * The verdict CreatePolicy (identity) or CreateRole (trust) would give the document: the model's
 * constraints first, then the same validator functions the IAM handlers call, so the editor shows
 * exactly the API's MalformedPolicyDocument text.
 */
export function policyDocumentError(document: string, kind: 'identity' | 'trust'): string | undefined {
  try {
    const model = loadModel('iam');
    if (kind === 'trust') {
      const invalid = validateInput(model, 'CreateRole', {
        RoleName: 'console-check',
        AssumeRolePolicyDocument: document,
      });
      if (invalid) throw invalid;
      validateTrustDocument(document, QUOTAS);
    } else {
      const invalid = validateInput(model, 'CreatePolicy', { PolicyName: 'console-check', PolicyDocument: document });
      if (invalid) throw invalid;
      validateIdentityDocument(document);
      checkManagedPolicySize(document, QUOTAS);
    }
    return undefined;
  } catch (err) {
    return awsMessage(err);
  }
}

/** POST /console/policies/validate: the live check behind every policy editor (console.js). */
export function registerPolicyValidation(app: ConsoleApp): void {
  app.post('/policies/validate', async (c) => {
    const body = await c.req.parseBody();
    const document = typeof body.document === 'string' ? body.document : '';
    const message = policyDocumentError(document, body.kind === 'trust' ? 'trust' : 'identity');
    return c.json(message === undefined ? { ok: true } : { ok: false, message });
  });
}
