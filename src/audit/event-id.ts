import { randomUUID } from 'node:crypto';

/**
 * A UUIDv7 (RFC 9562): the event time's 48-bit Unix milliseconds, then 74 random bits. Events are
 * keyed by their ID; a random (v4) key lands each insert on a random page of the primary-key index,
 * so every batch dirtied a page per event and the write cost grew with the table. Time-ordered
 * keys append to the index's right edge instead.
 */
export function timeOrderedUuid(at: Date): string {
  const ms = Math.min(Math.max(at.getTime(), 0), 0xffff_ffff_ffff) || 0;
  // Calls come many to a millisecond: its hex prefix is made once.
  if (ms !== lastMs) {
    const hex = ms.toString(16).padStart(12, '0');
    lastPrefix = `${hex.slice(0, 8)}-${hex.slice(8)}-7`;
    lastMs = ms;
  }
  // randomUUID's version digit sits at index 14: keep its random digits after it, variant included.
  return lastPrefix + randomUUID().slice(15);
}
let lastMs = -1;
let lastPrefix = '';

/** The Unix milliseconds a UUIDv7 begins with (as timeOrderedUuid writes them); undefined for any other ID. */
export function uuidV7Time(id: string): number | undefined {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
