import type { Kysely } from 'kysely';

/**
 * When each Organizations policy was created: emulator mode lists policies in creation order, as
 * moto does (AWS's own order is by name here). Policies from before have none and list first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('org_policies').addColumn('created_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('org_policies').dropColumn('created_at').execute();
}
