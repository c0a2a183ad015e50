import { AwsError } from '../shared/aws-error.js';

/**
 * IAM's Markers are opaque tokens the caller hands back unchanged; AWS refuses any other value
 * with ValidationError "Invalid Marker." on every paginated list. Ward's markers are base64url of
 * a versioned prefix and a payload (a sort key or an offset), so a value Ward did not issue is
 * recognised and refused the same way instead of silently restarting or skipping the listing.
 */
const PREFIX = 'ward.1:';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export const invalidMarker = (): AwsError => new AwsError('ValidationError', 'Invalid Marker.', 400);

export function encodeMarker(payload: string): string {
  return Buffer.from(PREFIX + payload, 'utf8').toString('base64url');
}

/** The payload of a marker Ward issued; anything else is AWS's "Invalid Marker.". */
export function decodeMarker(marker: string | undefined): string | undefined {
  if (marker === undefined) return undefined;
  if (!BASE64URL.test(marker)) throw invalidMarker();
  const bytes = Buffer.from(marker, 'base64url');
  // Non-canonical spellings (stray trailing bits) decode to the same bytes: only ours round-trip.
  if (bytes.toString('base64url') !== marker) throw invalidMarker();
  const text = bytes.toString('utf8');
  if (!text.startsWith(PREFIX)) throw invalidMarker();
  return text.slice(PREFIX.length);
}

const OFFSET = /^(0|[1-9]\d{0,15})$/;

/** The marker of an in-memory listing: the offset of the next item. */
export const encodeOffsetMarker = (offset: number): string => encodeMarker(`@${offset}`);

/** The offset a marker from encodeOffsetMarker names (0 without one). */
export function decodeOffsetMarker(marker: string | undefined): number {
  const payload = decodeMarker(marker);
  if (payload === undefined) return 0;
  const digits = payload.startsWith('@') ? payload.slice(1) : '';
  if (!OFFSET.test(digits)) throw invalidMarker();
  return Number(digits);
}
