import type SQLite from 'better-sqlite3';
import {
  type EventFilter,
  type EventPage,
  type EventPageRequest,
  type EventRepo,
  InvalidCursor,
  type StoredEvent,
} from '../audit/event-store.js';
import { uuidV7Time } from '../audit/event-id.js';
import { joinRecord } from '../audit/record-parts.js';
import type { SqliteWriteLock } from './sqlite-write-lock.js';
import { trailInserter } from './sqlite-trail.js';
import {
  type Cursor,
  type EventColumns,
  type FoundEvent,
  TEMPLATE_COLUMNS,
  blockEvents,
  newestFirst,
  storedEvent,
} from './trail-block-lookup.js';
import { BLOCK_SPAN_MS, packEvent, unpackBlock } from './trail-blocks.js';

interface Row extends EventColumns {
  time_ms: number;
  event_id: string;
  resource_names: string;
  resource_types: string;
  read_only: number;
  record: string;
  template: number | null;
  /** The template's parts (a left join: null without one). */
  head: string | null;
  mid: string | null;
  tail: string | null;
}

/**
 * The trail's reads and the request thread's writes on `<dataDir>/audit.sqlite` (sqlite-trail.ts):
 * LookupEvents and `ward events` read (WAL: never waiting for the writer thread); retention, the
 * emulator's reset and direct appends take the trail's write lock asynchronously first.
 */
export class SqliteTrailRepo implements EventRepo {
  readonly #db: SQLite.Database;
  readonly #lock: SqliteWriteLock;
  readonly #insert: (events: readonly StoredEvent[]) => void;

  constructor(db: SQLite.Database, lock: SqliteWriteLock) {
    this.#db = db;
    this.#lock = lock;
    this.#insert = trailInserter(db);
  }

  async append(batch: readonly StoredEvent[]): Promise<void> {
    await this.#write(() => this.#insert(batch));
  }

  async lookup(filter: EventFilter, page: EventPageRequest): Promise<EventPage> {
    const cursor = page.cursor !== undefined ? decodeCursor(page.cursor) : undefined;
    // One more than the page, to know whether another follows.
    const found = [
      ...this.#fromRows(filter, cursor, page.limit + 1),
      ...blockEvents(this.#db, filter, cursor, page.limit + 1),
    ].sort(newestFirst);
    const kept = found.slice(0, page.limit);
    const last = kept[kept.length - 1];
    return {
      events: kept.map((f) => f.event()),
      ...(found.length > page.limit && last
        ? { next: Buffer.from(`${last.timeMs}|${last.eventId}`, 'utf8').toString('base64url') }
        : {}),
    };
  }

  /** The newest `limit` matching events of the `events` table (events without a block), newest first. */
  #fromRows(filter: EventFilter, cursor: Cursor | undefined, limit: number): FoundEvent[] {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, ...values: unknown[]) => void (where.push(clause), params.push(...values));
    if (filter.accountId !== undefined) add('events.account_id = ?', filter.accountId);
    if (filter.startTime) add('time_ms >= ?', filter.startTime.getTime());
    if (filter.endTime) add('time_ms <= ?', filter.endTime.getTime());
    if (cursor) add('(time_ms < ? or (time_ms = ? and event_id < ?))', cursor[0], cursor[0], cursor[1]);
    const a = filter.attribute;
    const column = a && TEMPLATE_COLUMNS[a.key];
    let rows: Row[];
    if (a && column) rows = this.#byTemplate(filter.accountId, column, a.value, where, params, limit);
    else {
      if (a?.key === 'EventId') {
        const at = uuidV7Time(a.value);
        // A time-ordered ID names its millisecond: the time index finds it. Older IDs have their own.
        if (at !== undefined) add('time_ms = ? and event_id = ?', at, a.value);
        else add(`substr(event_id, 15, 1) <> '7' and event_id = ?`, a.value);
      } else if (a?.key === 'ReadOnly') add('read_only = ?', a.value === 'true' ? 1 : 0);
      else if (a?.key === 'ResourceName') add(`resource_names like ? escape '!'`, likeJsonString(a.value));
      else if (a?.key === 'ResourceType') add(`resource_types like ? escape '!'`, likeJsonString(a.value));
      rows = this.#select(where, params, limit);
    }
    return rows.map((r) => ({ timeMs: r.time_ms, eventId: r.event_id, event: () => fromRow(r) }));
  }

  /** The newest `limit` events matching `where`, newest first. */
  #select(where: readonly string[], params: readonly unknown[], limit: number): Row[] {
    const sql =
      'select events.*, t.head, t.mid, t.tail from events left join templates t on t.id = events.template ' +
      `${where.length ? `where ${where.join(' and ')}` : ''} order by time_ms desc, event_id desc limit ?`;
    return this.#db.prepare(sql).all(...params, limit) as Row[];
  }

  /**
   * Events whose caller, operation or source is `value`: the newest `limit` of each template that
   * names it (each read in order from the template index), and of the events without a template,
   * merged newest first.
   */
  #byTemplate(
    accountId: string | undefined,
    column: string,
    value: string,
    where: readonly string[],
    params: readonly unknown[],
    limit: number,
  ): Row[] {
    const templates = this.#db
      .prepare(`select id from templates where ${accountId !== undefined ? 'account_id = ? and ' : ''}${column} = ?`)
      .pluck()
      .all(...(accountId !== undefined ? [accountId, value] : [value])) as number[];
    const rows = templates.flatMap((id) => this.#select(['events.template = ?', ...where], [id, ...params], limit));
    rows.push(
      ...this.#select(['events.template is null', `events.${column} = ?`, ...where], [value, ...params], limit),
    );
    rows.sort((x, y) => y.time_ms - x.time_ms || (x.event_id < y.event_id ? 1 : x.event_id > y.event_id ? -1 : 0));
    return rows.slice(0, limit);
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    const cut = cutoff.getTime();
    return this.#write(() => {
      let deleted = this.#db.prepare('delete from events where time_ms < ?').run(cut).changes;
      deleted += this.#db
        .prepare('select coalesce(sum(count), 0) from event_blocks where last_ms < ?')
        .pluck()
        .get(cut) as number;
      this.#db.prepare('delete from event_blocks where last_ms < ?').run(cut);
      // A block reaching across the cutoff keeps only its events at or after it.
      const straddling = this.#db
        .prepare('select id, count, events from event_blocks where last_ms >= ? and last_ms <= ? and first_ms < ?')
        .all(cut, cut + BLOCK_SPAN_MS, cut) as { id: number; count: number; events: string }[];
      const rewrite = this.#db.prepare('update event_blocks set first_ms = ?, count = ?, events = ? where id = ?');
      for (const b of straddling) {
        const kept = unpackBlock(b.events).filter((e) => e.timeMs >= cut);
        deleted += b.count - kept.length;
        rewrite.run(Math.min(...kept.map((e) => e.timeMs)), kept.length, kept.map(packEvent).join(''), b.id);
      }
      // A template's last_ms is its newest event's time (sqlite-trail.ts): no event older needs it.
      this.#db.prepare('delete from templates where last_ms < ?').run(cut);
      return deleted;
    });
  }

  async #write<T>(fn: () => T): Promise<T> {
    await this.#lock.acquire();
    try {
      return this.#db.transaction(fn).immediate();
    } finally {
      this.#lock.release();
    }
  }
}

/** `<ms>|<id>`; a cursor from before the trail had its own file (`<ISO time>|<id>`) still works. */
function decodeCursor(cursor: string): [number, string] {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  const time =
    bar < 0
      ? Number.NaN
      : /^\d+$/.test(text.slice(0, bar))
        ? Number(text.slice(0, bar))
        : /^\d{4}-\d{2}-\d{2}T/.test(text)
          ? Date.parse(text.slice(0, bar))
          : Number.NaN;
  if (!Number.isFinite(time)) throw new InvalidCursor(cursor);
  return [time, text.slice(bar + 1)];
}

/** A LIKE pattern matching `value` as one whole string element of a JSON array column. */
function likeJsonString(value: string): string {
  return `%${JSON.stringify(value).replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

function fromRow(r: Row): StoredEvent {
  const names = JSON.parse(r.resource_names) as string[];
  const types = JSON.parse(r.resource_types) as string[];
  return storedEvent(r, {
    eventId: r.event_id,
    timeMs: r.time_ms,
    resources: names.map((name, i) => ({ name, type: types[i] ?? '' })),
    readOnly: r.read_only === 1,
    record:
      r.head !== null && r.mid !== null && r.tail !== null
        ? joinRecord(
            { template: { head: r.head, mid: r.mid, tail: r.tail }, timeMs: r.time_ms, rest: r.record },
            r.event_id,
          )
        : r.record,
  });
}
