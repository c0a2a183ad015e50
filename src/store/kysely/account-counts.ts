import type { Db } from './db.js';

/**
 * How many rows of `table` an account has: read from the count its triggers keep (migration
 * 016-account-counts), not by walking the rows, which cost a quota check O(entities).
 */
export async function accountCount(
  db: Db,
  table: 'users' | 'groups' | 'roles' | 'managed_policies' | 'instance_profiles',
  accountId: string,
): Promise<number> {
  const row = await db
    .selectFrom('account_counts')
    .select('n')
    .where('account_id', '=', accountId)
    .where('table_name', '=', table)
    .executeTakeFirst();
  return row ? Number(row.n) : 0;
}
