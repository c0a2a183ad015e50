import type { CompiledPolicy, PolicyKind } from '../policy/index.js';
import { ALL, type CacheBus } from '../shared/cache-bus.js';
import type { Principal } from '../shared/principal.js';
import type { AuthorizeOptions, CallContext, RequestConditionKeys } from '../shared/call-context.js';
import type { AccountStatus } from './account-status.js';
import type { CacheStats } from './cache-stats.js';
import type { Authorizer, Decision } from './authorizer.js';
import {
  type ConditionFamily,
  type LabelledDocument,
  PolicyEvaluation,
  actsAsRoot,
  organizationPoliciesBind,
  rcpResourceAccount,
} from './policy-evaluation.js';
import type { PrincipalTag as Tag } from './request-context.js';

export type { LabelledDocument } from './policy-evaluation.js';

/** Where the authorizer reads a principal's policies; the store implements it. */
export interface PolicySource {
  effectiveForUser(userId: string): Promise<{ identity: LabelledDocument[]; boundary?: LabelledDocument }>;
  userTags(userId: string): Promise<Tag[]>;
  /** A role's policies and tags, for its sessions (absent: role sessions have no permissions). */
  effectiveForRole?(roleId: string): Promise<{ identity: LabelledDocument[]; boundary?: LabelledDocument }>;
  roleTags?(roleId: string): Promise<Tag[]>;
  /**
   * The SCPs over an account, one level per node root → OUs → account (Organizations); undefined
   * when none apply (no organization, the management account, or the SCP type not enabled).
   */
  scpsForAccount?(accountId: string): Promise<LabelledDocument[][] | undefined>;
  /**
   * The RCPs over an account's resources, one level per node root → OUs → account; undefined
   * when none apply (no organization, the management account, or the RCP type not enabled).
   */
  rcpsForAccount?(accountId: string): Promise<LabelledDocument[][] | undefined>;
  /** The organization an account is in, for aws:PrincipalOrgID; undefined outside one. */
  orgIdOfAccount?(accountId: string): Promise<string | undefined>;
}

/** Deny everything, as an SCP and as an RCP (which must name its Principal). */
const denyAll = (kind: PolicyKind): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', ...(kind === 'scp' ? {} : { Principal: '*' }), Action: '*', Resource: '*' }],
  });

/** STS actions GetSessionToken credentials without MFA may still call ("Comparing the AWS STS API operations"). */
const NO_MFA_STS_ACTIONS = new Set(['sts:assumerole', 'sts:getcalleridentity']);

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
  /** Compiled SCP levels per account, dropped with the policies (any SCP, attachment or tree change publishes `policies`). */
  readonly #scps = new Map<string, Promise<CompiledPolicy[][] | undefined>>();
  /** Compiled RCP levels per resource account, and each account's organization, dropped with the SCPs. */
  readonly #rcps = new Map<string, Promise<CompiledPolicy[][] | undefined>>();
  readonly #orgIds = new Map<string, Promise<string | undefined>>();
  readonly #evaluation: PolicyEvaluation;
  /** Lookups of a principal's policies, an account's SCP/RCP levels and organization (read by /metrics). */
  readonly stats: CacheStats = { hits: 0, misses: 0 };

  constructor(
    private readonly source: PolicySource,
    bus: CacheBus,
    private readonly maxEntries = 50_000,
    /** Absent: every account counts as active. */
    private readonly accounts?: AccountStatus,
    /** The evaluation service and its compile cache (the server shares one); absent: one of its own. */
    evaluation?: PolicyEvaluation,
  ) {
    this.#evaluation = evaluation ?? new PolicyEvaluation(maxEntries);
    bus.subscribe((topic, id) => {
      // Entries are keyed by unique ID (AIDA…, AROA…), so any entity's invalidation can drop its own.
      if (topic === 'policies' || id === ALL) {
        this.#principals.clear();
        this.#scps.clear();
        this.#rcps.clear();
        this.#orgIds.clear();
      } else if (topic !== 'access-key') this.#principals.delete(id);
    });
  }

  mentions(family: ConditionFamily): boolean {
    return this.#evaluation.mentions(family);
  }

  async decide(
    call: CallContext,
    action: string,
    resourceArn: string,
    extra?: RequestConditionKeys,
    options?: AuthorizeOptions,
  ): Promise<Decision> {
    const p = call.principal;
    // A suspended (closed) account uses no service. Signed calls are refused at authentication;
    // this covers console sessions, whose root may still reach its account settings, as AWS allows.
    if (this.accounts) {
      const active = this.accounts.isActive(p.accountId);
      if (
        !(typeof active === 'boolean' ? active : await active) &&
        !(p.kind === 'root' && !p.session?.assumedRoot && /^account:/i.test(action))
      ) {
        return { allowed: false, explicit: false, layer: 'identity', matched: [] };
      }
    }
    // GetSessionToken credentials without MFA cannot call IAM, nor STS beyond AssumeRole and GetCallerIdentity.
    if (
      (p.kind === 'user' || p.kind === 'root') &&
      p.session &&
      !p.session.mfaPresent &&
      !p.session.assumedRoot &&
      !p.session.console
    ) {
      const lower = action.toLowerCase();
      if (lower.startsWith('iam:') || (lower.startsWith('sts:') && !NO_MFA_STS_ACTIONS.has(lower))) {
        return { allowed: false, explicit: false, layer: 'identity', matched: [] };
      }
    }
    // GetFederationToken credentials cannot call IAM, nor STS beyond GetCallerIdentity (which needs no permission).
    if (p.kind === 'federated-user' && /^(iam|sts):/i.test(action))
      return { allowed: false, explicit: false, layer: 'identity', matched: [] };
    const loaded = await this.#principalPolicies(p);
    const grant = options?.identityGrant && this.compile(options.identityGrant, 'identity');
    const policies = grant ? { ...loaded, identity: [...loaded.identity, grant] } : loaded;
    const session =
      p.session && (p.kind === 'assumed-role' || p.kind === 'federated-user')
        ? this.#sessionPolicies(p.session.policies, p.kind)
        : undefined;
    const resourcePolicy = options?.resourcePolicy && this.compile(options.resourcePolicy, options.resourcePolicy.kind);
    const scps = organizationPoliciesBind(p) ? await this.#scpsOf(p.accountId) : undefined;
    // RCPs bind the resource's account, whoever the caller: a cross-account caller too.
    const rcpAccount = organizationPoliciesBind(p)
      ? rcpResourceAccount(action, resourceArn, options?.resourceOwner)
      : undefined;
    const rcps = rcpAccount
      ? await this.#levelsOf(this.#rcps, rcpAccount, this.source.rcpsForAccount, 'resource')
      : undefined;
    const orgId = this.source.orgIdOfAccount
      ? await this.#cached(this.#orgIds, p.accountId, this.source.orgIdOfAccount)
      : undefined;
    // aws:PrincipalOrgID is in the context only for a principal whose account is in an organization.
    const keys = orgId ? { ...extra, 'aws:PrincipalOrgID': orgId } : extra;
    const evaluation = this.#evaluation.evaluate({
      action,
      resource: resourceArn,
      principalArn: p.arn,
      principalAccount: p.accountId,
      context: this.#evaluation.requestContext(call, policies.tags, keys),
      identity: policies.identity,
      isRoot: actsAsRoot(p),
      ...(scps ? { scps } : {}),
      ...(rcps ? { rcps } : {}),
      ...(policies.boundary ? { boundary: policies.boundary } : {}),
      ...(session ? { session } : {}),
      ...(resourcePolicy ? { resourcePolicy } : {}),
      ...(resourcePolicy && options?.resourcePolicyRequired ? { resourcePolicyRequired: true } : {}),
      ...(options?.resourceOwner !== undefined ? { resourceOwner: options.resourceOwner } : {}),
    });
    const matched = evaluation.matched.map((m) => ({
      policyId: m.policyId,
      effect: m.effect,
      index: m.index,
      ...(m.sid !== undefined ? { sid: m.sid } : {}),
    }));
    if (evaluation.decision === 'allowed') return { allowed: true, matched };
    return {
      allowed: false,
      explicit: evaluation.decision === 'explicitDeny',
      layer: evaluation.deniedBy ?? 'identity',
      matched,
    };
  }

  /**
   * The session layer: an assumed role with no session policy is not narrowed; a federated user
   * with none has no permissions at all (AWS: "If you do not pass a policy ... no permissions").
   */
  #sessionPolicies(docs: LabelledDocument[], kind: 'assumed-role' | 'federated-user'): CompiledPolicy[] | undefined {
    if (docs.length === 0) return kind === 'federated-user' ? [] : undefined;
    return docs.map((d) => this.compile(d, 'session')).filter((c): c is CompiledPolicy => c !== undefined);
  }

  #principalPolicies(p: Principal): Promise<PrincipalPolicies> | PrincipalPolicies {
    switch (p.kind) {
      case 'user':
        return this.#policiesOf(p.userId, () => this.#load(p.userId));
      case 'assumed-role':
        return this.#policiesOf(p.roleId, () => this.#loadRole(p.roleId));
      case 'federated-user':
        return p.sourceUserId === undefined
          ? { identity: [], tags: [] }
          : this.#policiesOf(p.sourceUserId, () => this.#load(p.sourceUserId!));
      case 'root':
        // An sts:AssumeRoot session: root's implicit allow (isRoot) narrowed by the task policy,
        // evaluated as an identity policy. AWS's root-task policies are Deny-with-NotAction only,
        // so the task policy's explicit denies are what confine the session to its task.
        if (p.session?.assumedRoot)
          return {
            identity: p.session.policies
              .map((d) => this.compile(d, 'identity'))
              .filter((c): c is CompiledPolicy => c !== undefined),
            tags: [],
          };
        return { identity: [], tags: [] };
    }
  }

  /** Compiles a stored document once per distinct text, through the evaluation service's cache. */
  /**
   * An organization policy that does not compile (only emulator mode stores one) denies
   * everything: whatever it was meant to forbid stays forbidden.
   */
  #compileOrDenyAll(doc: LabelledDocument, kind: PolicyKind): CompiledPolicy {
    return this.compile(doc, kind) ?? this.compile({ id: doc.id, document: denyAll(kind) }, kind)!;
  }

  compile(doc: LabelledDocument, kind: PolicyKind): CompiledPolicy | undefined {
    return this.#evaluation.compile(doc, kind);
  }

  #scpsOf(accountId: string): Promise<CompiledPolicy[][] | undefined> | undefined {
    const source = this.source.scpsForAccount;
    if (!source) return undefined;
    let entry = this.#scps.get(accountId);
    if (entry) this.stats.hits++;
    else {
      this.stats.misses++;
      entry = source(accountId).then((levels) =>
        levels?.map((level) => level.map((d) => this.#compileOrDenyAll(d, 'scp'))),
      );
      entry.catch(() => this.#scps.delete(accountId));
      if (this.#scps.size >= this.maxEntries) this.#scps.delete(this.#scps.keys().next().value as string);
      this.#scps.set(accountId, entry);
    }
    return entry;
  }

  #levelsOf(
    cache: Map<string, Promise<CompiledPolicy[][] | undefined>>,
    accountId: string,
    source: ((accountId: string) => Promise<LabelledDocument[][] | undefined>) | undefined,
    kind: PolicyKind,
  ): Promise<CompiledPolicy[][] | undefined> | undefined {
    if (!source) return undefined;
    return this.#cached(cache, accountId, (id) =>
      source(id).then((levels) => levels?.map((level) => level.map((d) => this.#compileOrDenyAll(d, kind)))),
    );
  }

  #cached<T>(cache: Map<string, Promise<T>>, key: string, load: (key: string) => Promise<T>): Promise<T> {
    let entry = cache.get(key);
    if (entry) this.stats.hits++;
    else {
      this.stats.misses++;
      entry = load(key);
      entry.catch(() => cache.delete(key));
      if (cache.size >= this.maxEntries) cache.delete(cache.keys().next().value as string);
      cache.set(key, entry);
    }
    return entry;
  }

  #policiesOf(userId: string, load: () => Promise<PrincipalPolicies>): Promise<PrincipalPolicies> {
    let entry = this.#principals.get(userId);
    if (entry) this.stats.hits++;
    else {
      this.stats.misses++;
      entry = load();
      // A failed read must not stick: the next request tries again.
      entry.catch(() => this.#principals.delete(userId));
      if (this.#principals.size >= this.maxEntries)
        this.#principals.delete(this.#principals.keys().next().value as string);
      this.#principals.set(userId, entry);
    }
    return entry;
  }

  async #load(userId: string): Promise<PrincipalPolicies> {
    const [effective, tags] = await Promise.all([this.source.effectiveForUser(userId), this.source.userTags(userId)]);
    const identity = effective.identity
      .map((d) => this.compile(d, 'identity'))
      .filter((c): c is CompiledPolicy => c !== undefined);
    const boundary = effective.boundary && this.compile(effective.boundary, 'boundary');
    return { identity, tags, ...(boundary ? { boundary: [boundary] } : {}) };
  }

  async #loadRole(roleId: string): Promise<PrincipalPolicies> {
    const none: { identity: LabelledDocument[]; boundary?: LabelledDocument } = { identity: [] };
    const [effective, tags] = await Promise.all([
      this.source.effectiveForRole ? this.source.effectiveForRole(roleId) : none,
      this.source.roleTags ? this.source.roleTags(roleId) : [],
    ]);
    const identity = effective.identity
      .map((d) => this.compile(d, 'identity'))
      .filter((c): c is CompiledPolicy => c !== undefined);
    const boundary = effective.boundary && this.compile(effective.boundary, 'boundary');
    return { identity, tags, ...(boundary ? { boundary: [boundary] } : {}) };
  }
}
