import type { CredentialRepo } from './credentials-store.js';
import type { TagRepo } from './tagging/tag-repo.js';
import type {
  AccessKeyRecord,
  AccessKeyStatus,
  AccessKeyWithSecret,
  AccountRecord,
  AttachedPolicyRef,
  AwsManagedPolicySeed,
  EffectivePolicies,
  GroupRecord,
  InstanceProfileRecord,
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
  RoleDeletionTask,
  RoleRecord,
  Tag,
  UserRecord,
} from './records.js';

/**
 * The persistence port the IAM handlers need. `src/store/` implements it; the
 * handlers never see SQL. Uniqueness is enforced by the store too (it throws
 * `UniqueViolation`), so concurrent writers on several nodes cannot both win.
 */
export interface IamStore {
  accounts: AccountRepo;
  users: UserRepo;
  groups: GroupRepo;
  accessKeys: AccessKeyRepo;
  policies: PolicyRepo;
  roles: RoleRepo;
  instanceProfiles: InstanceProfileRepo;
  meta: MetaRepo;
  /** MFA devices, console passwords, signing certificates, SSH keys, service last access (credentials-store.ts). */
  credentials: CredentialRepo;
  /** The tags of every taggable resource (tagging/tag-repo.ts). */
  tags: TagRepo;
  /** Runs `fn` in one database transaction; everything it writes commits or none of it does. */
  transaction<T>(fn: (tx: IamStore) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one transaction for usage bookkeeping only (last-used timestamps): atomic, but
   * on PostgreSQL not SERIALIZABLE. Absent, `transaction` is used.
   */
  bookkeeping?<T>(fn: (tx: IamStore) => Promise<T>): Promise<T>;
}

export interface AccountRepo {
  get(accountId: string): Promise<AccountRecord | undefined>;
  create(account: AccountRecord): Promise<void>;
  findByRootEmail(email: string): Promise<AccountRecord | undefined>;
  getAlias(accountId: string): Promise<string | undefined>;
  findByAlias(alias: string): Promise<string | undefined>;
  setAlias(accountId: string, alias: string): Promise<void>;
  deleteAlias(accountId: string): Promise<void>;
  /** Marks the account closed (keeps the first closing time if it already is). */
  markClosed(accountId: string, at: Date): Promise<void>;
}

export interface UserRepo {
  create(user: UserRecord, tags: Tag[]): Promise<void>;
  getByName(accountId: string, userName: string): Promise<UserRecord | undefined>;
  getById(userId: string): Promise<UserRecord | undefined>;
  update(userId: string, changes: { userName?: string; path?: string }): Promise<void>;
  /** Sets (an ARN) or removes (undefined) the user's permissions boundary. */
  setPermissionsBoundary(userId: string, policyArn: string | undefined): Promise<void>;
  delete(userId: string): Promise<void>;
  list(accountId: string, pathPrefix: string, page: PageRequest): Promise<Page<UserRecord>>;
  count(accountId: string): Promise<number>;
  /** The user's tags, as `tags.list('user', userId)` reads them. */
  tags(userId: string): Promise<Tag[]>;
}

export interface GroupRepo {
  create(group: GroupRecord): Promise<void>;
  getByName(accountId: string, groupName: string): Promise<GroupRecord | undefined>;
  delete(groupId: string): Promise<void>;
  list(accountId: string, pathPrefix: string, page: PageRequest): Promise<Page<GroupRecord>>;
  count(accountId: string): Promise<number>;
  members(groupId: string, page: PageRequest): Promise<Page<UserRecord>>;
  memberCount(groupId: string): Promise<number>;
  addMember(groupId: string, userId: string): Promise<void>;
  removeMember(groupId: string, userId: string): Promise<void>;
  groupsOfUser(userId: string, page: PageRequest): Promise<Page<GroupRecord>>;
}

export interface AccessKeyRepo {
  create(key: AccessKeyRecord, secretAccessKey: string): Promise<void>;
  get(accessKeyId: string): Promise<AccessKeyRecord | undefined>;
  /** The key with its secret opened; the hot path of every signed request (cached above the store). */
  getWithSecret(accessKeyId: string): Promise<AccessKeyWithSecret | undefined>;
  /** Keys of a user; `userId` undefined means the account's root user. */
  listForOwner(accountId: string, userId: string | undefined): Promise<AccessKeyRecord[]>;
  setStatus(accessKeyId: string, status: AccessKeyStatus): Promise<void>;
  delete(accessKeyId: string): Promise<void>;
  recordLastUsed(entries: Array<{ accessKeyId: string; at: Date; service: string; region: string }>): Promise<void>;
}

/**
 * Managed policies (customer managed, and AWS managed ones under account `aws`), their versions
 * and tags, their attachments to users, groups and roles, and inline policies. Entities are
 * referred to by unique ID and kind, so roles slot in without a schema change.
 */
export interface PolicyRepo {
  // Managed policies.
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

  // Versions.
  /** All versions, newest first. */
  versions(policyId: string): Promise<PolicyVersionRecord[]>;
  version(policyId: string, versionId: string): Promise<PolicyVersionRecord | undefined>;
  /** Adds the next version (v<n>, never reusing a number) and returns its ID; also moves UpdateDate. */
  addVersion(policyId: string, document: string, createdAt: Date, setAsDefault: boolean): Promise<string>;
  setDefaultVersion(policyId: string, versionId: string): Promise<void>;
  deleteVersion(policyId: string, versionId: string): Promise<void>;
  /** A version's document by policy ARN (the default version when `versionId` is absent): for the simulator. */
  document(policyArn: string, versionId?: string): Promise<{ policyArn: string; versionId: string; document: string } | undefined>;

  // Attachments.
  /** Attaches; attaching what is already attached changes nothing. `accountId` is the entity's account. */
  attach(policyId: string, entity: PolicyEntity, accountId: string, attachedAt: Date): Promise<void>;
  /** Detaches; false when it was not attached. */
  detach(policyId: string, entity: PolicyEntity): Promise<boolean>;
  isAttached(policyId: string, entity: PolicyEntity): Promise<boolean>;
  attachedCount(entity: PolicyEntity): Promise<number>;
  attachedTo(entity: PolicyEntity, pathPrefix: string, page: PageRequest): Promise<Page<AttachedPolicyRef>>;
  /** Entities of `accountId` the policy is attached to (kind order, then name). */
  attachedEntities(policyId: string, accountId: string, kinds: PolicyEntityKind[], pathPrefix: string): Promise<PolicyEntityRef[]>;
  /** Entities of `accountId` that use the policy as their permissions boundary. */
  boundaryEntities(policyArn: string, accountId: string, kinds: PolicyEntityKind[], pathPrefix: string): Promise<PolicyEntityRef[]>;

  // Inline policies.
  /** Creates or replaces the entity's inline policy of that name. */
  putInline(entity: PolicyEntity, policyName: string, document: string): Promise<void>;
  getInline(entity: PolicyEntity, policyName: string): Promise<string | undefined>;
  /** False when there was none of that name. */
  deleteInline(entity: PolicyEntity, policyName: string): Promise<boolean>;
  listInline(entity: PolicyEntity, page: PageRequest): Promise<Page<string>>;
  /** Every inline policy of the entity, by name (for the aggregate size quota). */
  inlineDocuments(entity: PolicyEntity): Promise<Array<{ policyName: string; document: string }>>;
  inlineCount(entity: PolicyEntity): Promise<number>;

  // Account-wide.
  /** GetAccountSummary: customer managed policies, and attachments in use by the account's entities. */
  summary(accountId: string): Promise<{ policies: number; attachments: number }>;
  /** Makes the AWS managed policies match `seeds` (inserted, or replaced when their default version changed). */
  syncAwsManaged(seeds: AwsManagedPolicySeed[]): Promise<void>;

  /**
   * Everything the authorizer evaluates for a user, in one call: the user's inline policies, the
   * default versions of its attached managed policies, the same for each of its groups, and its
   * permissions boundary's default version. Inline documents are labelled
   * `<entity ARN>#inline/<name>`, managed ones by their policy ARN.
   */
  effectiveForUser(userId: string): Promise<EffectivePolicies>;

  /**
   * The same for a role: its inline policies, the default versions of its attached managed
   * policies, and its permissions boundary (labelled like `effectiveForUser`'s).
   */
  effectiveForRole(roleId: string): Promise<EffectivePolicies>;
}

export interface RoleRepo {
  create(role: RoleRecord, tags: Tag[]): Promise<void>;
  /** By account and name (case-insensitive). */
  getByName(accountId: string, roleName: string): Promise<RoleRecord | undefined>;
  getById(roleId: string): Promise<RoleRecord | undefined>;
  update(roleId: string, changes: { description?: string; maxSessionDuration?: number; assumeRolePolicyDocument?: string }): Promise<void>;
  /** Sets (an ARN) or removes (undefined) the role's permissions boundary. */
  setPermissionsBoundary(roleId: string, policyArn: string | undefined): Promise<void>;
  /** Deletes the role and its tags; the caller has checked nothing hangs off it. */
  delete(roleId: string): Promise<void>;
  list(accountId: string, pathPrefix: string, page: PageRequest): Promise<Page<RoleRecord>>;
  count(accountId: string): Promise<number>;
  /** The role's tags, as `tags.list('role', roleId)` reads them. */
  tags(roleId: string): Promise<Tag[]>;
  /** RoleLastUsed: called when the role is assumed. */
  recordLastUsed(roleId: string, at: Date, region: string): Promise<void>;
  /** DeleteServiceLinkedRole's tasks. */
  createDeletionTask(task: RoleDeletionTask): Promise<void>;
  deletionTask(taskId: string): Promise<RoleDeletionTask | undefined>;
}

export interface InstanceProfileRepo {
  create(profile: InstanceProfileRecord, tags: Tag[]): Promise<void>;
  getByName(accountId: string, name: string): Promise<InstanceProfileRecord | undefined>;
  /** Deletes the profile and its tags; the caller has checked it holds no role. */
  delete(instanceProfileId: string): Promise<void>;
  list(accountId: string, pathPrefix: string, page: PageRequest): Promise<Page<InstanceProfileRecord>>;
  count(accountId: string): Promise<number>;
  /** The roles in the profile (by name). */
  roles(instanceProfileId: string): Promise<RoleRecord[]>;
  addRole(instanceProfileId: string, roleId: string): Promise<void>;
  /** False when the role was not in the profile. */
  removeRole(instanceProfileId: string, roleId: string): Promise<boolean>;
  /** The profiles a role is in. */
  forRole(roleId: string, page: PageRequest): Promise<Page<InstanceProfileRecord>>;
}

/** Small facts about the installation itself, such as which key bootstrap issued. */
export interface MetaRepo {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}
