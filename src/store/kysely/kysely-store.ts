import type { Kysely } from 'kysely';
import type { AccessKeyRepo, AccountRepo, GroupRepo, IamStore, MetaRepo, PolicyRepo, UserRepo } from '../../iam/iam-store.js';
import type { SecretBox } from '../../shared/secret-box.js';
import type { Database } from '../schema.js';
import { KyselyAccessKeyRepo } from './access-keys.js';
import { KyselyAccountRepo } from './accounts.js';
import type { Db } from './db.js';
import { KyselyGroupRepo } from './groups.js';
import { KyselyMetaRepo } from './meta.js';
import { KyselyPolicyRepo } from './policies.js';
import { SINGLE_WRITER, type TransactionPolicy, runTransaction } from './transactions.js';
import { KyselyUserRepo } from './users.js';

/** Tables in the order a wipe must delete them (children before parents). */
const TABLES_CHILD_FIRST = [
  'policy_attachments',
  'inline_policies',
  'policy_tags',
  'policy_versions',
  'managed_policies',
  'group_members',
  'user_tags',
  'access_keys',
  'groups',
  'users',
  'account_aliases',
  'accounts',
  'meta',
] as const;

/** The store on kysely: the same queries run on SQLite and PostgreSQL. */
export class KyselyStore implements IamStore {
  readonly accounts: AccountRepo;
  readonly users: UserRepo;
  readonly groups: GroupRepo;
  readonly accessKeys: AccessKeyRepo;
  readonly policies: PolicyRepo;
  readonly meta: MetaRepo;

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly inTransaction = false,
    /** SQLite: one writer, no retry. PostgreSQL: SERIALIZABLE, retried (transactions.ts). */
    private readonly txPolicy: TransactionPolicy = SINGLE_WRITER,
  ) {
    this.accounts = new KyselyAccountRepo(db);
    this.users = new KyselyUserRepo(db);
    this.groups = new KyselyGroupRepo(db);
    this.accessKeys = new KyselyAccessKeyRepo(db, box);
    this.policies = new KyselyPolicyRepo(db);
    this.meta = new KyselyMetaRepo(db);
  }

  async transaction<T>(fn: (tx: KyselyStore) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    return runTransaction(this.db as Kysely<Database>, this.txPolicy, (trx) => fn(new KyselyStore(trx, this.box, true, this.txPolicy)));
  }

  /** Deletes every row, keeping the schema: the emulator's reset. */
  async wipe(): Promise<void> {
    await this.transaction(async (tx) => {
      for (const table of TABLES_CHILD_FIRST) await tx.db.deleteFrom(table).execute();
    });
  }
}
