import type { Caller } from '../auth/authenticate.js';
import type { Authorizer, Decision } from '../auth/authorizer.js';
import type { AuthorizeOptions, CallContext } from '../shared/call-context.js';
import type { IdentifiedOperation } from '../wire/routing/types.js';
import { fetchFacts } from './backend-facts.js';
import type { GatewayDeps } from './gateway-deps.js';
import type { AuthorizationQuestion, Facts, S3AuthFacts, Scope } from './iam-questions/index.js';
import { resourcePolicyOf } from './resource-policy-lookup.js';

export interface QuestionsVerdict {
  questions: AuthorizationQuestion[];
  /** The first question IAM denied (enforce mode stops there). */
  denied?: { action: string; resource: string; decision: Exclude<Decision, { allowed: true }> };
  /** Why the call could not be put to IAM at all (a resource the backend does not know): denied. */
  unresolved?: string;
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

/** Rounds of "ask, fetch what the answer still needs": facts that need facts (an alias's key's tags) take two. */
const FACT_ROUNDS = 3;

/**
 * Asks the evaluation service each of the operation's IAM questions as the caller, with the
 * resource's own policy (read from the backend, cached) and its owner: AWS's whole evaluation
 * (identity, boundary, session, SCPs, RCPs, resource policy; same- and cross-account).
 */
export async function authorizeQuestions(
  deps: GatewayDeps & { pipeline: { authorizer: Authorizer } },
  ctx: CallContext,
  op: IdentifiedOperation,
  caller: Caller,
  s3Auth: S3AuthFacts | undefined,
  onDecision: (action: string, resource: string, decision: Decision) => void,
): Promise<QuestionsVerdict> {
  const scope: Scope = {
    partition: partitionOf(caller.region),
    region: caller.region,
    accountId: caller.principal.accountId,
  };
  let facts: Facts = s3Auth ? { s3Auth } : {};
  let result = await deps.questions.authorizationQuestions(op, scope, facts);
  for (let round = 0; round < FACT_ROUNDS && result.missingFacts.length > 0; round++) {
    facts = mergeFacts(facts, await fetchFacts(deps, result.missingFacts, caller));
    result = await deps.questions.authorizationQuestions(op, scope, facts);
  }
  if (result.unresolved !== undefined) {
    const action = `${result.iamService}:${op.operation}`;
    const decision: Exclude<Decision, { allowed: true }> = {
      allowed: false,
      explicit: false,
      layer: 'identity',
      matched: [],
    };
    onDecision(action, '*', decision);
    return { questions: [], unresolved: result.unresolved, denied: { action, resource: '*', decision } };
  }
  const verdict: QuestionsVerdict = { questions: result.questions };
  for (const q of result.questions) {
    const options: AuthorizeOptions = await resourcePolicyOf(deps, q.action, q.resource, caller);
    const decision = await deps.pipeline.authorizer.decide(ctx, q.action, q.resource, q.context, options);
    onDecision(q.action, q.resource, decision);
    if (!decision.allowed && !verdict.denied) {
      verdict.denied = { action: q.action, resource: q.resource, decision };
      if (deps.mode === 'enforce') break;
    }
  }
  return verdict;
}

function mergeFacts(a: Facts, b: Facts): Facts {
  const out: Record<string, unknown> = { ...a };
  for (const [kind, byKey] of Object.entries(b)) {
    out[kind] = kind === 's3Auth' ? byKey : { ...(a as Record<string, object>)[kind], ...(byKey as object) };
  }
  return out;
}
