/** SigV4 timestamps: ISO-8601 basic format `YYYYMMDDTHHMMSSZ`, always UTC. */

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Milliseconds since the epoch for a well-formed, real calendar time; otherwise undefined. */
export function parseAmzDate(s: string): number | undefined {
  const m = AMZ_DATE.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, se);
  // Date.UTC rolls 20150231 over to March; round-tripping rejects such dates.
  return formatAmzDate(ms) === s ? ms : undefined;
}

/** Formats a time as `YYYYMMDDTHHMMSSZ`, dropping milliseconds. */
export function formatAmzDate(time: Date | number): string {
  const iso = new Date(time).toISOString(); // 2015-08-30T12:36:00.000Z
  return iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 13) + iso.slice(14, 16) + iso.slice(17, 19) + 'Z';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// IMF-fixdate (RFC 9110), the only Date format current clients send: "Sun, 30 Aug 2015 12:36:00 GMT".
const HTTP_DATE = /^(?:[A-Za-z]{3}, )?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/** Converts an HTTP `Date` header value to `YYYYMMDDTHHMMSSZ`, or undefined if it is not IMF-fixdate. */
export function httpDateToAmzDate(value: string): string | undefined {
  const m = HTTP_DATE.exec(value.trim());
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2] as string);
  if (month < 0) return undefined;
  const ms = Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  if (Number.isNaN(ms)) return undefined;
  const amz = formatAmzDate(ms);
  return parseAmzDate(amz) !== undefined && Number(amz.slice(6, 8)) === Number(m[1]) ? amz : undefined;
}

/** How AWS spells a skew window in its messages: `15 min.` (or `90 sec.` when not whole minutes). */
export function describeSkew(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min.` : `${Math.floor(ms / 1000)} sec.`;
}
