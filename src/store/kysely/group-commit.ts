import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

interface Pending<R> {
  row: R;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Rows that arrive in the same turn of the event loop, written in one SQLite transaction.
 *
 * On SQLite, committing is most of what a lone insert costs (each commit appends every page it
 * dirtied to the WAL), and AssumeRole writes one session row per call. Under load several calls
 * reach their insert in the same turn; one commit for all of them writes the shared pages (the
 * table's last leaf, the expiry index's) once. Each caller still waits for the commit that holds
 * its row, so nothing is answered before it is durable. When a batch fails (an ID drawn twice),
 * each row is written again on its own, so only the row at fault fails, with its own error.
 */
export class GroupCommit<R> {
  #pending: Pending<R>[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly write: (db: Kysely<Database>, row: R) => Promise<unknown>,
  ) {}

  insert(row: R): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.#pending.push({ row, resolve, reject }) === 1) setImmediate(() => void this.#flush());
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length > 1) {
      try {
        await this.db.transaction().execute(async (trx) => {
          for (const p of batch) await this.write(trx, p.row);
        });
        for (const p of batch) p.resolve();
        return;
      } catch {
        // Fall through: each row on its own.
      }
    }
    for (const p of batch) this.write(this.db, p.row).then(p.resolve, p.reject);
  }
}
