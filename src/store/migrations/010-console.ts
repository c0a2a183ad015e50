import type { Kysely } from 'kysely';

/**
 * The web console: signed-in sessions (only the SHA-256 of the cookie's token is kept, so a
 * database dump cannot be replayed as a cookie) and failed sign-ins, counted per account/user
 * and per source address so that brute force is throttled across every node of a cluster.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('console_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    /** NULL for the account's root user. */
    .addColumn('user_id', 'text')
    /** 'mfa' (password checked, code due), 'change-password' (must set a new one), 'active'. */
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('mfa_at', 'text')
    .addColumn('csrf', 'text', (c) => c.notNull())
    /** The ASIA… ID the session's calls carry in the audit trail, as AWS's console sessions do. */
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('console_sessions_principal')
    .on('console_sessions')
    .columns(['account_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('signin_failures')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('signin_failures_subject')
    .on('signin_failures')
    .columns(['subject', 'failed_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('signin_failures').execute();
  await db.schema.dropTable('console_sessions').execute();
}
