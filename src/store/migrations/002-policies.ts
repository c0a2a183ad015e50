import type { Kysely } from 'kysely';
import { sortableText } from './portable.js';

/**
 * Managed policies (customer managed, and AWS managed under account `aws`), their versions and
 * tags, attachments and inline policies. Entities (users, groups, later roles) are referred to by
 * kind and unique ID, with no foreign key, so roles need no schema change; the handlers refuse
 * to delete an entity that still has policies.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sortable = sortableText(db);

  await db.schema
    .createTable('managed_policies')
    .addColumn('policy_id', 'text', (c) => c.primaryKey())
    .addColumn('arn', 'text', (c) => c.notNull().unique())
    // No foreign key: AWS managed policies belong to the pseudo-account `aws`.
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_lower', sortable, (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('default_version_id', 'text', (c) => c.notNull())
    // The number the next version takes; version numbers are never reused within a policy.
    .addColumn('next_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // IAM policy names are unique within an account whatever their path, ignoring case.
    .addUniqueConstraint('managed_policies_account_name', ['account_id', 'name_lower'])
    .execute();

  await db.schema
    .createTable('policy_versions')
    .addColumn('policy_id', 'text', (c) => c.notNull().references('managed_policies.policy_id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_versions_pk', ['policy_id', 'version_id'])
    .execute();

  await db.schema
    .createTable('policy_tags')
    .addColumn('policy_id', 'text', (c) => c.notNull().references('managed_policies.policy_id').onDelete('cascade'))
    // Policy tag keys are case-sensitive (unlike user tag keys).
    .addColumn('key', sortable, (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_tags_pk', ['policy_id', 'key'])
    .execute();

  await db.schema
    .createTable('policy_attachments')
    .addColumn('policy_id', 'text', (c) => c.notNull().references('managed_policies.policy_id'))
    .addColumn('entity_kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    // The entity's account: usage of an AWS managed policy is counted per account.
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('attached_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_attachments_pk', ['policy_id', 'entity_kind', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('policy_attachments_entity')
    .on('policy_attachments')
    .columns(['entity_kind', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('policy_attachments_account')
    .on('policy_attachments')
    .columns(['account_id', 'policy_id'])
    .execute();

  await db.schema
    .createTable('inline_policies')
    .addColumn('entity_kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    // Inline policy names are case-sensitive.
    .addColumn('name', sortable, (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inline_policies_pk', ['entity_kind', 'entity_id', 'name'])
    .execute();

  await db.schema
    .createIndex('users_permissions_boundary')
    .on('users')
    .columns(['account_id', 'permissions_boundary_arn'])
    .execute();
}
