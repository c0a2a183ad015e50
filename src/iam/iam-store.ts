import type { CredentialRepo } from './credentials-store.js';
import type {
  EffectivePolicyRepo,
  InlinePolicyRepo,
  ManagedPolicyRepo,
  PolicyAttachmentRepo,
  PolicyVersionRepo,
} from './policy-store.js';
import type { TagRepo } from './tagging/tag-repo.js';
import type { ServerCertificateRepo } from './server-certificate-store.js';
import type {
  AccessKeyRecord,
  AccessKeyStatus,
  AccessKeyWithSecret,
  AccountRecord,
  GroupRecord,
  InstanceProfileRecord,
  Page,
  PageRequest,
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
  /** Managed policies (policy-store.ts), their versions, attachments, inline policies, and the authorizer's read. */
  policies: ManagedPolicyRepo;
  policyVersions: PolicyVersionRepo;
  policyAttachments: PolicyAttachmentRepo;
  inlinePolicies: InlinePolicyRepo;
  effectivePolicies: EffectivePolicyRepo;
  roles: RoleRepo;
  instanceProfiles: InstanceProfileRepo;
  meta: MetaRepo;
  /** MFA devices, console passwords, signing certificates, SSH keys, service last access (credentials-store.ts). */
  credentials: CredentialRepo;
  /** The tags of every taggable resource (tagging/tag-repo.ts). */
  tags: TagRepo;
  /** Server certificates (server-certificate-store.ts). */
  serverCertificates: ServerCertificateRepo;
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
  /** Renames or moves a group; its ID, members and policies stay (a taken name: EntityAlreadyExists). */
  update(groupId: string, changes: { groupName?: string; path?: string }): Promise<void>;
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

export interface RoleRepo {
  create(role: RoleRecord, tags: Tag[]): Promise<void>;
  /** By account and name (case-insensitive). */
  getByName(accountId: string, roleName: string): Promise<RoleRecord | undefined>;
  getById(roleId: string): Promise<RoleRecord | undefined>;
  update(
    roleId: string,
    changes: { description?: string; maxSessionDuration?: number; assumeRolePolicyDocument?: string },
  ): Promise<void>;
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
