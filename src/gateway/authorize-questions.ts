import type { Caller } from '../auth/authenticate.js';
import type { Authorizer, Decision } from '../auth/authorizer.js';
import type { AuthorizeOptions, CallContext } from '../shared/call-context.js';
import type { IdentifiedOperation } from '../wire/routing/types.js';
import { type BackendFacts, fetchFacts } from './backend-facts.js';
import type { AuthorizationQuestion, GatewayDeps, QuestionScope, RoutedService } from './gateway-deps.js';
import { resourcePolicyOf } from './resource-policy-lookup.js';

export interface QuestionsVerdict {
  questions: AuthorizationQuestion[];
  /** The first question IAM denied (enforce mode stops there). */
  denied?: { action: string; resource: string; decision: Exclude<Decision, { allowed: true }> };
}

/** The partition a region belongs to, by its prefix (botocore's partitions' region patterns). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-isof-')) return 'aws-iso-f';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

/**
 * Asks the evaluation service each of the operation's IAM questions as the caller, with the
 * resource's own policy (read from the backend, cached) and its owner: AWS's whole evaluation
 * (identity, boundary, session, SCPs, RCPs, resource policy; same- and cross-account).
 */
export async function authorizeQuestions(
  deps: GatewayDeps & { pipeline: { authorizer: Authorizer } },
  ctx: CallContext,
  service: RoutedService,
  op: IdentifiedOperation,
  caller: Caller,
  onDecision: (action: string, resource: string, decision: Decision) => void,
): Promise<QuestionsVerdict> {
  const scope: QuestionScope = {
    partition: partitionOf(caller.region),
    region: caller.region,
    accountId: caller.principal.accountId,
  };
  const facts: BackendFacts = await fetchFacts(deps, service, deps.questions.factsNeeded(op, scope), caller);
  const questions = deps.questions.questions(op, scope, facts);
  const verdict: QuestionsVerdict = { questions };
  for (const q of questions) {
    const options: AuthorizeOptions = await resourcePolicyOf(deps, q.resource, caller);
    const decision = await deps.pipeline.authorizer.decide(ctx, q.action, q.resource, q.context, options);
    onDecision(q.action, q.resource, decision);
    if (!decision.allowed && !verdict.denied) {
      verdict.denied = { action: q.action, resource: q.resource, decision };
      if (deps.mode === 'enforce') break;
    }
  }
  return verdict;
}
