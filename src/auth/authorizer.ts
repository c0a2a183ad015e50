import { AwsError } from '../shared/aws-error.js';
import type { AuthorizeOptions, CallContext, RequestConditionKeys } from '../shared/call-context.js';
import type { Principal } from '../shared/principal.js';
import { type ConditionFamily, type DenyingLayer, resourceAccount } from './policy-evaluation.js';

export { type DenyingLayer, resourceAccount } from './policy-evaluation.js';

/** A statement that applied, named by its policy (as the simulator reports MatchedStatements). */
export interface AppliedStatement {
  policyId: string;
  sid?: string;
  effect: 'Allow' | 'Deny';
  index: number;
}

/** The outcome of one authorization, with the statements that decided it when policies did. */
export type Decision =
  | { allowed: true; matched?: AppliedStatement[] }
  | { allowed: false; explicit: boolean; layer: DenyingLayer; matched?: AppliedStatement[] };

export interface Authorizer {
  /** Decides `action` on `resourceArn` for the caller described by `call`, with the operation's extra condition keys. */
  decide(
    call: CallContext,
    action: string,
    resourceArn: string,
    context?: RequestConditionKeys,
    options?: AuthorizeOptions,
  ): Promise<Decision>;
  /**
   * Whether a policy this authorizer has read names a key of the family; absent: assume it may
   * (the gateway then fetches every fact a question can use).
   */
  mentions?(family: ConditionFamily): boolean;
}

/**
 * Ward's authorizer before policies exist: root may do anything in its own account, and an IAM
 * user has no policy that allows anything, which is exactly AWS's answer for a user with none.
 */
export class RootOnlyAuthorizer implements Authorizer {
  async decide({ principal }: CallContext, _action: string, resourceArn: string): Promise<Decision> {
    if (principal.kind === 'root' && resourceAccount(resourceArn, principal.accountId) === principal.accountId)
      return { allowed: true };
    return { allowed: false, explicit: false, layer: 'identity' };
  }
}

const LAYER_NAME: Record<DenyingLayer, string> = {
  identity: 'identity-based policy',
  resource: 'resource-based policy',
  boundary: 'permissions boundary',
  session: 'session policy',
  scp: 'service control policy',
  rcp: 'resource control policy',
};

/**
 * AWS's AccessDenied text ("Access denied error messages" in the IAM User Guide):
 * "User: ARN is not authorized to perform: ACTION on resource: ARN because no identity-based
 * policy allows the ACTION action" or "... with an explicit deny in a service control policy".
 */
export function accessDenied(
  principal: Principal,
  action: string,
  resourceArn: string,
  decision: Exclude<Decision, { allowed: true }>,
): AwsError {
  const why = decision.explicit
    ? `with an explicit deny in ${/^[aeiou]/.test(LAYER_NAME[decision.layer]) ? 'an' : 'a'} ${LAYER_NAME[decision.layer]}`
    : `because no ${LAYER_NAME[decision.layer]} allows the ${action} action`;
  return new AwsError(
    'AccessDenied',
    `User: ${principal.arn} is not authorized to perform: ${action} on resource: ${resourceArn} ${why}`,
    403,
  );
}
