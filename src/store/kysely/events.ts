import { CompiledQuery, sql } from 'kysely';
import {
  type EventAttributeKey,
  type EventFilter,
  type EventPage,
  type EventPageRequest,
  type EventRepo,
  InvalidCursor,
  type StoredEvent,
} from '../../audit/event-store.js';
import type { AuditTables } from '../schema-audit.js';
import type { Db } from './db.js';

type Row = AuditTables['events'];

/** Rows per INSERT: 11 parameters each stays far below SQLite's and PostgreSQL's limits. */
const CHUNK = 100;

/** Lookup attributes that match one column exactly. */
const EQUALITY_COLUMNS: Partial<
  Record<EventAttributeKey, 'event_id' | 'event_name' | 'event_source' | 'username' | 'access_key_id'>
> = {
  EventId: 'event_id',
  EventName: 'event_name',
  EventSource: 'event_source',
  Username: 'username',
  AccessKeyId: 'access_key_id',
};

/**
 * The SQL of a full chunk's INSERT, by dialect (its adapter): it depends on nothing else, so
 * full chunks skip kysely's per-row query building and compiling (about 1.5 µs and a dozen
 * objects per event) and bind their values to the same text, which SQLite then finds prepared.
 */
const fullChunkSql = new WeakMap<object, string>();

export class KyselyEventRepo implements EventRepo {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async append(batch: readonly StoredEvent[]): Promise<void> {
    let i = 0;
    for (; i + CHUNK <= batch.length; i += CHUNK) {
      const rows = batch.slice(i, i + CHUNK).map(toRow);
      // Row by row, in toRow's column order: the order the compiled text lists them in.
      const parameters: unknown[] = [];
      for (const row of rows) parameters.push(...Object.values(row));
      const adapter = this.db.getExecutor().adapter;
      const text = fullChunkSql.get(adapter);
      if (text !== undefined) {
        await this.db.executeQuery(CompiledQuery.raw(text, parameters));
        continue;
      }
      const compiled = this.db.insertInto('events').values(rows).compile();
      // Kept only once seen to bind exactly these parameters in this order.
      if (compiled.parameters.length === parameters.length && compiled.parameters.every((p, k) => p === parameters[k]))
        fullChunkSql.set(adapter, compiled.sql);
      await this.db.executeQuery(compiled);
    }
    if (i < batch.length) await this.db.insertInto('events').values(batch.slice(i).map(toRow)).execute();
  }

  async lookup(filter: EventFilter, page: EventPageRequest): Promise<EventPage> {
    let q = this.db.selectFrom('events').selectAll();
    if (filter.accountId !== undefined) q = q.where('account_id', '=', filter.accountId);
    if (filter.startTime) q = q.where('event_time', '>=', filter.startTime.toISOString());
    if (filter.endTime) q = q.where('event_time', '<=', filter.endTime.toISOString());
    const a = filter.attribute;
    if (a) {
      const column = EQUALITY_COLUMNS[a.key];
      if (column) q = q.where(column, '=', a.value);
      else if (a.key === 'ReadOnly') q = q.where('read_only', '=', a.value === 'true' ? 1 : 0);
      else if (a.key === 'ResourceName')
        q = q.where(sql<boolean>`resource_names like ${likeJsonString(a.value)} escape '!'`);
      else if (a.key === 'ResourceType')
        q = q.where(sql<boolean>`resource_types like ${likeJsonString(a.value)} escape '!'`);
    }
    if (page.cursor !== undefined) {
      const [time, id] = decodeCursor(page.cursor);
      q = q.where((eb) =>
        eb.or([eb('event_time', '<', time), eb.and([eb('event_time', '=', time), eb('event_id', '<', id)])]),
      );
    }
    const rows = await q
      .orderBy('event_time', 'desc')
      .orderBy('event_id', 'desc')
      .limit(page.limit + 1)
      .execute();
    const kept = rows.slice(0, page.limit);
    const last = kept[kept.length - 1];
    return {
      events: kept.map(fromRow),
      ...(rows.length > page.limit && last
        ? { next: Buffer.from(`${last.event_time}|${last.event_id}`, 'utf8').toString('base64url') }
        : {}),
    };
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    const result = await this.db.deleteFrom('events').where('event_time', '<', cutoff.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function decodeCursor(cursor: string): [string, string] {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  if (bar < 0 || !/^\d{4}-\d{2}-\d{2}T/.test(text)) throw new InvalidCursor(cursor);
  return [text.slice(0, bar), text.slice(bar + 1)];
}

/** A LIKE pattern matching `value` as one whole string element of a JSON array column. */
function likeJsonString(value: string): string {
  return `%${JSON.stringify(value).replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

function toRow(e: StoredEvent): Row {
  return {
    event_id: e.eventId,
    event_time: e.eventTime,
    account_id: e.accountId,
    event_name: e.eventName,
    event_source: e.eventSource,
    username: e.username ?? null,
    access_key_id: e.accessKeyId ?? null,
    resource_names: JSON.stringify(e.resources.map((r) => r.name)),
    resource_types: JSON.stringify(e.resources.map((r) => r.type)),
    read_only: e.readOnly ? 1 : 0,
    record: e.record,
  };
}

function fromRow(r: Row): StoredEvent {
  const names = JSON.parse(r.resource_names) as string[];
  const types = JSON.parse(r.resource_types) as string[];
  return {
    eventId: r.event_id,
    eventTime: r.event_time,
    accountId: r.account_id,
    eventName: r.event_name,
    eventSource: r.event_source,
    ...(r.username !== null ? { username: r.username } : {}),
    ...(r.access_key_id !== null ? { accessKeyId: r.access_key_id } : {}),
    resources: names.map((name, i) => ({ name, type: types[i] ?? '' })),
    readOnly: r.read_only === 1,
    record: r.record,
  };
}
