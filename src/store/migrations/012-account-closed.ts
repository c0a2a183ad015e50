import { type Kysely, sql } from 'kysely';

/**
 * An account's closure belongs to the account (`accounts.closed_at`), not only to its
 * Organizations membership (`org_accounts.status`): a closed account stays closed whatever
 * happens to the membership. Members already suspended are marked closed as of the migration
 * (the membership kept no closing time).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('closed_at', 'text').execute();
  await sql`update accounts set closed_at = ${new Date().toISOString()}
    where closed_at is null and account_id in (select account_id from org_accounts where status <> 'ACTIVE')`.execute(
    db,
  );
}
