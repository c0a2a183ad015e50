import type { Caller } from '../auth/authenticate.js';
import { type Authorizer, type Decision, accessDenied } from '../auth/authorizer.js';
import { AwsError } from '../shared/aws-error.js';
import type { CallContext } from '../shared/call-context.js';

/** Where a call came from, as the condition keys (aws:SourceIp, aws:SecureTransport, …) see it. */
export interface CallOrigin {
  sourceIp: string;
  userAgent: string;
  secure: boolean;
  host?: string | undefined;
}

/** Told of each decision, for the call's audit record. */
export type DecisionListener = (action: string, resourceArn: string, decision: Decision) => void;

/** The context a handler runs in: the caller, and `authorize` asking the policy engine as that caller. */
export function callContext(
  requestId: string,
  caller: Caller,
  now: Date,
  authorizer: Authorizer,
  origin: CallOrigin,
  onDecision?: DecisionListener,
): CallContext {
  const ctx: CallContext = {
    requestId,
    principal: caller.principal,
    ...(caller.accessKeyId ? { accessKeyId: caller.accessKeyId } : {}),
    region: caller.region,
    now,
    sourceIp: origin.sourceIp,
    userAgent: origin.userAgent,
    secureTransport: origin.secure,
    ...(origin.host !== undefined ? { host: origin.host } : {}),
    async authorize(action, resourceArn, context, options) {
      if (caller.anonymous)
        throw new AwsError('AccessDenied', `Anonymous callers are not authorized to perform: ${action}`, 403);
      const decision = await authorizer.decide(ctx, action, resourceArn, context, options);
      onDecision?.(action, resourceArn, decision);
      if (!decision.allowed) {
        if (options?.deniedMessage !== undefined) {
          // AWS names an explicit deny by a resource control policy even where its text otherwise names no layer (sts:AssumeRole).
          const rcp =
            decision.explicit && decision.layer === 'rcp' ? ' with an explicit deny in a resource control policy' : '';
          throw new AwsError('AccessDenied', options.deniedMessage + rcp, 403);
        }
        throw accessDenied(caller.principal, action, resourceArn, decision);
      }
    },
  };
  return ctx;
}
