import type SQLite from 'better-sqlite3';
import type { EventAttributeKey, EventFilter, EventResource, StoredEvent } from '../audit/event-store.js';
import { uuidV7Time } from '../audit/event-id.js';
import { joinRecord } from '../audit/record-parts.js';
import { BLOCK_SPAN_MS, type BlockEvent, unpackBlock } from './trail-blocks.js';

/** Lookup attributes a template names (sqlite-trail.ts, version 3): found through its template. */
export const TEMPLATE_COLUMNS: Partial<Record<EventAttributeKey, string>> = {
  EventName: 'event_name',
  EventSource: 'event_source',
  Username: 'username',
  AccessKeyId: 'access_key_id',
};

/** An event a lookup found: its order, and the event itself, built only if the page keeps it. */
export interface FoundEvent {
  timeMs: number;
  eventId: string;
  event(): StoredEvent;
}

/** Newest first; within a millisecond, by event ID descending (the cursor's order). */
export const newestFirst = (x: FoundEvent, y: FoundEvent): number =>
  y.timeMs - x.timeMs || (x.eventId < y.eventId ? 1 : x.eventId > y.eventId ? -1 : 0);

/** Where a page resumes: events strictly older than this time and ID. */
export type Cursor = readonly [timeMs: number, eventId: string];

interface BlockRow extends EventColumns {
  first_ms: number;
  last_ms: number;
  read_only: number;
  events: string;
  head: string;
  mid: string;
  tail: string;
}

const FAR = 8.64e15;

/**
 * The newest `limit` block-stored events (trail-blocks.ts) that match `filter` and lie before
 * `cursor`, newest first. Blocks are read newest last event first, from the index of their
 * template (an attribute a template names), account or time, and reading stops once no further
 * block can hold an event newer than the `limit`th found.
 */
export function blockEvents(
  db: SQLite.Database,
  filter: EventFilter,
  cursor: Cursor | undefined,
  limit: number,
): FoundEvent[] {
  let lower = filter.startTime?.getTime() ?? -FAR;
  let upper = Math.min(filter.endTime?.getTime() ?? FAR, cursor?.[0] ?? FAR);
  const a = filter.attribute;
  if (a?.key === 'EventId') {
    // Only time-ordered IDs are ever in blocks, and each names its millisecond.
    const at = uuidV7Time(a.value);
    if (at === undefined) return [];
    lower = Math.max(lower, at);
    upper = Math.min(upper, at);
  }
  if (lower > upper) return [];
  const matches = (b: BlockRow, e: BlockEvent): boolean => {
    if (e.timeMs < lower || e.timeMs > upper) return false;
    if (cursor && e.timeMs === cursor[0] && e.eventId >= cursor[1]) return false;
    switch (a?.key) {
      case 'EventId':
        return e.eventId === a.value;
      case 'ReadOnly':
        return (b.read_only === 1) === (a.value === 'true');
      case 'ResourceName':
        return e.resources.some((r) => r.name === a.value);
      case 'ResourceType':
        return e.resources.some((r) => r.type === a.value);
      default:
        return true;
    }
  };
  const scan = (scope: string, params: unknown[]): FoundEvent[] => {
    const found: FoundEvent[] = [];
    const blocks = db
      .prepare(
        'select b.first_ms, b.last_ms, b.read_only, b.events, t.head, t.mid, t.tail, t.account_id, t.event_name, ' +
          't.event_source, t.username, t.access_key_id from event_blocks b join templates t on t.id = b.template ' +
          `where ${scope} b.last_ms >= ? and b.last_ms <= ? order by b.last_ms desc`,
      )
      .iterate(...params, lower, upper + BLOCK_SPAN_MS) as IterableIterator<BlockRow>;
    for (const b of blocks) {
      if (found.length >= limit) {
        found.sort(newestFirst).length = limit;
        // Every later block ends before this one: none holds an event newer than the last kept.
        if (b.last_ms < found[limit - 1]!.timeMs) break;
      }
      if (b.first_ms > upper) continue;
      for (const e of unpackBlock(b.events)) if (matches(b, e)) found.push(foundEvent(b, e));
    }
    return found.sort(newestFirst).slice(0, limit);
  };
  const column = a && TEMPLATE_COLUMNS[a.key];
  if (column) {
    const templates = db
      .prepare(
        `select id from templates where ${filter.accountId !== undefined ? 'account_id = ? and ' : ''}${column} = ?`,
      )
      .pluck()
      .all(...(filter.accountId !== undefined ? [filter.accountId, a.value] : [a.value])) as number[];
    return templates.flatMap((id) => scan('b.template = ? and', [id]));
  }
  if (filter.accountId !== undefined) return scan('b.account_id = ? and', [filter.accountId]);
  return scan('', []);
}

function foundEvent(b: BlockRow, e: BlockEvent): FoundEvent {
  return {
    timeMs: e.timeMs,
    eventId: e.eventId,
    event: () =>
      storedEvent(b, {
        eventId: e.eventId,
        timeMs: e.timeMs,
        resources: e.resources,
        readOnly: b.read_only === 1,
        record: joinRecord(
          { template: { head: b.head, mid: b.mid, tail: b.tail }, timeMs: e.timeMs, rest: e.rest },
          e.eventId,
        ),
      }),
  };
}

/** Who called, the operation and its source, as a template (or a row kept whole) names them. */
export interface EventColumns {
  account_id: string;
  event_name: string;
  event_source: string;
  username: string | null;
  access_key_id: string | null;
}

/** An event as LookupEvents reads it, from those columns and what is its own. */
export function storedEvent(
  c: EventColumns,
  own: { eventId: string; timeMs: number; resources: EventResource[]; readOnly: boolean; record: string },
): StoredEvent {
  return {
    eventId: own.eventId,
    eventTime: new Date(own.timeMs).toISOString(),
    accountId: c.account_id,
    eventName: c.event_name,
    eventSource: c.event_source,
    ...(c.username !== null ? { username: c.username } : {}),
    ...(c.access_key_id !== null ? { accessKeyId: c.access_key_id } : {}),
    resources: own.resources,
    readOnly: own.readOnly,
    record: own.record,
  };
}
