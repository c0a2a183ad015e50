import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../schema.js';
import { ReusableQuery } from './reusable-query.js';

let db: Kysely<Database>;
afterEach(() => db?.destroy());

async function open(): Promise<Kysely<Database>> {
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
  await sql`create table meta (key text primary key, value text not null)`.execute(db);
  return db;
}

describe('ReusableQuery', () => {
  it('binds new values on every run and keeps the constants the query was built with', async () => {
    const db = await open();
    const insert = new ReusableQuery<'key' | 'value'>((db, slot) =>
      db.insertInto('meta').values({ key: slot('key'), value: slot('value') }),
    );
    for (const [key, value] of [
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
    ]) {
      await insert.run(db, { key, value });
    }
    const after = new ReusableQuery<'after'>((db, slot) =>
      db.selectFrom('meta').select(['key', 'value']).where('key', '>', slot('after')).orderBy('key').limit(1),
    );
    expect((await after.run(db, { after: 'a' })).rows).toEqual([{ key: 'b', value: '2' }]);
    // The limit (a constant parameter) still applies; the slot takes the new value.
    expect((await after.run(db, { after: 'b' })).rows).toEqual([{ key: 'c', value: '3' }]);
    expect((await after.run(db, { after: 'c' })).rows).toEqual([]);
  });

  it('runs inside a transaction and rolls back with it', async () => {
    const db = await open();
    const insert = new ReusableQuery<'key'>((db, slot) =>
      db.insertInto('meta').values({ key: slot('key'), value: 'v' }),
    );
    await expect(
      db.transaction().execute(async (trx) => {
        await insert.run(trx, { key: 'inside' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.selectFrom('meta').selectAll().execute()).toEqual([]);
  });
});
