import type {
  AccessKeyRecord,
  AccessKeyStatus,
  AccessKeyWithSecret,
  AccountRecord,
  GroupRecord,
  Page,
  PageRequest,
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
  meta: MetaRepo;
  /** Runs `fn` in one database transaction; everything it writes commits or none of it does. */
  transaction<T>(fn: (tx: IamStore) => Promise<T>): Promise<T>;
}

export interface AccountRepo {
  get(accountId: string): Promise<AccountRecord | undefined>;
  create(account: AccountRecord): Promise<void>;
  getAlias(accountId: string): Promise<string | undefined>;
  findByAlias(alias: string): Promise<string | undefined>;
  setAlias(accountId: string, alias: string): Promise<void>;
  deleteAlias(accountId: string): Promise<void>;
}

export interface UserRepo {
  create(user: UserRecord, tags: Tag[]): Promise<void>;
  getByName(accountId: string, userName: string): Promise<UserRecord | undefined>;
  getById(userId: string): Promise<UserRecord | undefined>;
  update(userId: string, changes: { userName?: string; path?: string }): Promise<void>;
  delete(userId: string): Promise<void>;
  list(accountId: string, pathPrefix: string, page: PageRequest): Promise<Page<UserRecord>>;
  count(accountId: string): Promise<number>;
  tags(userId: string): Promise<Tag[]>;
  putTags(userId: string, tags: Tag[]): Promise<void>;
  removeTags(userId: string, keys: string[]): Promise<void>;
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

/** Small facts about the installation itself, such as which key bootstrap issued. */
export interface MetaRepo {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}
