import type { Kysely } from 'kysely';
import { sortableText } from './portable.js';

/**
 * Roles and their tags, instance profiles (with their tags and the one role each may hold), and
 * DeleteServiceLinkedRole's deletion tasks. Role policies live in 002's tables (entity kind `role`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sortable = sortableText(db);

  await db.schema
    .createTable('roles')
    .addColumn('role_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.account_id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_lower', sortable, (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('assume_role_policy', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('max_session_duration', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('permissions_boundary_arn', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('last_used_region', 'text')
    .addUniqueConstraint('roles_account_name', ['account_id', 'name_lower'])
    .execute();
  await db.schema
    .createIndex('roles_permissions_boundary')
    .on('roles')
    .columns(['account_id', 'permissions_boundary_arn'])
    .execute();

  await db.schema
    .createTable('role_tags')
    .addColumn('role_id', 'text', (c) => c.notNull().references('roles.role_id').onDelete('cascade'))
    .addColumn('key_lower', sortable, (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_tags_pk', ['role_id', 'key_lower'])
    .execute();

  await db.schema
    .createTable('instance_profiles')
    .addColumn('instance_profile_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.account_id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_lower', sortable, (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('instance_profiles_account_name', ['account_id', 'name_lower'])
    .execute();

  await db.schema
    .createTable('instance_profile_tags')
    .addColumn('instance_profile_id', 'text', (c) =>
      c.notNull().references('instance_profiles.instance_profile_id').onDelete('cascade'),
    )
    .addColumn('key_lower', sortable, (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('instance_profile_tags_pk', ['instance_profile_id', 'key_lower'])
    .execute();

  await db.schema
    .createTable('instance_profile_roles')
    .addColumn('instance_profile_id', 'text', (c) => c.notNull().references('instance_profiles.instance_profile_id'))
    .addColumn('role_id', 'text', (c) => c.notNull().references('roles.role_id'))
    .addPrimaryKeyConstraint('instance_profile_roles_pk', ['instance_profile_id', 'role_id'])
    .execute();
  await db.schema
    .createIndex('instance_profile_roles_role')
    .on('instance_profile_roles')
    .columns(['role_id'])
    .execute();

  await db.schema
    .createTable('role_deletion_tasks')
    .addColumn('task_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
