import type { Page, PageRequest } from '../../iam/records.js';

/**
 * Markers are opaque to clients (AWS says so); ours wrap the sort key of the last item
 * returned, so a page stays correct when items are added or removed between calls.
 */
export function encodeMarker(sortKey: string): string {
  return Buffer.from(sortKey, 'utf8').toString('base64url');
}

export function decodeMarker(marker: string | undefined): string | undefined {
  if (marker === undefined) return undefined;
  return Buffer.from(marker, 'base64url').toString('utf8');
}

/** Rows were fetched with limit maxItems + 1: the extra row only says that more follow. */
export function toPage<R, T>(rows: R[], page: PageRequest, sortKey: (row: R) => string, map: (row: R) => T): Page<T> {
  const truncated = rows.length > page.maxItems;
  const kept = truncated ? rows.slice(0, page.maxItems) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map(map),
    ...(truncated && last !== undefined ? { marker: encodeMarker(sortKey(last)) } : {}),
  };
}
