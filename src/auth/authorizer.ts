import { AwsError } from '../shared/aws-error.js';
import { parseArn } from '../shared/arn.js';
import type { RequestConditionKeys } from '../shared/call-context.js';
import type { Principal } from '../shared/principal.js';

/** The outcome of one authorization, in the terms AWS's denial messages use. */
export type Decision =
  | { allowed: true }
  | { allowed: false; reason: 'implicit' | 'explicit-identity' | 'boundary' | 'scp' | 'session' };

export interface Authorizer {
  decide(principal: Principal, action: string, resourceArn: string, context?: RequestConditionKeys): Promise<Decision>;
}

/**
 * Ward's authorizer until the policy engine evaluates identity policies: root may do
 * anything in its own account, and an IAM user has no policy that allows anything,
 * which is exactly AWS's answer for a user with no policies attached.
 */
export class RootOnlyAuthorizer implements Authorizer {
  async decide(principal: Principal, _action: string, resourceArn: string): Promise<Decision> {
    if (principal.kind === 'root') {
      const account = resourceArn === '*' ? principal.accountId : parseArn(resourceArn)?.account;
      if (account === '' || account === principal.accountId) return { allowed: true };
    }
    return { allowed: false, reason: 'implicit' };
  }
}

const REASON_TEXT: Record<Exclude<Decision, { allowed: true }>['reason'], (action: string) => string> = {
  implicit: (a) => `because no identity-based policy allows the ${a} action`,
  'explicit-identity': () => 'with an explicit deny in an identity-based policy',
  boundary: (a) => `because no permissions boundary allows the ${a} action`,
  scp: () => 'with an explicit deny in a service control policy',
  session: (a) => `because no session policy allows the ${a} action`,
};

/** AWS's AccessDenied text: "User: ARN is not authorized to perform: ACTION on resource: ARN because ...". */
export function accessDenied(principal: Principal, action: string, resourceArn: string, decision: Exclude<Decision, { allowed: true }>): AwsError {
  return new AwsError(
    'AccessDenied',
    `User: ${principal.arn} is not authorized to perform: ${action} on resource: ${resourceArn} ${REASON_TEXT[decision.reason](action)}`,
    403,
  );
}
