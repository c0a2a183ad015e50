import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../schema.js';
import { TransactionBatcher } from './batched-transactions.js';

let dir: string;
let statements: string[];
let db: Kysely<Database>;
/** A second connection: it sees only what is committed. */
let observer: SQLite.Database;
let batcher: TransactionBatcher;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ward-batched-tx-'));
  const file = join(dir, 'db.sqlite');
  statements = [];
  const sqlite = new SQLite(file, { verbose: (s) => statements.push(String(s)) });
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec(`create table parent (id text primary key);
    create table item (id text primary key,
      parent_id text references parent (id) deferrable initially deferred)`);
  sqlite.pragma('foreign_keys = ON');
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  observer = new SQLite(file, { readonly: true });
  batcher = new TransactionBatcher(db);
  statements.length = 0;
});
afterEach(async () => {
  observer.close();
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (id: string, parentId: string | null = null) =>
  batcher.run((trx) => sql`insert into item (id, parent_id) values (${id}, ${parentId})`.execute(trx));
const committed = () =>
  (observer.prepare('select id from item order by id').all() as Array<{ id: string }>).map((r) => r.id);
const count = (prefix: string) => statements.filter((s) => s.toLowerCase().startsWith(prefix)).length;

describe('batched SQLite transactions', () => {
  it('commits the transactions of one turn together, each in its own savepoint', async () => {
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => insert(id)));
    expect(count('begin')).toBe(1);
    expect(count('commit')).toBe(1);
    expect(count('savepoint')).toBe(5);
    expect(committed()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('rolls back a failing transaction alone, and tells it only once the others are committed', async () => {
    await insert('taken');
    const outcomes = await Promise.allSettled([
      insert('x'),
      batcher.run(async (trx) => {
        await sql`insert into item (id) values ('half-done')`.execute(trx);
        await sql`insert into item (id) values ('taken')`.execute(trx);
      }),
      insert('y'),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint failed/);
    expect(committed()).toEqual(['taken', 'x', 'y']);
  });

  it('answers a caller only once its transaction is committed', async () => {
    const seen: string[][] = [];
    await Promise.all(['p', 'q'].map((id) => insert(id).then(() => seen.push(committed()))));
    expect(seen).toEqual([
      ['p', 'q'],
      ['p', 'q'],
    ]);
  });

  it('runs each transaction of a batch whose commit fails again on its own, so only the one at fault fails', async () => {
    // The orphan's deferred foreign key is checked only at the commit, which then fails.
    const outcomes = await Promise.allSettled([insert('fine'), insert('orphan', 'missing'), insert('also-fine')]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(committed()).toEqual(['also-fine', 'fine']);
    // The connection is usable again.
    await insert('after');
    expect(committed()).toEqual(['after', 'also-fine', 'fine']);
  });

  it('splits a larger turn into bounded commits, in the order the transactions started', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `t${String(i).padStart(3, '0')}`);
    const order: string[] = [];
    await Promise.all(
      ids.map((id) =>
        batcher.run(async (trx) => {
          order.push(id);
          await sql`insert into item (id) values (${id})`.execute(trx);
        }),
      ),
    );
    expect(order).toEqual(ids);
    expect(count('commit')).toBe(2);
    expect(committed()).toEqual(ids);
  });

  it('runs a lone transaction with no one to wait for', async () => {
    await insert('solo');
    expect(count('begin')).toBe(1);
    expect(committed()).toEqual(['solo']);
  });
});
