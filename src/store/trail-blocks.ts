import type { EventResource } from '../audit/event-store.js';

/**
 * The per-call part of the events one template had in one batch, packed into one row of the
 * trail's `event_blocks` (sqlite-trail.ts, version 4). A row per event cost the writer thread
 * ~4 µs (the b-tree insert into the table and its indexes, and their pages in the WAL); a block
 * costs one insert for up to MAX_BLOCK_EVENTS events, and its text is little more than their
 * `rest` parts side by side.
 *
 * Each event is `<timeMs>,<eventId>,<resources length>,<rest length>;<resources><rest>`, where
 * the resources are their JSON (empty when the call named none) and the lengths count UTF-16
 * code units, as JavaScript's string lengths do. No JSON escaping of `rest` (itself JSON) is
 * needed, and reading a block seeks from header to header without parsing the records.
 */
export interface BlockEvent {
  timeMs: number;
  eventId: string;
  resources: EventResource[];
  /** record-parts.ts: what varies per call between its template's parts. */
  rest: string;
}

/** Events per block at most: a lookup reads and unpacks a whole block to find one event. */
export const MAX_BLOCK_EVENTS = 1000;
/**
 * Milliseconds between a block's first and last event at most. A lookup bounded above by time T
 * finds every block that may hold an event at or before T among those whose last event is at or
 * before T + BLOCK_SPAN_MS, through the (…, last_ms) indexes.
 */
export const BLOCK_SPAN_MS = 1000;

export function packEvent(e: BlockEvent): string {
  const resources = e.resources.length === 0 ? '' : JSON.stringify(e.resources);
  return `${e.timeMs},${e.eventId},${resources.length},${e.rest.length};${resources}${e.rest}`;
}

export function unpackBlock(text: string): BlockEvent[] {
  const out: BlockEvent[] = [];
  let at = 0;
  while (at < text.length) {
    const header = text.indexOf(';', at);
    if (header < 0) throw new Error('corrupt audit block: header without a body');
    const [time, eventId, resourcesLength, restLength] = text.slice(at, header).split(',');
    const r = Number(resourcesLength);
    const n = Number(restLength);
    if (eventId === undefined || !Number.isInteger(r) || !Number.isInteger(n) || header + 1 + r + n > text.length)
      throw new Error('corrupt audit block: bad header');
    const resources = r === 0 ? [] : (JSON.parse(text.slice(header + 1, header + 1 + r)) as EventResource[]);
    out.push({ timeMs: Number(time), eventId, resources, rest: text.slice(header + 1 + r, header + 1 + r + n) });
    at = header + 1 + r + n;
  }
  return out;
}

/**
 * One template's events of a batch cut into blocks: in time order, at most MAX_BLOCK_EVENTS
 * each, spanning at most BLOCK_SPAN_MS.
 */
export function cutBlocks<E extends { timeMs: number }>(events: E[]): E[][] {
  const sorted = [...events].sort((a, b) => a.timeMs - b.timeMs);
  const blocks: E[][] = [];
  let current: E[] = [];
  for (const e of sorted) {
    if (current.length > 0 && (current.length >= MAX_BLOCK_EVENTS || e.timeMs - current[0]!.timeMs > BLOCK_SPAN_MS)) {
      blocks.push(current);
      current = [];
    }
    current.push(e);
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}
