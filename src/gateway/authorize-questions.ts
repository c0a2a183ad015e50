import type { Caller } from '../auth/authenticate.js';
import type { Authorizer, Decision } from '../auth/authorizer.js';
import type { AuthorizeOptions, CallContext } from '../shared/call-context.js';
import type { IdentifiedOperation } from '../wire/routing/types.js';
import { fetchFacts } from './backend-facts.js';
import type { GatewayDeps } from './gateway-deps.js';
import type {
  AuthorizationQuestion,
  FactRequest,
  Facts,
  QuestionsResult,
  S3AuthFacts,
  Scope,
} from './iam-questions/index.js';
import type { ConditionFamily } from '../auth/policy-evaluation.js';
import { resourcePolicyOf } from './resource-policy-lookup.js';
import { partitionOf } from '../shared/partition.js';

export interface QuestionsVerdict {
  questions: AuthorizationQuestion[];
  /** The first question IAM denied (enforce mode stops there). */
  denied?: { action: string; resource: string; decision: Exclude<Decision, { allowed: true }> };
  /** Why the call could not be put to IAM at all (a resource the backend does not know): denied. */
  unresolved?: string;
}

/** Rounds of "ask, fetch what the answer still needs": facts that need facts (an alias's key's tags) take two. */
const FACT_ROUNDS = 3;

/**
 * What each fact is for: naming the resource (always fetched: without it there is no question),
 * or a family of condition keys (fetched only once a policy Ward has read names such a key).
 */
const FEEDS: Record<FactRequest['kind'], ConditionFamily | 'resource'> = {
  kmsAliasTarget: 'resource',
  secretArn: 'resource',
  dynamodbPartitionKey: 'leading-keys',
  resourceTags: 'resource-tags',
  s3ObjectTags: 'object-tags',
};

type Authorize = (action: string, resource: string, decision: Decision) => void;

/**
 * Asks the evaluation service each of the operation's IAM questions as the caller, with the
 * resource's own policy (read from the backend, cached) and its owner: AWS's whole evaluation
 * (identity, boundary, session, SCPs, RCPs, resource policy; same- and cross-account).
 *
 * A backend's tags and key schemas matter only to a policy that names those keys: they are
 * fetched once some policy read so far does. The first evaluation reads (and compiles) every
 * policy in play, so if one of them names such a key, the facts are fetched and the questions
 * asked again; only the final decisions are recorded.
 */
export async function authorizeQuestions(
  deps: GatewayDeps & { pipeline: { authorizer: Authorizer } },
  ctx: CallContext,
  op: IdentifiedOperation,
  caller: Caller,
  s3Auth: S3AuthFacts | undefined,
  onDecision: Authorize,
): Promise<QuestionsVerdict> {
  const scope: Scope = {
    partition: partitionOf(caller.region),
    region: caller.region,
    accountId: caller.principal.accountId,
  };
  const authorizer = deps.pipeline.authorizer;
  const needed = (f: FactRequest): boolean => {
    const feeds = FEEDS[f.kind];
    return feeds === 'resource' || (authorizer.mentions?.(feeds) ?? true);
  };
  const fetched = new Set<string>();
  // kms:CallerAccount and the like: the caller's account, as the service sees it.
  let facts: Facts = { callerAccount: caller.principal.accountId, ...(s3Auth ? { s3Auth } : {}) };
  let result = await deps.questions.authorizationQuestions(op, scope, facts);
  const gather = async (): Promise<boolean> => {
    let gathered = false;
    for (let round = 0; round < FACT_ROUNDS; round++) {
      const wanted = result.missingFacts.filter((f) => needed(f) && !fetched.has(`${f.kind} ${f.key}`));
      if (wanted.length === 0) break;
      for (const f of wanted) fetched.add(`${f.kind} ${f.key}`);
      facts = mergeFacts(facts, await fetchFacts(deps, wanted, caller));
      result = await deps.questions.authorizationQuestions(op, scope, facts);
      gathered = true;
    }
    return gathered;
  };
  await gather();
  let verdict = await decideAll(deps, ctx, caller, op.operation, result);
  // The evaluation has now read every policy in play: one naming a skipped fact's keys wants it.
  if (verdict.unresolved === undefined && (await gather()))
    verdict = await decideAll(deps, ctx, caller, op.operation, result);
  for (const d of verdict.decisions) onDecision(d.action, d.resource, d.decision);
  return verdict;
}

async function decideAll(
  deps: GatewayDeps & { pipeline: { authorizer: Authorizer } },
  ctx: CallContext,
  caller: Caller,
  operation: string,
  result: QuestionsResult,
): Promise<QuestionsVerdict & { decisions: Array<{ action: string; resource: string; decision: Decision }> }> {
  if (result.unresolved !== undefined) {
    const action = `${result.iamService}:${operation}`;
    const decision: Exclude<Decision, { allowed: true }> = {
      allowed: false,
      explicit: false,
      layer: 'identity',
      matched: [],
    };
    return {
      questions: [],
      unresolved: result.unresolved,
      denied: { action, resource: '*', decision },
      decisions: [{ action, resource: '*', decision }],
    };
  }
  const verdict: QuestionsVerdict & { decisions: Array<{ action: string; resource: string; decision: Decision }> } = {
    questions: result.questions,
    decisions: [],
  };
  for (const q of result.questions) {
    const options: AuthorizeOptions = await resourcePolicyOf(deps, q.action, q.resource, caller);
    const decision = await deps.pipeline.authorizer.decide(ctx, q.action, q.resource, q.context, options);
    verdict.decisions.push({ action: q.action, resource: q.resource, decision });
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
