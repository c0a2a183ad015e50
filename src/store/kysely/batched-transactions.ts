import { type ControlledTransaction, type Kysely, type Transaction, sql } from 'kysely';
import type { Database } from '../schema.js';

interface Work {
  fn: (trx: Transaction<Database>) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

type Outcome = { work: Work; ok: true; value: unknown } | { work: Work; ok: false; err: unknown };

/** Most transactions one commit holds: bounds how long the first of them waits for it. */
const MAX_BATCH = 64;

/**
 * SQLite transactions that start in the same turn of the event loop, run one after another inside
 * one database transaction, each within its own savepoint, and committed together.
 *
 * On SQLite a commit costs more than the writes before it: it appends every page the transaction
 * dirtied to the WAL, two writes a page, and CreateUser dirties five or six (the table, its three
 * indexes, the quota count). Under load several requests reach their transaction in the same
 * turn; one commit writes the pages they share once. Each is still serializable: they run one at
 * a time, as SQLite's one writer always ran them, and a transaction that fails is rolled back to
 * its savepoint alone. Nobody hears an outcome, success or failure, before the commit that
 * decides it; if that commit fails, each transaction of the batch runs again on its own. While a
 * batch is open it holds the connection, so a query outside it waits for the commit and never
 * reads what is not yet committed.
 */
export class TransactionBatcher {
  readonly #db: Kysely<Database>;
  #queue: Work[] = [];
  #draining = false;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  run<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ fn, resolve, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#queue.length > 0) await this.#batch();
    } finally {
      this.#draining = false;
    }
  }

  async #batch(): Promise<void> {
    let trx: ControlledTransaction<Database>;
    try {
      trx = await this.#db.startTransaction().execute();
    } catch (err) {
      for (const work of this.#queue.splice(0, MAX_BATCH)) work.reject(err);
      return;
    }
    const outcomes: Outcome[] = [];
    let current: Work | undefined;
    try {
      while (outcomes.length < MAX_BATCH) {
        current = this.#queue.shift();
        if (!current) {
          // Transactions started later in this turn join the commit.
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (this.#queue.length === 0) break;
          continue;
        }
        outcomes.push(await runInSavepoint(trx, current));
        current = undefined;
      }
      await trx.commit().execute();
    } catch {
      // A failure SQLite answers by ending the whole transaction (a full disk, an I/O error), or a
      // failed commit: nothing in this batch was written. Each transaction runs again on its own
      // (a transaction function may run more than once: transactions.ts), so it fails, or not,
      // as it would have alone, never for another's fault.
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      for (const work of [...outcomes.map((o) => o.work), ...(current ? [current] : [])]) {
        await this.#db.transaction().execute(work.fn).then(work.resolve, work.reject);
      }
      return;
    }
    for (const o of outcomes) {
      if (o.ok) o.work.resolve(o.value);
      else o.work.reject(o.err);
    }
  }
}

async function runInSavepoint(trx: ControlledTransaction<Database>, work: Work): Promise<Outcome> {
  await sql`savepoint batched`.execute(trx);
  let outcome: Outcome;
  try {
    outcome = { work, ok: true, value: await work.fn(trx) };
  } catch (err) {
    // Throws in turn when SQLite already ended the transaction: the batch then runs again one by one.
    await sql`rollback to savepoint batched`.execute(trx);
    outcome = { work, ok: false, err };
  }
  await sql`release savepoint batched`.execute(trx);
  return outcome;
}
