import type { Tag } from '../iam/records.js';
import { type CompiledPolicy, compilePolicy, evaluate, parsePolicyDocument, type PolicyKind } from '../policy/index.js';
import type { CacheBus } from '../shared/cache-bus.js';
import type { CallContext, RequestConditionKeys } from '../shared/call-context.js';
import { type Authorizer, type Decision, resourceAccount } from './authorizer.js';
import { globalConditionKeys } from './request-context.js';

/** A stored policy document with the label the simulator and MatchedStatements report. */
export interface LabelledDocument {
  id: string;
  document: string;
}

/** Where the authorizer reads a principal's policies; the store implements it. */
export interface PolicySource {
  effectiveForUser(userId: string): Promise<{ identity: LabelledDocument[]; boundary?: LabelledDocument }>;
  userTags(userId: string): Promise<Tag[]>;
}

interface PrincipalPolicies {
  identity: CompiledPolicy[];
  boundary?: CompiledPolicy[];
  tags: Tag[];
}

/**
 * Authorizes with the policy engine. A principal's policies are read and compiled once and
 * cached; any policy write publishes an invalidation (on every node, via the cache bus), so
 * the next request reads them afresh.
 */
export class PolicyAuthorizer implements Authorizer {
  readonly #principals = new Map<string, Promise<PrincipalPolicies>>();
  readonly #compiled = new Map<string, CompiledPolicy>();

  constructor(
    private readonly source: PolicySource,
    bus: CacheBus,
    private readonly maxEntries = 50_000,
  ) {
    bus.subscribe((topic, id) => {
      if (topic === 'policies') this.#principals.clear();
      else if (topic === 'user') this.#principals.delete(id);
    });
  }

  async decide(call: CallContext, action: string, resourceArn: string, extra?: RequestConditionKeys): Promise<Decision> {
    const p = call.principal;
    const policies = p.kind === 'user' ? await this.#policiesOf(p.userId) : { identity: [], tags: [] };
    const evaluation = evaluate(
      { action, resource: resourceArn, principalArn: p.arn, principalAccount: p.accountId, context: globalConditionKeys(call, policies.tags, extra) },
      {
        identity: policies.identity,
        sameAccount: resourceAccount(resourceArn, p.accountId) === p.accountId,
        isRoot: p.kind === 'root',
        ...(policies.boundary ? { boundary: policies.boundary } : {}),
      },
    );
    const matched = evaluation.matched.map((m) => ({ policyId: m.policyId, effect: m.effect, index: m.index, ...(m.sid !== undefined ? { sid: m.sid } : {}) }));
    if (evaluation.decision === 'allowed') return { allowed: true, matched };
    return { allowed: false, explicit: evaluation.decision === 'explicitDeny', layer: evaluation.deniedBy ?? 'identity', matched };
  }

  /** Compiles a stored document once per distinct text; documents were validated when written. */
  compile(doc: LabelledDocument, kind: PolicyKind): CompiledPolicy | undefined {
    const key = `${kind}\u0000${doc.id}\u0000${doc.document}`;
    const hit = this.#compiled.get(key);
    if (hit) return hit;
    const parsed = parsePolicyDocument(doc.document, kind);
    if (!parsed.ok) return undefined;
    const compiled = compilePolicy(parsed.policy, { id: doc.id, kind });
    if (this.#compiled.size >= this.maxEntries) this.#compiled.delete(this.#compiled.keys().next().value as string);
    this.#compiled.set(key, compiled);
    return compiled;
  }

  #policiesOf(userId: string): Promise<PrincipalPolicies> {
    let entry = this.#principals.get(userId);
    if (!entry) {
      entry = this.#load(userId);
      // A failed read must not stick: the next request tries again.
      entry.catch(() => this.#principals.delete(userId));
      if (this.#principals.size >= this.maxEntries) this.#principals.delete(this.#principals.keys().next().value as string);
      this.#principals.set(userId, entry);
    }
    return entry;
  }

  async #load(userId: string): Promise<PrincipalPolicies> {
    const [effective, tags] = await Promise.all([this.source.effectiveForUser(userId), this.source.userTags(userId)]);
    const identity = effective.identity.map((d) => this.compile(d, 'identity')).filter((c): c is CompiledPolicy => c !== undefined);
    const boundary = effective.boundary && this.compile(effective.boundary, 'boundary');
    return { identity, tags, ...(boundary ? { boundary: [boundary] } : {}) };
  }
}
