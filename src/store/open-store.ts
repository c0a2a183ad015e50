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
  /** SQLite: the lock a second connection in this process (the audit writer's) must share. */
  sqliteWriteLock?: SqliteWriteLock;
  /** Closes the bus, then the store. */
  close(): Promise<void>;
}

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
    return { store: opened.store, bus: new LocalCacheBus(), backend: 'sqlite', sqliteWriteLock: opened.writeLock, close: opened.close };
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
    async close() {
      await bus.close();
      await opened.close();
    },
  };
}
