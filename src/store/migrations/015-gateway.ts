import type { Kysely } from 'kysely';
import { sortableText } from './portable.js';

/**
 * The gateway's record of which account created each S3 bucket through it (issue 14): an S3
 * ARN names no account, and policies are evaluated as the bucket owner's (cross-account rules,
 * RCPs, the root user's own resources). Buckets made behind the gateway's back have no row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('gateway_bucket_owners')
    .addColumn('bucket', sortableText(db), (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
