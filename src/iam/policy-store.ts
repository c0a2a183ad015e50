import type {
  AttachedPolicyRef,
  AwsManagedPolicySeed,
  EffectivePolicies,
  ManagedPolicyRecord,
  ManagedPolicyWithUsage,
  Page,
  PageRequest,
  PolicyEntity,
  PolicyEntityKind,
  PolicyEntityRef,
  PolicyListFilter,
  PolicyUsage,
  PolicyVersionRecord,
  Tag,
} from './records.js';

// The policy ports of IamStore, one per concern, so that a caller names only what it uses: the
// authorizer reads effective policies, AssumeRoot reads one version's document, Organizations
// attaches AdministratorAccess. Entities are referred to by unique ID and kind (PolicyEntity).

/** Managed policies: customer managed, and AWS managed ones under account `aws`, with their tags. */
export interface ManagedPolicyRepo {
  /** Creates the policy with `document` as its default version v1. */
  create(policy: ManagedPolicyRecord, document: string, tags: Tag[]): Promise<void>;
  /** By account and name (names are unique per account regardless of path, and case-insensitive). */
  getByName(accountId: string, policyName: string): Promise<ManagedPolicyRecord | undefined>;
  getById(policyId: string): Promise<ManagedPolicyRecord | undefined>;
  /** Deletes the policy with its versions and tags; the caller has checked it is unused. */
  delete(policyId: string): Promise<void>;
  /** Attachments and boundary uses by entities of `accountId`. */
  usage(policyId: string, accountId: string): Promise<PolicyUsage>;
  list(filter: PolicyListFilter, page: PageRequest): Promise<Page<ManagedPolicyWithUsage>>;
  /** Customer managed policies in the account. */
  count(accountId: string): Promise<number>;
  /** GetAccountSummary: customer managed policies, and attachments in use by the account's entities. */
  summary(accountId: string): Promise<{ policies: number; attachments: number }>;
  /** Makes the AWS managed policies match `seeds` (inserted, or replaced when their default version changed). */
  syncAwsManaged(seeds: AwsManagedPolicySeed[]): Promise<void>;
}

/** The versions of managed policies. */
export interface PolicyVersionRepo {
  /** All versions, newest first. */
  versions(policyId: string): Promise<PolicyVersionRecord[]>;
  version(policyId: string, versionId: string): Promise<PolicyVersionRecord | undefined>;
  /** Adds the next version (v<n>, never reusing a number) and returns its ID; also moves UpdateDate. */
  addVersion(policyId: string, document: string, createdAt: Date, setAsDefault: boolean): Promise<string>;
  setDefaultVersion(policyId: string, versionId: string): Promise<void>;
  deleteVersion(policyId: string, versionId: string): Promise<void>;
  /** A version's document by policy ARN (the default version when `versionId` is absent): for the simulator. */
  document(
    policyArn: string,
    versionId?: string,
  ): Promise<{ policyArn: string; versionId: string; document: string } | undefined>;
}

/** Which entities use a managed policy: attached to users, groups and roles, or as their permissions boundary. */
export interface PolicyAttachmentRepo {
  /** Attaches; attaching what is already attached changes nothing. `accountId` is the entity's account. */
  attach(policyId: string, entity: PolicyEntity, accountId: string, attachedAt: Date): Promise<void>;
  /** Detaches; false when it was not attached. */
  detach(policyId: string, entity: PolicyEntity): Promise<boolean>;
  isAttached(policyId: string, entity: PolicyEntity): Promise<boolean>;
  attachedCount(entity: PolicyEntity): Promise<number>;
  attachedTo(entity: PolicyEntity, pathPrefix: string, page: PageRequest): Promise<Page<AttachedPolicyRef>>;
  /** Entities of `accountId` the policy is attached to (kind order, then name). */
  attachedEntities(
    policyId: string,
    accountId: string,
    kinds: PolicyEntityKind[],
    pathPrefix: string,
  ): Promise<PolicyEntityRef[]>;
  /** Entities of `accountId` that use the policy as their permissions boundary. */
  boundaryEntities(
    policyArn: string,
    accountId: string,
    kinds: PolicyEntityKind[],
    pathPrefix: string,
  ): Promise<PolicyEntityRef[]>;
}

/** The inline policies of users, groups and roles. */
export interface InlinePolicyRepo {
  /** Creates or replaces the entity's inline policy of that name. */
  put(entity: PolicyEntity, policyName: string, document: string): Promise<void>;
  get(entity: PolicyEntity, policyName: string): Promise<string | undefined>;
  /** False when there was none of that name. */
  delete(entity: PolicyEntity, policyName: string): Promise<boolean>;
  list(entity: PolicyEntity, page: PageRequest): Promise<Page<string>>;
  /** Every inline policy of the entity, by name (for the aggregate size quota). */
  documents(entity: PolicyEntity): Promise<Array<{ policyName: string; document: string }>>;
  count(entity: PolicyEntity): Promise<number>;
}

/** What the authorizer evaluates for a principal, each read in one call. */
export interface EffectivePolicyRepo {
  /**
   * A user's inline policies, the default versions of its attached managed policies, the same for
   * each of its groups, and its permissions boundary's default version. Inline documents are
   * labelled `<entity ARN>#inline/<name>`, managed ones by their policy ARN.
   */
  forUser(userId: string): Promise<EffectivePolicies>;
  /**
   * The same for a role: its inline policies, the default versions of its attached managed
   * policies, and its permissions boundary (labelled like `forUser`'s).
   */
  forRole(roleId: string): Promise<EffectivePolicies>;
}
