import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { SecretBox } from '../shared/secret-box.js';
import { KyselyStore } from './kysely/kysely-store.js';
import { migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';

export interface OpenedStore {
  store: KyselyStore;
  close(): Promise<void>;
}

/** Opens (creating if needed) `<dataDir>/ward.sqlite` and migrates it to the latest schema. */
export async function openSqliteStore(dataDir: string, box: SecretBox): Promise<OpenedStore> {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SQLite(join(dataDir, 'ward.sqlite'));
  // WAL keeps readers off the writer's back; NORMAL sync in WAL mode loses nothing on a process crash.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(db as unknown as Kysely<unknown>);
  return { store: new KyselyStore(db, box), close: () => db.destroy() };
}
