import type { Event, LookupAttributeKey, LookupEventsRequest } from '../../../wire/generated/cloudtrail.js';

/** The lookup attributes AWS's Event history page offers, in its order and with its labels. */
export const ATTRIBUTES: Array<{ value: LookupAttributeKey; label: string }> = [
  { value: 'EventName', label: 'Event name' },
  { value: 'Username', label: 'User name' },
  { value: 'ResourceName', label: 'Resource name' },
  { value: 'ResourceType', label: 'Resource type' },
  { value: 'EventSource', label: 'Event source' },
  { value: 'AccessKeyId', label: 'AWS access key' },
  { value: 'ReadOnly', label: 'Read-only' },
  { value: 'EventId', label: 'Event ID' },
];

export const PAGE_SIZE = 50;

/** The filter as the page's query string carries it (GET form: bookmarkable, back-button safe). */
export interface EventFilter {
  attribute: LookupAttributeKey;
  value: string;
  start: string;
  end: string;
  token: string;
}

export function filterOf(url: string): EventFilter {
  const q = new URL(url).searchParams;
  const attribute = ATTRIBUTES.find((a) => a.value === q.get('attribute'))?.value ?? 'EventName';
  return {
    attribute,
    value: (q.get('value') ?? '').trim(),
    start: q.get('start') ?? '',
    end: q.get('end') ?? '',
    token: q.get('token') ?? '',
  };
}

/** The LookupEvents input for a filter; a malformed time is the user's mistake, reported as such. */
export function requestOf(f: EventFilter): LookupEventsRequest | { problem: string } {
  const start = f.start ? utc(f.start) : undefined;
  const end = f.end ? utc(f.end) : undefined;
  if (start === null || end === null) return { problem: 'Enter the time range as YYYY-MM-DDTHH:MM (UTC).' };
  return {
    MaxResults: PAGE_SIZE,
    ...(f.value ? { LookupAttributes: [{ AttributeKey: f.attribute, AttributeValue: f.value }] } : {}),
    ...(start ? { StartTime: start } : {}),
    ...(end ? { EndTime: end } : {}),
    ...(f.token ? { NextToken: f.token } : {}),
  };
}

/** datetime-local values carry no zone; the page labels them UTC. */
export function utc(local: string): Date | null {
  const d = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(local) ? local : `${local}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function queryOf(f: EventFilter, token?: string): string {
  const q = new URLSearchParams({ attribute: f.attribute, value: f.value, start: f.start, end: f.end });
  if (token) q.set('token', token);
  return q.toString();
}

export const resourceNames = (e: Event): string =>
  (e.Resources ?? [])
    .map((r) => r.ResourceName)
    .filter(Boolean)
    .join(', ');

export function pretty(json: string | undefined): string {
  if (!json) return '';
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
