import type { Kysely } from 'kysely';
import { sortableText } from './portable.js';

/**
 * AWS Organizations: organizations (with their one root), OUs, member accounts, CreateAccount
 * requests, policies and their attachments, handshakes, trusted service access, delegated
 * administrators and tags. No foreign keys to `accounts`: an organization's bookkeeping is
 * deleted with the organization, and member accounts live on in `accounts` when they leave.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sortable = sortableText(db);
  await db.schema
    .createTable('org_organizations')
    .addColumn('org_id', 'text', (c) => c.primaryKey())
    .addColumn('management_account_id', 'text', (c) => c.notNull().unique())
    .addColumn('management_email', 'text', (c) => c.notNull())
    .addColumn('feature_set', 'text', (c) => c.notNull())
    .addColumn('root_id', 'text', (c) => c.notNull().unique())
    .addColumn('root_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('org_policy_types')
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_organizations.org_id').onDelete('cascade'))
    .addColumn('policy_type', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_policy_types_pk', ['org_id', 'policy_type'])
    .execute();

  await db.schema
    .createTable('org_units')
    .addColumn('ou_id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_organizations.org_id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.notNull())
    .addColumn('name', sortable, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_units_parent').on('org_units').columns(['parent_id', 'name']).execute();

  await db.schema
    .createTable('org_accounts')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_organizations.org_id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('joined_method', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_accounts_parent').on('org_accounts').columns(['org_id', 'parent_id']).execute();

  await db.schema
    .createTable('org_create_account_status')
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_organizations.org_id').onDelete('cascade'))
    .addColumn('account_name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('account_id', 'text')
    .addColumn('failure_reason', 'text')
    .execute();

  await db.schema
    .createTable('org_policies')
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_organizations.org_id').onDelete('cascade'))
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('name', sortable, (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('policy_type', 'text', (c) => c.notNull())
    .addColumn('aws_managed', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_policies_pk', ['org_id', 'policy_id'])
    .execute();

  await db.schema
    .createTable('org_policy_attachments')
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_organizations.org_id').onDelete('cascade'))
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_policy_attachments_pk', ['org_id', 'policy_id', 'target_id'])
    .execute();
  await db.schema
    .createIndex('org_policy_attachments_target')
    .on('org_policy_attachments')
    .columns(['org_id', 'target_id'])
    .execute();

  await db.schema
    .createTable('org_handshakes')
    .addColumn('handshake_id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_organizations.org_id').onDelete('cascade'))
    .addColumn('target_account_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .execute();
  await db.schema.createIndex('org_handshakes_target').on('org_handshakes').column('target_account_id').execute();

  await db.schema
    .createTable('org_service_access')
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_organizations.org_id').onDelete('cascade'))
    .addColumn('service_principal', 'text', (c) => c.notNull())
    .addColumn('enabled_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_service_access_pk', ['org_id', 'service_principal'])
    .execute();

  await db.schema
    .createTable('org_delegated_admins')
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_organizations.org_id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('service_principal', 'text', (c) => c.notNull())
    .addColumn('enabled_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_delegated_admins_pk', ['org_id', 'account_id', 'service_principal'])
    .execute();

  await db.schema
    .createTable('org_tags')
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_organizations.org_id').onDelete('cascade'))
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('key', sortable, (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_tags_pk', ['org_id', 'resource_id', 'key'])
    .execute();
}
