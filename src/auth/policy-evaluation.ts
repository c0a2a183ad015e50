import {
  type CompiledPolicy,
  type DenyingLayer as PolicyLayer,
  type Evaluation,
  type PolicyKind,
  compilePolicy,
  evaluate,
  parsePolicyDocument,
} from '../policy/index.js';
import { parseArn } from '../shared/arn.js';
import { CANONICAL_PARTITION, inPartition, partitionOf, valuesInPartition } from '../shared/partition.js';
import type { CallContext, RequestConditionKeys } from '../shared/call-context.js';
import type { Principal } from '../shared/principal.js';
import type { CacheStats } from './cache-stats.js';
import { type PrincipalTag, globalConditionKeys } from './request-context.js';

export { type PrincipalFacts, type PrincipalTag, principalConditionKeys } from './request-context.js';

/**
 * The one policy-evaluation service. Everything that decides by policy — the authorizer behind
 * every `ctx.authorize`, `POST /authorize`, the policy simulator, web identity's trust check and
 * the gateway — parses and compiles documents here, builds the request context here, and
 * evaluates here, so AWS's rules that sit around the evaluation proper (a resource in an AWS
 * managed policy is the caller's own, root's implicit allow, which principals SCPs and RCPs bind)
 * are written once. Pure: no store, no clock, no I/O; the caches are its only state.
 */

/** A stored or submitted policy document with the label MatchedStatements and the simulator report. */
export interface LabelledDocument {
  id: string;
  document: string;
}

export type Compiled = { ok: true; policy: CompiledPolicy } | { ok: false; reason: string };

/** Parses (with AWS's validation wording) and compiles one document: the only parse-then-compile. */
export function compileDocument(doc: LabelledDocument, kind: PolicyKind): Compiled {
  const parsed = parsePolicyDocument(doc.document, kind);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  return { ok: true, policy: compilePolicy(parsed.policy, { id: doc.id, kind }) };
}

/** The layer that denied: the evaluator's, or a resource control policy. */
export type DenyingLayer = PolicyLayer | 'rcp';

export interface EvaluationRequest {
  action: string;
  resource: string;
  /** The caller as Principal elements and aws:PrincipalAccount see it. */
  principalArn: string;
  principalAccount: string;
  /** The resource's account when its ARN does not tell (the simulator's ResourceOwner). */
  resourceOwner?: string;
  context: Record<string, string | string[]>;
  identity: readonly CompiledPolicy[];
  /** The account root user: its own account's resources need no identity policy. */
  isRoot?: boolean;
  boundary?: readonly CompiledPolicy[];
  session?: readonly CompiledPolicy[];
  /** The resource's own policy (a role's trust policy for STS). */
  resourcePolicy?: CompiledPolicy;
  /** The resource policy must allow even within the account (a KMS key policy; see PolicySet). */
  resourcePolicyRequired?: boolean;
  /** SCP levels root → OUs → account over the caller's account (see `scpsBind`). */
  scps?: ReadonlyArray<readonly CompiledPolicy[]>;
  /**
   * RCP levels over the resource's account (Organizations resource control policies): every level
   * must allow and any explicit deny wins, as for SCPs, whoever the caller is. The authorizer
   * supplies them for the resource's account (`rcpResourceAccount`), compiled as resource policies.
   */
  rcps?: ReadonlyArray<readonly CompiledPolicy[]>;
}

export interface EvaluationOutcome extends Omit<Evaluation, 'deniedBy'> {
  deniedBy?: DenyingLayer;
}

/**
 * The account a resource ARN belongs to. `*`, account-less ARNs and AWS managed policies
 * (`arn:aws:iam::aws:policy/…`, readable and attachable by every account) count as the caller's own.
 */
export function resourceAccount(resourceArn: string, callerAccount: string): string {
  if (resourceArn === '*') return callerAccount;
  const account = parseArn(resourceArn)?.account;
  return account && account !== 'aws' ? account : callerAccount;
}

/** Root's implicit allow: the account root user, and a federated user its root created (GetFederationToken as root). */
export const actsAsRoot = (p: Principal): boolean =>
  p.kind === 'root' || (p.kind === 'federated-user' && p.sourceUserId === undefined);

/** Service-linked roles are not restricted by SCPs (nor RCPs); every other principal is. */
export const organizationPoliciesBind = (p: Principal): boolean =>
  !(p.kind === 'assumed-role' && p.rolePath.startsWith('/aws-service-role/'));

/**
 * The services whose resources RCPs govern ("Resource control policies (RCPs)", List of AWS
 * services that support RCPs): Amazon S3, AWS STS, AWS KMS, Amazon SQS and AWS Secrets Manager.
 */
export const RCP_SERVICES: ReadonlySet<string> = new Set(['s3', 'sts', 'sqs', 'secretsmanager', 'kms']);

/**
 * The account whose RCPs bind a request: the resource's owner, when the action is of a service
 * RCPs govern and the resource ARN names its account (sts:AssumeRole on a role, not
 * sts:GetCallerIdentity on `*`), or else the owner the caller knows (an S3 bucket's, whose ARN
 * names no account). Undefined when no RCP applies. Which principals they bind is
 * `organizationPoliciesBind`; the management account's exemption is the caller's to apply.
 */
export function rcpResourceAccount(action: string, resourceArn: string, resourceOwner?: string): string | undefined {
  const service = action.slice(0, action.indexOf(':')).toLowerCase();
  if (!RCP_SERVICES.has(service) || resourceArn === '*') return undefined;
  const account = parseArn(resourceArn)?.account;
  return account && account !== 'aws' ? account : resourceOwner;
}

/**
 * The request as policies in the caller's partition see it: the partition aws:RequestedRegion is
 * in (a call signed for cn-north-1 is in aws-cn), with the resource, the caller and every ARN
 * among the condition keys rendered there. A policy written for aws-cn matches `arn:aws-cn:…`,
 * and one written for aws does not match an aws-cn call.
 */
function inCallerPartition(req: EvaluationRequest): Pick<EvaluationRequest, 'resource' | 'principalArn' | 'context'> {
  const region = req.context['aws:RequestedRegion'];
  const partition = typeof region === 'string' ? partitionOf(region) : CANONICAL_PARTITION;
  if (partition === CANONICAL_PARTITION)
    return { resource: req.resource, principalArn: req.principalArn, context: req.context };
  return {
    resource: inPartition(req.resource, partition),
    principalArn: inPartition(req.principalArn, partition),
    context: valuesInPartition(req.context, partition),
  };
}

/** Decides one request by AWS's evaluation logic, with the rules around it. */
export function evaluatePolicies(req: EvaluationRequest): EvaluationOutcome {
  const owner = req.resourceOwner ?? resourceAccount(req.resource, req.principalAccount);
  const request = {
    action: req.action,
    principalAccount: req.principalAccount,
    ...inCallerPartition(req),
  };
  const result = evaluate(request, {
    identity: req.identity as CompiledPolicy[],
    sameAccount: owner === req.principalAccount,
    ...(req.isRoot ? { isRoot: true } : {}),
    ...(req.scps ? { scps: req.scps as CompiledPolicy[][] } : {}),
    ...(req.boundary ? { boundary: req.boundary as CompiledPolicy[] } : {}),
    ...(req.session ? { session: req.session as CompiledPolicy[] } : {}),
    ...(req.resourcePolicy ? { resource: req.resourcePolicy } : {}),
    ...(req.resourcePolicy && req.resourcePolicyRequired ? { resourceRequired: true } : {}),
  });
  if (!req.rcps || result.decision === 'explicitDeny') return result;
  // RCPs as a layer of their own: the evaluator's SCP rule (every level allows, a deny wins) over no other policy.
  const rcp = evaluate(request, {
    identity: [],
    scps: req.rcps as CompiledPolicy[][],
    isRoot: true,
    sameAccount: true,
  });
  if (rcp.decision === 'allowed') return result;
  const matched = [...result.matched, ...rcp.matched];
  if (rcp.decision === 'explicitDeny' || result.decision === 'allowed')
    return { ...result, decision: rcp.decision, deniedBy: 'rcp', matched };
  return result;
}

/** Condition keys whose values cost the gateway a backend call (tags, DynamoDB's partition key). */
export type ConditionFamily = 'object-tags' | 'resource-tags' | 'leading-keys';
const FAMILIES: ReadonlyArray<[ConditionFamily, RegExp]> = [
  ['object-tags', /ExistingObjectTag/i],
  ['resource-tags', /ResourceTag/i],
  ['leading-keys', /LeadingKeys/i],
];

/**
 * The service with its compile cache: stored documents are compiled once per distinct text and
 * label and kept (bounded) until evicted. The server makes one and hands it to the authorizer.
 */
export class PolicyEvaluation {
  readonly #compiled = new Map<string, CompiledPolicy>();
  /** Documents found compiled already, or compiled now (read by /metrics). */
  readonly stats: CacheStats = { hits: 0, misses: 0 };
  /**
   * Condition-key families some document compiled by this process names (monotonic, never
   * cleared): facts that only such keys need (a backend's tags) are fetched only once a policy
   * could read them.
   */
  readonly #mentioned = new Set<ConditionFamily>();

  constructor(private readonly maxEntries = 50_000) {}

  /** Whether any policy compiled so far names a key of the family (`s3:ExistingObjectTag/…`). */
  mentions(family: ConditionFamily): boolean {
    return this.#mentioned.has(family);
  }

  /** A stored document (validated when written); undefined if it no longer parses. */
  compile(doc: LabelledDocument, kind: PolicyKind): CompiledPolicy | undefined {
    const key = `${kind}\u0000${doc.id}\u0000${doc.document}`;
    const hit = this.#compiled.get(key);
    if (hit) {
      this.stats.hits++;
      return hit;
    }
    this.stats.misses++;
    for (const [family, pattern] of FAMILIES) if (pattern.test(doc.document)) this.#mentioned.add(family);
    const compiled = compileDocument(doc, kind);
    if (!compiled.ok) return undefined;
    if (this.#compiled.size >= this.maxEntries) this.#compiled.delete(this.#compiled.keys().next().value as string);
    this.#compiled.set(key, compiled.policy);
    return compiled.policy;
  }

  compileAll(docs: readonly LabelledDocument[], kind: PolicyKind): CompiledPolicy[] {
    const out: CompiledPolicy[] = [];
    for (const d of docs) {
      const c = this.compile(d, kind);
      if (c) out.push(c);
    }
    return out;
  }

  /** AWS's global condition keys for the call, then the operation's own keys. */
  requestContext(
    call: CallContext,
    principalTags: readonly PrincipalTag[],
    extra?: RequestConditionKeys,
  ): Record<string, string | string[]> {
    return globalConditionKeys(call, principalTags, extra);
  }

  evaluate(req: EvaluationRequest): EvaluationOutcome {
    return evaluatePolicies(req);
  }
}
