import { decodeMarker as decodeIamMarker, encodeMarker as encodeIamMarker } from '../../iam/pagination.js';
import type { Page, PageRequest } from '../../iam/records.js';

/**
 * Markers are opaque to clients (AWS says so); ours wrap the sort key of the last item
 * returned, so a page stays correct when items are added or removed between calls. The codec is
 * IAM's, which refuses a marker Ward did not issue as AWS does ("Invalid Marker.").
 */
export function encodeMarker(sortKey: string): string {
  return encodeIamMarker(sortKey);
}

export function decodeMarker(marker: string | undefined): string | undefined {
  return decodeIamMarker(marker);
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
