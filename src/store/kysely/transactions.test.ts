import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../schema.js';
import { SINGLE_WRITER, type TransactionPolicy, isSerializationFailure, runTransaction } from './transactions.js';

const fast: TransactionPolicy = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2 };
const serializationFailure = () =>
  Object.assign(new Error('could not serialize access due to read/write dependencies'), { code: '40001' });

let db: Kysely<Database>;
afterEach(() => db?.destroy());
function open(): Kysely<Database> {
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
  return db;
}

describe('runTransaction', () => {
  it('runs the whole function again after a serialization failure or deadlock, on a clean slate', async () => {
    const db = open();
    await sql`create table meta (key text primary key, value text not null)`.execute(db);
    let calls = 0;
    const result = await runTransaction(db, fast, async (trx) => {
      calls++;
      await trx
        .insertInto('meta')
        .values({ key: 'k', value: String(calls) })
        .execute();
      if (calls === 1) throw serializationFailure();
      if (calls === 2) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      return 'done';
    });
    expect(result).toBe('done');
    expect(calls).toBe(3);
    // The failed attempts rolled back: one row, from the attempt that committed.
    expect(await db.selectFrom('meta').selectAll().execute()).toEqual([{ key: 'k', value: '3' }]);
  });

  it('gives up after maxAttempts with the last failure', async () => {
    let calls = 0;
    const err = await runTransaction(open(), fast, async () => {
      calls++;
      throw serializationFailure();
    }).catch((e: unknown) => e);
    expect(isSerializationFailure(err)).toBe(true);
    expect(calls).toBe(4);
  });

  it('does not retry other errors, nor anything under the single-writer policy', async () => {
    let calls = 0;
    const domain = new Error('LimitExceeded');
    await expect(
      runTransaction(open(), fast, async () => {
        calls++;
        throw domain;
      }),
    ).rejects.toBe(domain);
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      runTransaction(db, SINGLE_WRITER, async () => {
        calls++;
        throw serializationFailure();
      }),
    ).rejects.toThrow(/serialize/);
    expect(calls).toBe(1);
  });
});
