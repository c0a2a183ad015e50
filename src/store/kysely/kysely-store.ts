import type { Database } from '../schema.js';
import type { Kysely, Transaction } from 'kysely';
import { TransactionBatcher } from './batched-transactions.js';
import { KyselyServerCertificateRepo } from './server-certificates.js';
import type { AccessKeyRepo, AccountRepo, GroupRepo, IamStore, MetaRepo, UserRepo } from '../../iam/iam-store.js';
import type {
  EffectivePolicyRepo,
  InlinePolicyRepo,
  ManagedPolicyRepo,
  PolicyAttachmentRepo,
  PolicyVersionRepo,
} from '../../iam/policy-store.js';
import type { InstanceProfileRepo, RoleRepo } from '../../iam/iam-store.js';
import type { SecretBox } from '../../shared/secret-box.js';
import type { CredentialSource, LastUseSink } from '../../auth/ports.js';
import { KyselyAccessKeyRepo } from './access-keys.js';
import { KyselyAccountRepo } from './accounts.js';
import { KyselyAccountSettingsRepo } from './account-settings.js';
import { KyselyCredentialRepo } from './credentials.js';
import type { EventRepo } from '../../audit/event-store.js';
import { KyselyEventRepo } from './events.js';
import type { CredentialRepo } from '../../iam/credentials-store.js';
import type { Db } from './db.js';
import { KyselyGroupRepo } from './groups.js';
import { KyselyMetaRepo } from './meta.js';
import { KyselyOrganizationsRepo } from './organizations.js';
import { KyselyEffectivePolicyRepo } from './effective-policies.js';
import { KyselyInlinePolicyRepo } from './inline-policies.js';
import { KyselyManagedPolicyRepo } from './policies.js';
import { KyselyPolicyAttachmentRepo } from './policy-attachments.js';
import { KyselyPolicyVersionRepo } from './policy-versions.js';
import { KyselyInstanceProfileRepo, KyselyRoleRepo } from './roles.js';
import { KyselyRootRecoveryRepo } from './root-recovery.js';
import { KyselyOidcProviderRepo } from './oidc-providers.js';
import { KyselySamlAssertionLedger, KyselySamlProviderRepo } from './saml-providers.js';
import { KyselySessionRepo } from './sessions.js';
import { KyselyTagRepo } from './tags.js';
import { SINGLE_WRITER, type TransactionPolicy, runTransaction } from './transactions.js';
import { KyselyUserRepo } from './users.js';
import { KyselyConsoleSessionRepo, KyselySignInFailureRepo } from './console.js';
import { KyselyBucketOwnerRepo } from './bucket-owners.js';

/** Tables in the order a wipe must delete them (children before parents). */
const TABLES_CHILD_FIRST = [
  'gateway_bucket_owners',
  'console_sessions',
  'signin_failures',
  'sessions',
  'oidc_providers',
  'saml_assertions',
  'saml_providers',
  'mfa_device_tags',
  'mfa_devices',
  'login_profiles',
  'password_history',
  'password_policies',
  'server_certificates',
  'signing_certificates',
  'ssh_public_keys',
  'service_last_accessed',
  'instance_profile_roles',
  'instance_profile_tags',
  'instance_profiles',
  'role_tags',
  'roles',
  'role_deletion_tasks',
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
  // Last: the deletes above have counted themselves down (migration 016's triggers).
  'account_counts',
] as const;

/** The store on kysely: the same queries run on SQLite and PostgreSQL. */
export class KyselyStore implements IamStore, CredentialSource, LastUseSink {
  readonly accounts: AccountRepo;
  readonly users: UserRepo;
  readonly groups: GroupRepo;
  readonly accessKeys: AccessKeyRepo;
  readonly policies: ManagedPolicyRepo;
  readonly policyVersions: PolicyVersionRepo;
  readonly policyAttachments: PolicyAttachmentRepo;
  readonly inlinePolicies: InlinePolicyRepo;
  readonly effectivePolicies: EffectivePolicyRepo;
  readonly roles: RoleRepo;
  readonly instanceProfiles: InstanceProfileRepo;
  readonly meta: MetaRepo;
  /** STS sessions (migration 005; port in src/sts/session-store.ts). */
  readonly sessions: KyselySessionRepo;
  /** IAM's OIDC providers (migration 005; port in src/iam/oidc-provider-store.ts). */
  readonly oidcProviders: KyselyOidcProviderRepo;
  /** IAM's SAML providers and the assertions STS redeemed (migration 013). */
  readonly samlProviders: KyselySamlProviderRepo;
  readonly samlAssertions: KyselySamlAssertionLedger;
  readonly credentials: CredentialRepo;
  readonly tags: KyselyTagRepo;
  readonly serverCertificates: KyselyServerCertificateRepo;
  readonly events: EventRepo;
  /** AWS Organizations (migration 007; port in src/organizations/store.ts). */
  readonly organizations: KyselyOrganizationsRepo;
  /** The Account service's contacts and pending email updates (migration 009; port in src/account/store.ts). */
  readonly accountSettings: KyselyAccountSettingsRepo;
  /** Console sessions and failed sign-ins (migration 010; ports in src/console/store.ts). */
  readonly consoleSessions: KyselyConsoleSessionRepo;
  readonly signInFailures: KyselySignInFailureRepo;
  /** Root password recovery links (migration 011; port in src/account/recovery-store.ts). */
  readonly rootRecovery: KyselyRootRecoveryRepo;
  /** Which account made each S3 bucket through the gateway (migration 015; port in src/gateway/bucket-owners.ts). */
  readonly bucketOwners: KyselyBucketOwnerRepo;
  readonly #batcher: TransactionBatcher | undefined;

  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly inTransaction = false,
    /** SQLite: one writer, no retry. PostgreSQL: SERIALIZABLE, retried (transactions.ts). */
    private readonly txPolicy: TransactionPolicy = SINGLE_WRITER,
    /** `bookkeeping()`: SQLite as `transaction()`; PostgreSQL READ COMMITTED, retried (transactions.ts). */
    private readonly bookkeepingPolicy: TransactionPolicy = txPolicy,
    /** SQLite: the trail's own file (sqlite-trail.ts), outside the store's transactions; else the `events` table. */
    private readonly trail?: EventRepo,
  ) {
    this.accounts = new KyselyAccountRepo(db);
    this.users = new KyselyUserRepo(db);
    this.groups = new KyselyGroupRepo(db);
    this.accessKeys = new KyselyAccessKeyRepo(db, box);
    this.policies = new KyselyManagedPolicyRepo(db);
    this.policyVersions = new KyselyPolicyVersionRepo(db);
    this.policyAttachments = new KyselyPolicyAttachmentRepo(db);
    this.inlinePolicies = new KyselyInlinePolicyRepo(db);
    this.effectivePolicies = new KyselyEffectivePolicyRepo(db);
    this.roles = new KyselyRoleRepo(db);
    this.instanceProfiles = new KyselyInstanceProfileRepo(db);
    this.meta = new KyselyMetaRepo(db);
    // SQLite's single writer outside a transaction: session rows share their commits (group-commit.ts),
    // and so do transactions (batched-transactions.ts).
    const groupCommit = !inTransaction && txPolicy === SINGLE_WRITER ? (db as Kysely<Database>) : undefined;
    this.#batcher = groupCommit && new TransactionBatcher(groupCommit);
    this.sessions = new KyselySessionRepo(db, box, groupCommit);
    this.oidcProviders = new KyselyOidcProviderRepo(db);
    this.samlProviders = new KyselySamlProviderRepo(db, box);
    this.samlAssertions = new KyselySamlAssertionLedger(db);
    this.credentials = new KyselyCredentialRepo(db, box);
    this.tags = new KyselyTagRepo(db);
    this.serverCertificates = new KyselyServerCertificateRepo(db, box);
    this.events = trail ?? new KyselyEventRepo(db);
    this.organizations = new KyselyOrganizationsRepo(db);
    this.accountSettings = new KyselyAccountSettingsRepo(db);
    this.consoleSessions = new KyselyConsoleSessionRepo(db);
    this.signInFailures = new KyselySignInFailureRepo(db);
    this.rootRecovery = new KyselyRootRecoveryRepo(db);
    this.bucketOwners = new KyselyBucketOwnerRepo(db);
  }

  async transaction<T>(fn: (tx: KyselyStore) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    const inside = (trx: Transaction<Database>) =>
      fn(new KyselyStore(trx, this.box, true, this.txPolicy, this.bookkeepingPolicy, this.trail));
    if (this.#batcher) return this.#batcher.run(inside);
    return runTransaction(this.db, this.txPolicy, inside);
  }

  /**
   * Runs usage bookkeeping (key last-used, service last-accessed) in one transaction that need
   * not be serializable: `fn` may only make blind, monotonic writes that no invariant reads
   * (see READ_COMMITTED_WITH_RETRY). Inside a transaction it simply joins it.
   */
  async bookkeeping<T>(fn: (tx: KyselyStore) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    if (this.#batcher && this.bookkeepingPolicy === SINGLE_WRITER) return this.transaction(fn);
    return runTransaction(this.db, this.bookkeepingPolicy, (trx) =>
      fn(new KyselyStore(trx, this.box, true, this.txPolicy, this.bookkeepingPolicy, this.trail)),
    );
  }

  /** Deletes every row, keeping the schema: the emulator's reset. */
  async wipe(): Promise<void> {
    await this.transaction(async (tx) => {
      await tx.organizations.wipe();
      await tx.accountSettings.wipe();
      await tx.rootRecovery.wipe();
      for (const table of TABLES_CHILD_FIRST) await tx.db.deleteFrom(table).execute();
      await tx.events.deleteOlderThan(new Date(8.64e15));
    });
  }
}
