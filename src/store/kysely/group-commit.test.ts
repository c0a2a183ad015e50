import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../schema.js';
import { GroupCommit } from './group-commit.js';

let db: Kysely<Database>;
afterEach(() => db?.destroy());

interface Row {
  key: string;
  value: string;
}

/** A store whose every statement is logged, so a test can see which commit holds which row. */
async function open(log: string[]): Promise<Kysely<Database>> {
  db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SQLite(':memory:') }),
    log: (event) => void log.push(event.query.sql.split(' ')[0]!.toLowerCase()),
  });
  await sql`create table meta (key text primary key, value text not null)`.execute(db);
  log.length = 0;
  return db;
}

const insert = (db: Kysely<Database>, row: Row) => db.insertInto('meta').values(row).execute();

describe('GroupCommit', () => {
  it('writes the rows of one turn in one transaction, and answers each only after its commit', async () => {
    const log: string[] = [];
    const db = await open(log);
    const commit = new GroupCommit<Row>(db, insert);
    const written = ['a', 'b', 'c'].map((key) => commit.insert({ key, value: key }));
    await Promise.all(written);
    expect(log).toEqual(['begin', 'insert', 'insert', 'insert', 'commit']);
    expect(await db.selectFrom('meta').select('key').orderBy('key').execute()).toEqual([
      { key: 'a' },
      { key: 'b' },
      { key: 'c' },
    ]);
  });

  it('writes a lone row without a transaction of its own', async () => {
    const log: string[] = [];
    const db = await open(log);
    await new GroupCommit<Row>(db, insert).insert({ key: 'solo', value: 'v' });
    expect(log).toEqual(['insert']);
  });

  it('fails only the row at fault when one row of a batch cannot be written', async () => {
    const log: string[] = [];
    const db = await open(log);
    await insert(db, { key: 'taken', value: 'first' });
    const commit = new GroupCommit<Row>(db, insert);
    const results = await Promise.allSettled([
      commit.insert({ key: 'x', value: 'v' }),
      commit.insert({ key: 'taken', value: 'second' }),
      commit.insert({ key: 'y', value: 'v' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(await db.selectFrom('meta').selectAll().orderBy('key').execute()).toEqual([
      { key: 'taken', value: 'first' },
      { key: 'x', value: 'v' },
      { key: 'y', value: 'v' },
    ]);
  });

  it('starts a new batch for rows that arrive after a flush', async () => {
    const log: string[] = [];
    const db = await open(log);
    const commit = new GroupCommit<Row>(db, insert);
    await Promise.all([commit.insert({ key: 'a', value: 'v' }), commit.insert({ key: 'b', value: 'v' })]);
    await commit.insert({ key: 'c', value: 'v' });
    expect(log).toEqual(['begin', 'insert', 'insert', 'commit', 'insert']);
  });
});
