import type { RecordParts } from './record-parts.js';

/** The audit trail's store port (implemented in store/kysely/events.ts and store/sqlite-trail-repo.ts). */

/** One stored event: the columns lookups filter on, and the CloudTrail record itself. */
export interface StoredEvent {
  eventId: string;
  /** ISO-8601 with milliseconds. */
  eventTime: string;
  accountId: string;
  eventName: string;
  eventSource: string;
  username?: string;
  accessKeyId?: string;
  resources: EventResource[];
  readOnly: boolean;
  /** The CloudTrail event record, as JSON. */
  record: string;
  /**
   * The record in parts, on a record just built (build-event.ts): a store may keep its template
   * once for many events (record-parts.ts). Not enumerable.
   */
  readonly parts?: RecordParts;
}

export interface EventResource {
  type: string;
  name: string;
}

/** CloudTrail's lookup attributes; LookupEvents takes at most one. */
export type EventAttributeKey =
  'EventId' | 'EventName' | 'ReadOnly' | 'Username' | 'ResourceType' | 'ResourceName' | 'EventSource' | 'AccessKeyId';

export interface EventFilter {
  /** Only this account's events (a caller sees its own account only); all accounts when omitted. */
  accountId?: string;
  attribute?: { key: EventAttributeKey; value: string };
  /** Inclusive bounds on the event time. */
  startTime?: Date;
  endTime?: Date;
}

export interface EventPageRequest {
  limit: number;
  /** Opaque cursor from a previous page's `next`. */
  cursor?: string;
}

/** Events newest first; `next` when more follow. */
export interface EventPage {
  events: StoredEvent[];
  next?: string;
}

export interface EventRepo {
  append(batch: readonly StoredEvent[]): Promise<void>;
  lookup(filter: EventFilter, page: EventPageRequest): Promise<EventPage>;
  /** Deletes events older than `cutoff`; returns how many. */
  deleteOlderThan(cutoff: Date): Promise<number>;
}

/** A cursor that does not decode to one of ours. */
export class InvalidCursor extends Error {}
