import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { SecretBox } from '../shared/secret-box.js';
import { KyselyStore } from './kysely/kysely-store.js';
import { READ_COMMITTED_WITH_RETRY, SERIALIZABLE_WITH_RETRY } from './kysely/transactions.js';
import { migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';
import { type OpenedStore, ping } from './sqlite.js';

export interface OpenedPostgresStore extends Omit<OpenedStore, 'writeLock' | 'trailLock'> {
  /** The store's connection pool (the cache bus sends its NOTIFYs through it). */
  pool: pg.Pool;
}

export interface PostgresStoreOptions {
  /** Connections per node (default 10). */
  poolSize?: number;
  /** Told about errors on idle pooled connections (the pool replaces them). */
  onError?: (err: unknown, message: string) => void;
}

/**
 * Opens the PostgreSQL store at `url` (postgres://user:pass@host:port/db) and migrates it to the
 * latest schema. Several nodes may do this at once: kysely's migrator holds an advisory lock.
 * Every `store.transaction()` is SERIALIZABLE and retried on serialization failures
 * (kysely/transactions.ts), so the same checks that keep SQLite consistent hold across nodes;
 * only `store.bookkeeping()` (usage timestamps, no invariants) runs READ COMMITTED.
 */
export async function openPostgresStore(
  url: string,
  box: SecretBox,
  options: PostgresStoreOptions = {},
): Promise<OpenedPostgresStore> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: 'ward',
    keepAlive: true,
    // An unreachable server fails a request in 10 s instead of hanging on the TCP connect.
    connectionTimeoutMillis: 10_000,
  });
  // An idle pooled connection that dies (a server restart, say) is reported here; unhandled, it would end the process.
  pool.on('error', (err) => options.onError?.(err, 'an idle PostgreSQL connection failed'));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return {
    store: new KyselyStore(db, box, false, SERIALIZABLE_WITH_RETRY, READ_COMMITTED_WITH_RETRY),
    pool,
    ping: () => ping(db),
    close: () => db.destroy(),
  };
}

/** True for the URLs `openPostgresStore` takes. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
