import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { LocalCacheBus } from '../../shared/cache-bus.js';
import { SecretBox } from '../../shared/secret-box.js';
import { KyselyStore } from '../kysely/kysely-store.js';
import { migrateToLatest } from '../migrate.js';
import type { Database } from '../schema.js';

/** A real store for unit tests: a fresh in-memory SQLite database at the latest migration. */
export interface MemoryStore {
  store: KyselyStore;
  /** Seals secrets as the server's master key does (a random key per store). */
  box: SecretBox;
  /** In-process invalidations, as a single SQLite node has. */
  bus: LocalCacheBus;
  /** The connection itself, for tests that check what a row holds at rest. */
  db: Kysely<Database>;
  close(): Promise<void>;
}

/**
 * Opens one. SQLite's `:memory:` database lives as long as its one connection, which kysely's
 * SQLite dialect keeps for the life of the Kysely instance: close it in afterEach.
 */
export async function openMemoryStore(): Promise<MemoryStore> {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
  await migrateToLatest(db);
  const box = new SecretBox(randomBytes(32));
  return { store: new KyselyStore(db, box), box, bus: new LocalCacheBus(), db, close: () => db.destroy() };
}
