import type { WardConfig } from '../config/config.js';
import { type CacheBus, LocalCacheBus } from '../shared/cache-bus.js';
import type { SecretBox } from '../shared/secret-box.js';
import type { KyselyStore } from './kysely/kysely-store.js';
import { PgCacheBus } from './pg-cache-bus.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { SqliteWriteLock } from './sqlite-write-lock.js';

export interface WardStore {
  store: KyselyStore;
  /** Cache invalidations: in-process on SQLite, LISTEN/NOTIFY between nodes on PostgreSQL. */
  bus: CacheBus;
  backend: 'sqlite' | 'postgres';
  /** SQLite: the store connection's write lock. */
  sqliteWriteLock?: SqliteWriteLock;
  /** SQLite: the audit trail file's write lock, which its writer thread must share (sqlite-trail.ts). */
  sqliteTrailLock?: SqliteWriteLock;
  /** A trivial query on the store (readiness); rejects when the database cannot answer. */
  ping(): Promise<void>;
  /** The store's connections now, read when metrics are scraped. */
  pool(): StorePool;
  /** Closes the bus, then the store. */
  close(): Promise<void>;
}

/**
 * What the store's connections are doing. PostgreSQL: pg.Pool's own counts. SQLite: one
 * connection on the request thread (the audit writer thread has its own), so there is no pool;
 * what can queue there is a transaction waiting for the write lock the two connections share.
 */
export type StorePool =
  | { backend: 'postgres'; max: number; total: number; idle: number; waiting: number }
  | { backend: 'sqlite'; max: 1; total: 1; waiting: number; writeLockHeld: boolean };

/**
 * The one place the backend is chosen: PostgreSQL when `databaseUrl` is set (`--database`,
 * `WARD_DATABASE_URL`), for several stateless nodes on one database; else SQLite in `dataDir`.
 */
export async function openStore(
  config: Pick<WardConfig, 'dataDir' | 'databaseUrl'>,
  box: SecretBox,
  onError: (err: unknown, message: string) => void = () => undefined,
): Promise<WardStore> {
  if (config.databaseUrl === undefined) {
    const opened = await openSqliteStore(config.dataDir, box);
    const lock = opened.writeLock;
    return {
      store: opened.store,
      bus: new LocalCacheBus(),
      backend: 'sqlite',
      sqliteWriteLock: lock,
      sqliteTrailLock: opened.trailLock,
      ping: opened.ping,
      pool: () => ({ backend: 'sqlite', max: 1, total: 1, waiting: lock.waiting(), writeLockHeld: lock.held() }),
      close: opened.close,
    };
  }
  const opened = await openPostgresStore(config.databaseUrl, box, { onError });
  let bus: PgCacheBus;
  try {
    bus = await PgCacheBus.start({ connectionString: config.databaseUrl, pool: opened.pool, onError });
  } catch (err) {
    await opened.close();
    throw err;
  }
  return {
    store: opened.store,
    bus,
    backend: 'postgres',
    ping: opened.ping,
    pool: () => ({
      backend: 'postgres',
      max: opened.pool.options.max,
      total: opened.pool.totalCount,
      idle: opened.pool.idleCount,
      waiting: opened.pool.waitingCount,
    }),
    async close() {
      await bus.close();
      await opened.close();
    },
  };
}
