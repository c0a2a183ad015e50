import type { Kysely } from 'kysely';

/**
 * Root user password recovery ("Forgot password?"): one row per reset link sent to the account's
 * email. Only the SHA-256 of the link's token is kept; a row is single-use (`used_at`) and
 * expires (`expires_at`). Rows of an account go when one of its links is used.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('root_password_recovery_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('root_password_recovery_tokens_account')
    .on('root_password_recovery_tokens')
    .column('account_id')
    .execute();
}
