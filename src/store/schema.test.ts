import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../../test/support/postgres.js';
import { migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';

/**
 * Every column of every table in `Database`, written out so the migrated schema can be compared
 * with the type at run time. The compiler holds this list to the type both ways: `satisfies`
 * refuses a table or column the type lacks (and a missing table), and `UNLISTED` below fails to
 * compile when the type has a column the list does not name.
 */
const COLUMNS = {
  access_keys: [
    'access_key_id',
    'account_id',
    'user_id',
    'secret_sealed',
    'status',
    'created_at',
    'last_used_at',
    'last_used_service',
    'last_used_region',
  ],
  account_aliases: ['account_id', 'alias'],
  account_alternate_contacts: ['account_id', 'contact_type', 'name', 'title', 'email', 'phone'],
  account_contact_information: ['account_id', 'document'],
  account_email_updates: ['account_id', 'email', 'otp_hash', 'expires_at'],
  accounts: ['account_id', 'name', 'email', 'created_at', 'closed_at'],
  console_sessions: [
    'token_hash',
    'account_id',
    'user_id',
    'stage',
    'mfa_at',
    'csrf',
    'key_id',
    'created_at',
    'expires_at',
  ],
  events: [
    'event_id',
    'event_time',
    'account_id',
    'event_name',
    'event_source',
    'username',
    'access_key_id',
    'resource_names',
    'resource_types',
    'read_only',
    'record',
  ],
  group_members: ['group_id', 'user_id'],
  groups: ['group_id', 'account_id', 'name', 'name_lower', 'path', 'created_at'],
  inline_policies: ['entity_kind', 'entity_id', 'name', 'document'],
  instance_profile_roles: ['instance_profile_id', 'role_id'],
  instance_profile_tags: ['instance_profile_id', 'key_lower', 'key', 'value'],
  instance_profiles: ['instance_profile_id', 'account_id', 'name', 'name_lower', 'path', 'created_at'],
  login_profiles: [
    'owner_key',
    'account_id',
    'user_id',
    'password_hash',
    'created_at',
    'password_changed_at',
    'reset_required',
    'last_used_at',
  ],
  managed_policies: [
    'policy_id',
    'arn',
    'account_id',
    'name',
    'name_lower',
    'path',
    'description',
    'default_version_id',
    'next_version',
    'created_at',
    'updated_at',
  ],
  meta: ['key', 'value'],
  mfa_device_tags: ['serial_number', 'key_lower', 'key', 'value'],
  mfa_devices: [
    'serial_number',
    'account_id',
    'name',
    'name_lower',
    'path',
    'seed_sealed',
    'created_at',
    'user_id',
    'assigned_root',
    'enable_date',
    'last_step',
    'drift_steps',
  ],
  oidc_providers: ['arn', 'account_id', 'url', 'client_ids', 'thumbprints', 'tags', 'created_at'],
  saml_assertions: ['replay_key', 'expires_at'],
  saml_providers: [
    'arn',
    'account_id',
    'name',
    'name_lower',
    'uuid',
    'metadata',
    'entity_id',
    'certificates',
    'encryption_mode',
    'private_keys',
    'tags',
    'created_at',
    'valid_until',
  ],
  org_accounts: ['account_id', 'org_id', 'parent_id', 'name', 'email', 'status', 'joined_method', 'joined_at'],
  org_create_account_status: [
    'request_id',
    'org_id',
    'account_name',
    'state',
    'requested_at',
    'completed_at',
    'account_id',
    'failure_reason',
  ],
  org_delegated_admins: ['org_id', 'account_id', 'service_principal', 'enabled_at'],
  org_handshakes: ['handshake_id', 'org_id', 'target_account_id', 'state', 'requested_at', 'expires_at', 'notes'],
  org_iam_features: ['org_id', 'feature', 'enabled_at'],
  org_organizations: [
    'org_id',
    'management_account_id',
    'management_email',
    'feature_set',
    'root_id',
    'root_name',
    'created_at',
  ],
  org_policies: ['org_id', 'policy_id', 'name', 'description', 'policy_type', 'aws_managed', 'content', 'created_at'],
  org_policy_attachments: ['org_id', 'policy_id', 'target_id'],
  org_policy_types: ['org_id', 'policy_type'],
  org_service_access: ['org_id', 'service_principal', 'enabled_at'],
  org_tags: ['org_id', 'resource_id', 'key', 'value'],
  org_units: ['ou_id', 'org_id', 'parent_id', 'name', 'created_at'],
  password_history: ['owner_key', 'password_hash', 'set_at'],
  password_policies: ['account_id', 'policy'],
  policy_attachments: ['policy_id', 'entity_kind', 'entity_id', 'account_id', 'attached_at'],
  policy_tags: ['policy_id', 'key', 'value'],
  policy_versions: ['policy_id', 'version_id', 'version_number', 'document', 'created_at'],
  role_deletion_tasks: ['task_id', 'account_id', 'status', 'created_at'],
  role_tags: ['role_id', 'key_lower', 'key', 'value'],
  roles: [
    'role_id',
    'account_id',
    'name',
    'name_lower',
    'path',
    'assume_role_policy',
    'description',
    'max_session_duration',
    'created_at',
    'permissions_boundary_arn',
    'last_used_at',
    'last_used_region',
  ],
  root_password_recovery_tokens: ['token_hash', 'account_id', 'created_at', 'expires_at', 'used_at'],
  service_last_accessed: ['principal_arn', 'service', 'account_id', 'last_at', 'region'],
  sessions: [
    'access_key_id',
    'token_hash',
    'account_id',
    'kind',
    'entity_id',
    'secret_sealed',
    'principal',
    'issued_at',
    'expires_at',
  ],
  signin_failures: ['subject', 'failed_at'],
  gateway_bucket_owners: ['bucket', 'account_id', 'created_at'],
  account_counts: ['account_id', 'table_name', 'n'],
  server_certificates: [
    'certificate_id',
    'account_id',
    'arn',
    'name',
    'name_lower',
    'path',
    'body',
    'chain',
    'private_key_sealed',
    'expiration',
    'uploaded_at',
    'tags',
  ],
  signing_certificates: ['certificate_id', 'account_id', 'user_id', 'body', 'status', 'uploaded_at'],
  ssh_public_keys: ['key_id', 'account_id', 'user_id', 'body', 'fingerprint', 'status', 'uploaded_at'],
  user_tags: ['user_id', 'key_lower', 'key', 'value'],
  users: [
    'user_id',
    'account_id',
    'name',
    'name_lower',
    'path',
    'created_at',
    'password_last_used',
    'permissions_boundary_arn',
  ],
} as const satisfies { [T in keyof Database]: ReadonlyArray<keyof Database[T] & string> };

/** The columns of the type that COLUMNS leaves out, by table: `never` when it names them all. */
type Unlisted = { [T in keyof Database]: Exclude<keyof Database[T], (typeof COLUMNS)[T][number]> }[keyof Database];
// Compiles only while Unlisted is never; otherwise the error names the unlisted columns.
const UNLISTED: [Unlisted] extends [never] ? 'none' : Unlisted = 'none';

/** Table → sorted columns, as the database reports them (kysely's own migration tables excluded). */
async function migratedSchema(db: Kysely<Database>): Promise<Record<string, string[]>> {
  await migrateToLatest(db);
  const tables = await db.introspection.getTables();
  return Object.fromEntries(tables.map((t) => [t.name, t.columns.map((c) => c.name).sort()]));
}

const typed = (): Record<string, string[]> =>
  Object.fromEntries(Object.entries(COLUMNS).map(([table, columns]) => [table, [...columns].sort()]));

describe('the Database type against the migrations', () => {
  it('lists every column of the type', () => {
    expect(UNLISTED).toBe('none');
  });

  it('names exactly the tables and columns a fresh SQLite database migrates to', async () => {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    try {
      expect(await migratedSchema(db)).toEqual(typed());
    } finally {
      await db.destroy();
    }
  });

  describe.skipIf(TEST_DATABASE_URL === undefined)('on PostgreSQL', () => {
    let database: TestDatabase | undefined;
    afterAll(() => database?.drop());

    it('names exactly the tables and columns a fresh PostgreSQL database migrates to', async () => {
      database = await createTestDatabase();
      const db = new Kysely<Database>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }),
      });
      try {
        expect(await migratedSchema(db)).toEqual(typed());
      } finally {
        await db.destroy();
      }
    });
  });
});
