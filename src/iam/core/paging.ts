import { decodeOffsetMarker, encodeOffsetMarker } from '../pagination.js';

/** AWS's default page size for IAM listings. */
export const DEFAULT_MAX_ITEMS = 100;

export function pageOf(input: { Marker?: string; MaxItems?: number }): { marker?: string; maxItems: number } {
  return {
    ...(input.Marker !== undefined ? { marker: input.Marker } : {}),
    maxItems: input.MaxItems ?? DEFAULT_MAX_ITEMS,
  };
}

/** IsTruncated/Marker as IAM list responses carry them. */
export function truncation(marker: string | undefined): { IsTruncated: boolean; Marker?: string } {
  return marker === undefined ? { IsTruncated: false } : { IsTruncated: true, Marker: marker };
}

/**
 * One page of an in-memory list, for listings that are small by quota (versions, tags, the
 * entities of one policy). The marker names the offset of the next item (iam/pagination.ts).
 */
export function offsetPage<T>(
  all: T[],
  input: { Marker?: string; MaxItems?: number },
): { items: T[]; IsTruncated: boolean; Marker?: string } {
  const maxItems = input.MaxItems ?? DEFAULT_MAX_ITEMS;
  const start = decodeOffsetMarker(input.Marker);
  const items = all.slice(start, start + maxItems);
  const next = start + maxItems < all.length ? encodeOffsetMarker(start + maxItems) : undefined;
  return { items, ...truncation(next) };
}
