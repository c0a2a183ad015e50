import type { Kysely } from 'kysely';
import { sortableText } from './portable.js';

/**
 * Credentials other than access keys: virtual MFA devices (seed sealed with the master key),
 * console passwords (scrypt hashes) with their history, the account password policy, signing
 * certificates, SSH public keys and per-principal service last access. Owners are referred to
 * by user ID, NULL for the account's root user.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sortable = sortableText(db);

  await db.schema
    .createTable('mfa_devices')
    .addColumn('serial_number', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_lower', sortable, (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('seed_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Assignment: user_id set, or assigned_root 1 for the root user; enable_date when assigned.
    .addColumn('user_id', 'text')
    .addColumn('assigned_root', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enable_date', 'text')
    // The newest TOTP step a code was accepted for (codes at or before it are refused), and the clock drift ResyncMFADevice measured.
    .addColumn('last_step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('drift_steps', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('mfa_devices_account_name', ['account_id', 'name_lower'])
    .execute();
  await db.schema.createIndex('mfa_devices_user').on('mfa_devices').columns(['account_id', 'user_id']).execute();

  await db.schema
    .createTable('mfa_device_tags')
    .addColumn('serial_number', 'text', (c) => c.notNull().references('mfa_devices.serial_number').onDelete('cascade'))
    .addColumn('key_lower', sortable, (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mfa_device_tags_pk', ['serial_number', 'key_lower'])
    .execute();

  await db.schema
    .createTable('login_profiles')
    // `user:<id>` or `root:<account>`: one profile per owner.
    .addColumn('owner_key', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('reset_required', 'integer', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();

  await db.schema
    .createTable('password_history')
    .addColumn('owner_key', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('password_history_owner')
    .on('password_history')
    .columns(['owner_key', 'set_at'])
    .execute();

  await db.schema
    .createTable('password_policies')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('policy', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('signing_certificates')
    .addColumn('certificate_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('signing_certificates_owner')
    .on('signing_certificates')
    .columns(['account_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('ssh_public_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ssh_public_keys_user').on('ssh_public_keys').column('user_id').execute();

  await db.schema
    .createTable('service_last_accessed')
    .addColumn('principal_arn', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_last_accessed_pk', ['principal_arn', 'service'])
    .execute();
}
