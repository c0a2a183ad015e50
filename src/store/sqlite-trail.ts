import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { StoredEvent } from '../audit/event-store.js';
import type { RecordTemplate } from '../audit/record-parts.js';
import { privateFile, privateIfPresent } from '../shared/private-files.js';
import type { SqliteWriteLock } from './sqlite-write-lock.js';
import { cutBlocks, packEvent } from './trail-blocks.js';

/**
 * The audit trail's own SQLite file (SQLite backend only; PostgreSQL keeps its `events` table).
 * In ward.sqlite every audit commit took the store's write lock, so CreateUser and AssumeRole
 * queued behind the trail, and its checkpoints copied the trail's pages along with the store's.
 * Here the audit writer thread is the only regular writer; the request thread writes only for
 * retention and the emulator's reset, through `lock` (shared with the writer, as the store's).
 *
 * The table is shaped for cheap appends (bench/audit-writer.ts): a rowid table, times as integer
 * milliseconds, no index on event_id (a UUIDv7 carries its time: EventId lookups go through the
 * time index) and secondary indexes without the 24-byte ISO time and 36-byte ID in every entry.
 * Lookups use the same attributes and the same indexed paths as before.
 */
export const TRAIL_FILE = 'audit.sqlite';

const SCHEMA_VERSION = 4;
const SCHEMA_V1 = `
  create table if not exists events (
    time_ms integer not null,
    event_id text not null,
    account_id text not null,
    event_name text not null,
    event_source text not null,
    username text,
    access_key_id text,
    resource_names text not null,
    resource_types text not null,
    read_only integer not null,
    record text not null
  );
  create index if not exists events_account_time on events (account_id, time_ms);
  create index if not exists events_account_name on events (account_id, event_name, time_ms);
  create index if not exists events_account_user on events (account_id, username, time_ms);
  create index if not exists events_account_key on events (account_id, access_key_id, time_ms);
  create index if not exists events_time on events (time_ms);
  -- Events from before time-ordered IDs (UUIDv4, moved from ward.sqlite): only they need an ID index.
  create index if not exists events_legacy_id on events (event_id) where substr(event_id, 15, 1) <> '7';
`;
/**
 * Version 2: compact records. A record's template (record-parts.ts: who called, from where, with
 * which client, which operation: most of its bytes) is a row of `templates`, shared by every
 * event that has it; such an event's `record` holds only the rest. Events without a template
 * (sign-ins, rows from version 1) keep their whole record. A template lives as long as its
 * newest event (`last_ms`), so retention deletes it with that event.
 */
const SCHEMA_V2 = `
  alter table events add column template integer;
  create table templates (
    id integer primary key,
    head text not null,
    mid text not null,
    tail text not null,
    last_ms integer not null
  );
  create index templates_last on templates (last_ms);
`;
/**
 * Version 3: a template names who called, the operation and its source, so events are found by
 * those through their template: one index on (template, time_ms) replaces three on (account_id,
 * event_name | username | access_key_id, time_ms), each of which every append wrote
 * (bench/audit-writer.ts). Those three stay, partial, for events without a template. A lookup by
 * one of them reads each matching template's newest events in order and merges them
 * (sqlite-trail-repo.ts).
 */
const SCHEMA_V3 = `
  alter table templates add column account_id text;
  alter table templates add column event_name text;
  alter table templates add column event_source text;
  alter table templates add column username text;
  alter table templates add column access_key_id text;
  create index events_template on events (template, time_ms) where template is not null;
  update templates set (account_id, event_name, event_source, username, access_key_id) = (
    select e.account_id, e.event_name, e.event_source, e.username, e.access_key_id
    from events e where e.template = templates.id limit 1);
  create index templates_account on templates (account_id);
  drop index events_account_name;
  drop index events_account_user;
  drop index events_account_key;
  create index events_account_name on events (account_id, event_name, time_ms) where template is null;
  create index events_account_user on events (account_id, username, time_ms) where template is null;
  create index events_account_key on events (account_id, access_key_id, time_ms) where template is null;
`;

/**
 * Version 4: events with a template are stored in blocks, one row per template and batch
 * (trail-blocks.ts), found through the block's template, account or time; `events` keeps the
 * events without one (sign-ins) and those written before. A block's `last_ms` bounds it for
 * retention and for every time-ordered lookup.
 */
const SCHEMA_V4 = `
  create table event_blocks (
    id integer primary key,
    template integer not null,
    account_id text not null,
    read_only integer not null,
    first_ms integer not null,
    last_ms integer not null,
    count integer not null,
    events text not null
  );
  create index event_blocks_template on event_blocks (template, last_ms);
  create index event_blocks_account on event_blocks (account_id, last_ms);
  create index event_blocks_last on event_blocks (last_ms);
`;

/** Columns in insert order (rowParams); the first eleven are version 1's. */
const V1_COLUMNS =
  'time_ms, event_id, account_id, event_name, event_source, username, access_key_id, resource_names, resource_types, read_only, record';
const COLUMNS = `${V1_COLUMNS}, template`;
const WIDTH = 12;
/** Template IDs a connection remembers (templateRows). */
const MAX_KNOWN_TEMPLATES = 10_000;
/** Rows per prepared multi-row INSERT: one statement run instead of a hundred. */
const ROWS = 100;

/** Opens (creating, 0600) `<dataDir>/audit.sqlite` with the trail's schema. */
export function openTrailDatabase(dataDir: string): SQLite.Database {
  const file = join(dataDir, TRAIL_FILE);
  privateFile(file);
  for (const suffix of ['-wal', '-shm', '-journal']) privateIfPresent(file + suffix);
  const db = new SQLite(file);
  // As the store: WAL, and NORMAL sync, which loses nothing when the process dies (SIGTERM, a
  // crash); a power loss may roll back the last commits before a checkpoint, never corrupt.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  if ((db.pragma('user_version', { simple: true }) as number) < SCHEMA_VERSION) {
    db.exec('begin immediate');
    try {
      // Read again under the write lock: another connection may have upgraded it meanwhile.
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version < 1) db.exec(SCHEMA_V1);
      if (version < 2) db.exec(SCHEMA_V2);
      if (version < 3) db.exec(SCHEMA_V3);
      if (version < 4) db.exec(SCHEMA_V4);
      db.exec(`pragma user_version = ${SCHEMA_VERSION}; commit`);
    } catch (err) {
      db.exec('rollback');
      throw err;
    }
  }
  for (const suffix of ['-wal', '-shm']) privateIfPresent(file + suffix);
  return db;
}

/**
 * Moves the events an earlier Ward kept in ward.sqlite into the trail, once: an operator keeps
 * their whole retention period across the upgrade. Rows go over in one transaction on the trail,
 * then are deleted from the store; a copy already made (a crash between the two commits) is
 * skipped, so running it again is safe. Returns how many moved.
 */
export function moveStoreEvents(trail: SQLite.Database, dataDir: string): number {
  const attached = join(dataDir, 'ward.sqlite');
  trail.prepare('attach database ? as store').run(attached);
  try {
    const hasTable = trail.prepare(`select 1 from store.sqlite_master where type = 'table' and name = 'events'`).get();
    if (!hasTable || !trail.prepare('select 1 from store.events limit 1').get()) return 0;
    const move = trail.transaction(() => {
      const copied = trail
        .prepare(
          `insert into main.events (${V1_COLUMNS})
           select t, s.event_id, s.account_id, s.event_name, s.event_source, s.username, s.access_key_id,
                  s.resource_names, s.resource_types, s.read_only, s.record
           from (select *, cast(round(unixepoch(event_time, 'subsec') * 1000) as integer) as t from store.events) s
           where not exists (select 1 from main.events m where m.time_ms = s.t and m.event_id = s.event_id)
           order by s.event_time`,
        )
        .run().changes;
      trail.prepare('delete from store.events').run();
      return copied;
    });
    return move.immediate();
  } finally {
    trail.prepare('detach database store').run();
  }
}

/**
 * The bind values, in COLUMNS order, of an event stored whole. Rows of versions 2 and 3 held a
 * template's ID and only the rest of their record; version 4 keeps such events in blocks.
 */
function rowParams(e: StoredEvent, out: unknown[]): void {
  out.push(
    e.parts ? e.parts.timeMs : Date.parse(e.eventTime),
    e.eventId,
    e.accountId,
    e.eventName,
    e.eventSource,
    e.username ?? null,
    e.accessKeyId ?? null,
    resourceJson(e, 'name'),
    resourceJson(e, 'type'),
    e.readOnly ? 1 : 0,
    e.record,
    null,
  );
}

// Most calls name no resource: skip building and serializing two empty arrays.
const resourceJson = (e: StoredEvent, field: 'name' | 'type'): string =>
  e.resources.length === 0 ? '[]' : JSON.stringify(e.resources.map((r) => r[field]));

/**
 * Appends `events` with prepared statements on `db`, inside the caller's transaction: those with
 * a template as blocks, one per template (trail-blocks.ts), the others a row each.
 */
export function trailInserter(db: SQLite.Database): (events: readonly StoredEvent[]) => void {
  const values = (n: number) => Array.from({ length: n }, () => `(${'?,'.repeat(WIDTH - 1)}?)`).join(',');
  const many = db.prepare(`insert into events (${COLUMNS}) values ${values(ROWS)}`);
  const one = db.prepare(`insert into events (${COLUMNS}) values ${values(1)}`);
  const block = db.prepare<[number, string, number, number, number, number, string]>(
    'insert into event_blocks (template, account_id, read_only, first_ms, last_ms, count, events) values (?, ?, ?, ?, ?, ?, ?)',
  );
  const templates = templateRows(db);
  const insertRows = (rows: readonly StoredEvent[]) => {
    const params: unknown[] = [];
    let i = 0;
    for (; i + ROWS <= rows.length; i += ROWS) {
      params.length = 0;
      for (let k = i; k < i + ROWS; k++) rowParams(rows[k]!, params);
      many.run(params);
    }
    for (; i < rows.length; i++) {
      params.length = 0;
      rowParams(rows[i]!, params);
      one.run(params);
    }
  };
  return (events) => {
    const ids = templates(events);
    const whole: StoredEvent[] = [];
    const byTemplate = new Map<number, { timeMs: number; event: StoredEvent }[]>();
    events.forEach((e, i) => {
      const id = ids[i];
      if (id === null || id === undefined || !e.parts) return void whole.push(e);
      let list = byTemplate.get(id);
      if (!list) byTemplate.set(id, (list = []));
      list.push({ timeMs: e.parts.timeMs, event: e });
    });
    insertRows(whole);
    for (const [template, list] of byTemplate) {
      for (const cut of cutBlocks(list)) {
        const first = cut[0]!.event;
        let text = '';
        for (const { event: e } of cut) {
          text += packEvent({
            timeMs: e.parts!.timeMs,
            eventId: e.eventId,
            resources: e.resources,
            rest: e.parts!.rest,
          });
        }
        block.run(
          template,
          first.accountId,
          first.readOnly ? 1 : 0,
          cut[0]!.timeMs,
          cut[cut.length - 1]!.timeMs,
          cut.length,
          text,
        );
      }
    }
  };
}

/**
 * The template row of each event (null: none, its whole record is stored), inserting the new
 * ones and moving each used one's `last_ms` to its newest event, inside the caller's
 * transaction. Template IDs are remembered by text for the connection's life; one deleted
 * meanwhile (retention, the emulator's reset) is found by its update changing nothing.
 */
function templateRows(db: SQLite.Database): (events: readonly StoredEvent[]) => (number | null)[] {
  const insert = db.prepare<[string, string, string, number, string, string, string, string | null, string | null]>(
    'insert into templates (head, mid, tail, last_ms, account_id, event_name, event_source, username, access_key_id) ' +
      'values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const touch = db.prepare<[number, number]>('update templates set last_ms = max(last_ms, ?) where id = ?');
  const known = new Map<string, number>();
  return (events) => {
    // A batch's events share template objects (build-event.ts TemplateCache): key by them first.
    // A template's event names its lookup attributes: every event with that template has the same.
    const newest = new Map<RecordTemplate, { lastMs: number; event: StoredEvent }>();
    for (const e of events) {
      const p = e.parts;
      if (!p) continue;
      const seen = newest.get(p.template);
      if (!seen) newest.set(p.template, { lastMs: p.timeMs, event: e });
      else if (p.timeMs > seen.lastMs) seen.lastMs = p.timeMs;
    }
    const ids = new Map<RecordTemplate, number>();
    for (const [t, { lastMs, event: e }] of newest) {
      const text = `${t.head}\n${t.mid}\n${t.tail}`;
      let id = known.get(text);
      if (id === undefined || touch.run(lastMs, id).changes === 0) {
        id = Number(
          insert.run(
            t.head,
            t.mid,
            t.tail,
            lastMs,
            e.accountId,
            e.eventName,
            e.eventSource,
            e.username ?? null,
            e.accessKeyId ?? null,
          ).lastInsertRowid,
        );
      }
      // Least recently used first: forgetting one only stores it again (each session has its own).
      known.delete(text);
      known.set(text, id);
      if (known.size > MAX_KNOWN_TEMPLATES) known.delete(known.keys().next().value!);
      ids.set(t, id);
    }
    return events.map((e) => (e.parts ? ids.get(e.parts.template)! : null));
  };
}

/** The audit writer thread's appender: its own connection, one transaction per batch. */
export interface TrailAppender {
  append(events: readonly StoredEvent[]): void;
  close(): void;
}

/**
 * On a thread that may block: takes `lock` synchronously around each transaction (the request
 * thread, when it deletes, waits for it asynchronously and the writer steps aside meanwhile).
 */
export function openTrailAppender(dataDir: string, lock: SqliteWriteLock): TrailAppender {
  const db = openTrailDatabase(dataDir);
  const insert = trailInserter(db);
  const append = db.transaction(insert);
  return {
    append(events) {
      if (events.length === 0) return;
      lock.acquireSync();
      try {
        append.immediate(events);
      } finally {
        lock.release();
      }
    },
    close: () => db.close(),
  };
}
