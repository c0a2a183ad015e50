import { type Kysely, sql } from 'kysely';
import { isPostgres } from './portable.js';

/** The entities IAM's per-account quotas count (UsersPerAccount, RolesPerAccount, …). */
export const COUNTED_TABLES = ['users', 'groups', 'roles', 'managed_policies', 'instance_profiles'] as const;

/**
 * How many of each counted entity an account has, kept by triggers in the same transaction as
 * the row itself, whichever code inserts or deletes it. A quota check read `count(*)` over the
 * account's rows, which SQLite and PostgreSQL both walk row by row: at 20 000 users that was
 * more than half of CreateUser's CPU (bench/api.ts creates users for its whole run).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account_counts')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_counts_pk', ['account_id', 'table_name'])
    .execute();
  if (isPostgres(db)) {
    await sql`create function ward_account_count() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          insert into account_counts (account_id, table_name, n) values (new.account_id, tg_table_name, 1)
            on conflict (account_id, table_name) do update set n = account_counts.n + 1;
          return new;
        end if;
        update account_counts set n = n - 1 where account_id = old.account_id and table_name = tg_table_name;
        return old;
      end $$`.execute(db);
  }
  for (const table of COUNTED_TABLES) {
    const name = sql.lit(table);
    if (isPostgres(db)) {
      await sql`create trigger ${sql.id(`${table}_account_count`)} after insert or delete on ${sql.table(table)}
        for each row execute function ward_account_count()`.execute(db);
    } else {
      await sql`create trigger ${sql.id(`${table}_counted_insert`)} after insert on ${sql.table(table)} begin
        insert into account_counts (account_id, table_name, n) values (new.account_id, ${name}, 1)
          on conflict (account_id, table_name) do update set n = n + 1;
      end`.execute(db);
      await sql`create trigger ${sql.id(`${table}_counted_delete`)} after delete on ${sql.table(table)} begin
        update account_counts set n = n - 1 where account_id = old.account_id and table_name = ${name};
      end`.execute(db);
    }
    await sql`insert into account_counts (account_id, table_name, n)
      select account_id, ${name}, count(*) from ${sql.table(table)} group by account_id`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of COUNTED_TABLES) {
    if (isPostgres(db)) await sql`drop trigger ${sql.id(`${table}_account_count`)} on ${sql.table(table)}`.execute(db);
    else {
      await sql`drop trigger ${sql.id(`${table}_counted_insert`)}`.execute(db);
      await sql`drop trigger ${sql.id(`${table}_counted_delete`)}`.execute(db);
    }
  }
  if (isPostgres(db)) await sql`drop function ward_account_count()`.execute(db);
  await db.schema.dropTable('account_counts').execute();
}
