/**
 * Which grammar a document is checked against and how the evaluator treats it
 * ("Policy types" in the IAM User Guide): identity-based (inline or managed), resource-based,
 * a role's trust policy (a resource-based policy on the role), an Organizations SCP, a session
 * policy passed to STS, or a managed policy used as a permissions boundary.
 */
export type PolicyKind = 'identity' | 'resource' | 'trust' | 'scp' | 'session' | 'boundary';

/** The two policy language versions ("IAM JSON policy elements: Version"). */
export type PolicyVersion = '2012-10-17' | '2008-10-17';

/**
 * A Principal or NotPrincipal element ("AWS JSON policy elements: Principal"): `"*"`, or a map of
 * principal type to identifiers. Values are normalised to arrays.
 */
export type PrincipalBlock =
  '*' | { AWS?: string[]; Service?: string[]; Federated?: string[]; CanonicalUser?: string[] };

/**
 * A Condition element ("IAM JSON policy elements: Condition"): operator → context key → values.
 * AWS accepts numbers and booleans as values and stringifies them, so values are strings here.
 */
export type ConditionBlock = Record<string, Record<string, string[]>>;

/**
 * One statement, normalised: every element that AWS accepts as "string or array" is an array
 * ("IAM JSON policy element reference"). Exactly one of Action/NotAction is present.
 */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string[];
  NotAction?: string[];
  Resource?: string[];
  NotResource?: string[];
  Principal?: PrincipalBlock;
  NotPrincipal?: PrincipalBlock;
  Condition?: ConditionBlock;
}

/**
 * A validated policy document ("Grammar of the IAM JSON policy language"). A missing Version
 * means 2008-10-17 for evaluation ("If you do not include a Version element, the value defaults
 * to 2008-10-17"), so policy variables are then taken literally.
 */
export interface PolicyDocument {
  Version?: PolicyVersion;
  Id?: string;
  Statement: PolicyStatement[];
}

/**
 * A condition context value. Multivalued keys ("Single-valued vs. multivalued context keys") are
 * arrays; booleans, numbers and dates travel as strings, as AWS writes them in the request context.
 */
export type ContextValue = string | string[];

/** The request being authorized ("Understanding the request context" in the IAM User Guide). */
export interface RequestContext {
  /** `service:Action`, e.g. `iam:CreateUser`; matched case-insensitively, as AWS matches actions. */
  action: string;
  /** The resource ARN, or `*` for actions without resource-level permissions. */
  resource: string;
  /** The calling principal, matched against Principal/NotPrincipal in resource and trust policies. */
  principalArn: string;
  principalAccount: string;
  /** Condition context keys; lookups are case-insensitive on the key (AWS keys are case-insensitive), values case-sensitive. */
  context: Record<string, ContextValue | undefined>;
}

/** What a compiled policy is made of; opaque to callers, produced by `compilePolicy`. */
export interface CompiledPolicy {
  readonly id: string;
  readonly kind: PolicyKind;
  /** @internal */
  readonly _compiled: unknown;
}

/**
 * Every policy that applies to one request ("Policy evaluation logic"). Absent layers do not
 * restrict: no boundary, no session policy, no organization.
 */
export interface PolicySet {
  /** Inline and managed policies of the principal, including its groups' policies. */
  identity: CompiledPolicy[];
  /** The resource-based policy, e.g. a role trust policy; its Principal is matched. A `trust` policy must allow even within the account. */
  resource?: CompiledPolicy;
  /**
   * The resource policy must allow even within its own account, as a trust policy must: a KMS key
   * policy ("Key policies in AWS KMS": IAM policies alone never give access to a key; they count
   * only where the key policy allows the account).
   */
  resourceRequired?: boolean;
  /** Permissions boundary (undefined = no boundary). */
  boundary?: CompiledPolicy[];
  /** Session policies (undefined = none). */
  session?: CompiledPolicy[];
  /** One array per level root→OU→account; each level must allow; undefined = no organization. */
  scps?: CompiledPolicy[][];
  /** Principal is the account root user: identity policies are not needed ("AWS account root user"). */
  isRoot?: boolean;
  /** Resource account equals principal account (same-account rules for resource policies). */
  sameAccount: boolean;
}

/** The three outcomes the IAM policy simulator reports ("EvalDecision" in the IAM API). */
export type EvalDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** The policy layer named in AWS's access-denied messages ("Access denied error messages"). */
export type DenyingLayer = 'scp' | 'resource' | 'identity' | 'boundary' | 'session';

/** One statement that applied to the request, as the simulator's MatchedStatements lists it. */
export interface MatchedStatement {
  policyId: string;
  policyKind: PolicyKind;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** Position of the statement in its policy, from 0. */
  index: number;
}

/** The decision for one request, with what the simulator reports alongside it. */
export interface Evaluation {
  decision: EvalDecision;
  /** Which layer decided a denial: 'scp' | 'resource' | 'identity' | 'boundary' | 'session', for AWS's message variants. */
  deniedBy?: DenyingLayer;
  /** Statements that applied, in evaluation order; the objects are shared between evaluations and frozen. */
  matched: MatchedStatement[];
  /** Condition keys a statement needed that the context lacked (for the simulator's MissingContextValues). */
  missingContextKeys: string[];
  /** The permissions boundary's own decision, when a boundary is present ("PermissionsBoundaryDecisionDetail"). */
  boundaryDecision?: EvalDecision;
}

/** Outcome of `parsePolicyDocument`: AWS's MalformedPolicyDocument text on failure. */
export type ParseResult = { ok: true; policy: PolicyDocument } | { ok: false; reason: string };
