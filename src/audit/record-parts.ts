/**
 * A CloudTrail record split where it changes from call to call. Most of a record (who called,
 * from where, with which client, which operation) repeats across thousands of calls; a store
 * may keep that part, the template, once and only the rest per event (store/sqlite-trail.ts).
 * The record is always
 *   head + eventTime + mid + rest + ',"eventID":"<id>"' + tail
 * and is byte for byte the JSON.stringify of the record object build-event.ts describes.
 */
export interface RecordTemplate {
  /** `{"eventVersion":…,"userIdentity":{…},"eventTime":"` */
  readonly head: string;
  /** `","eventSource":…` through the user agent. */
  readonly mid: string;
  /** `,"readOnly":…` to the closing brace. */
  readonly tail: string;
}

export interface RecordParts {
  readonly template: RecordTemplate;
  /** The event's Unix milliseconds: its eventTime, and the store's time column. */
  readonly timeMs: number;
  /** The error, parameters, response, additional data and request ID, each as `,"member":value`. */
  readonly rest: string;
}

/** The record's text from its parts and event ID. */
export function joinRecord(parts: RecordParts, eventId: string): string {
  const t = parts.template;
  return `${t.head}${cloudTrailTime(parts.timeMs)}${t.mid}${parts.rest},"eventID":${JSON.stringify(eventId)}${t.tail}`;
}

/** `,"name":value` as JSON.stringify writes an object's member; nothing for an undefined value, as it. */
export function member(name: string, value: unknown): string {
  const json = JSON.stringify(value);
  return json === undefined ? '' : `,"${name}":${json}`;
}

/** CloudTrail writes event times to the second: 2026-11-23T10:47:17Z. */
export const cloudTrailTime = (ms: number | Date): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;
