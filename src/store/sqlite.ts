import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  SqliteDialect,
  type SqliteDatabase,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from 'kysely';
import type { SecretBox } from '../shared/secret-box.js';
import { KyselyStore } from './kysely/kysely-store.js';
import { privateDir, privateFile, privateIfPresent } from '../shared/private-files.js';
import { SqliteWriteLock } from './sqlite-write-lock.js';
import { moveStoreEvents, openTrailDatabase } from './sqlite-trail.js';
import { SqliteTrailRepo } from './sqlite-trail-repo.js';
import { migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';

export interface OpenedStore {
  store: KyselyStore;
  /** The store connection's write lock (sqlite-write-lock.ts). */
  writeLock: SqliteWriteLock;
  /** The audit trail file's write lock, shared with the audit writer thread (sqlite-trail.ts). */
  trailLock: SqliteWriteLock;
  /** A trivial query through the store's connection (readiness): it waits behind whatever holds the connection. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) `<dataDir>/ward.sqlite` and migrates it to the latest schema, and
 * the audit trail's `<dataDir>/audit.sqlite`, moving into it any events ward.sqlite still holds.
 */
export async function openSqliteStore(dataDir: string, box: SecretBox): Promise<OpenedStore> {
  privateDir(dataDir);
  // SQLite gives its -wal and -shm files the database file's mode: 0600 for all three.
  const file = join(dataDir, 'ward.sqlite');
  privateFile(file);
  for (const suffix of ['-wal', '-shm', '-journal']) privateIfPresent(file + suffix);
  const writeLock = new SqliteWriteLock();
  const db = openSqliteKysely(dataDir, writeLock);
  await migrateToLatest(db);
  const trail = openTrailDatabase(dataDir);
  const trailLock = new SqliteWriteLock();
  try {
    moveStoreEvents(trail, dataDir);
  } catch (err) {
    trail.close();
    await db.destroy();
    throw err;
  }
  const store = new KyselyStore(db, box, false, undefined, undefined, new SqliteTrailRepo(trail, trailLock));
  return {
    store,
    writeLock,
    trailLock,
    ping: () => ping(db),
    close: async () => {
      trail.close();
      await db.destroy();
    },
  };
}

/** `select 1`: answers only if the connection is open and free within the caller's patience. */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * The audit writer thread's checkpoints of `<dataDir>/ward.sqlite` (the request thread's connection
 * has none of its own): PASSIVE, so it never waits for or blocks a writer or reader.
 */
export function storeCheckpointer(dataDir: string): { checkpoint(): void; close(): void } {
  const sqlite = new SQLite(join(dataDir, 'ward.sqlite'));
  return { checkpoint: () => void sqlite.pragma('wal_checkpoint(PASSIVE)'), close: () => sqlite.close() };
}

/** `writeLock`: taken around every transaction, asynchronously (the request thread's connection). */
function openSqliteKysely(dataDir: string, writeLock?: SqliteWriteLock): Kysely<Database> {
  const sqlite = new SQLite(join(dataDir, 'ward.sqlite'));
  // WAL keeps readers off the writer's back; NORMAL sync in WAL mode loses nothing on a process crash.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The request thread's connection never checkpoints: a checkpoint's fsyncs would stall its event
  // loop. The audit writer thread checkpoints the store after each batch (storeCheckpointer); when
  // the trail shared this file, its commits crossed the WAL threshold and did this work there.
  if (writeLock) sqlite.pragma('wal_autocheckpoint = 0');
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }, writeLock),
  });
}

/**
 * Kysely's SQLite driver prepares every query it runs; the same few hundred SQL texts recur, so
 * prepared statements are kept (least recently used dropped past `max`). The driver only calls
 * `all`/`run` on them (it never iterates: Ward streams no queries), which leave the statement
 * reset, so a cached statement is never busy when reused; SQLite re-prepares one after a schema
 * change by itself. Long texts (multi-row inserts, whose length varies with the batch) are not
 * kept: they rarely recur and each would hold a large compiled program.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500, maxSqlLength = 8192): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      if (sql.length > maxSqlLength) return sqlite.prepare(sql);
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

/**
 * Transactions begin with `BEGIN IMMEDIATE`, taking the write lock at once. Kysely's
 * default deferred `BEGIN` reads first and upgrades to a writer later; when another process
 * (`ward bootstrap` beside a running `ward serve`) wrote in between, that upgrade fails
 * with SQLITE_BUSY at once instead of waiting out busy_timeout. Within one process nothing
 * changes: kysely already runs one transaction at a time on the single connection.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #writeLock: SqliteWriteLock | undefined;

  constructor(config: SqliteDialectConfig, writeLock: SqliteWriteLock | undefined) {
    super(config);
    this.#config = config;
    this.#writeLock = writeLock;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#writeLock);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  readonly #writeLock: SqliteWriteLock | undefined;
  /** The one connection runs one transaction at a time; a failed commit is followed by a rollback. */
  #holding = false;

  constructor(config: SqliteDialectConfig, writeLock: SqliteWriteLock | undefined) {
    super(config);
    this.#writeLock = writeLock;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#writeLock?.acquire();
    this.#holding = true;
    try {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    } catch (err) {
      this.#release();
      throw err;
    }
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.commitTransaction(connection);
    } finally {
      this.#release();
    }
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.rollbackTransaction(connection);
    } finally {
      this.#release();
    }
  }

  /** Once per transaction: a second release would free the lock another thread took meanwhile. */
  #release(): void {
    if (!this.#holding) return;
    this.#holding = false;
    this.#writeLock?.release();
  }
}
