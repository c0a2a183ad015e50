import { decodeMarker } from './pagination.js';

// What the policy repositories share: the keyset of policy listings and SQL counts.

/** Keyset for listings of policies: name (lowercased), then policy ID, since names repeat across accounts. */
export const SEP = '\u0000';

export function splitMarker(marker: string | undefined): [string, string] | undefined {
  const decoded = decodeMarker(marker);
  if (decoded === undefined) return undefined;
  const i = decoded.indexOf(SEP);
  return i < 0 ? [decoded, ''] : [decoded.slice(0, i), decoded.slice(i + 1)];
}

/** A COUNT(*) as a number (PostgreSQL returns bigint as a string). */
export const num = (v: unknown): number => Number(v ?? 0);
