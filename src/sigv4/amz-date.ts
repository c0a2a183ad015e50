/** SigV4 timestamps: ISO-8601 basic format `YYYYMMDDTHHMMSSZ`, always UTC. */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Milliseconds since the epoch for a well-formed, real calendar time; otherwise undefined.
 * Parsed by hand: it runs twice on every signed request, and a regex plus a round trip through
 * toISOString cost more than the rest of the date handling together.
 */
export function parseAmzDate(s: string): number | undefined {
  if (s === lastParsed) return lastMs;
  const ms = parseUncached(s);
  lastParsed = s;
  lastMs = ms;
  return ms;
}

// Parsing and verifying a request each read its date: the second read is a string comparison.
let lastParsed = '';
let lastMs: number | undefined;

function parseUncached(s: string): number | undefined {
  if (s.length !== 16 || s[8] !== 'T' || s[15] !== 'Z') return undefined;
  const y = digits(s, 0, 4);
  const mo = digits(s, 4, 6);
  const d = digits(s, 6, 8);
  const h = digits(s, 9, 11);
  const mi = digits(s, 11, 13);
  const se = digits(s, 13, 15);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59)
    return undefined;
  const leap = mo === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0);
  if (d > DAYS_IN_MONTH[mo - 1]! + (leap ? 1 : 0)) return undefined;
  // Date.UTC reads years 0-99 as 1900-1999; keep that for them, and skip its cost for the rest.
  if (y < 100) return Date.UTC(y, mo - 1, d, h, mi, se);
  return ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60_000 + se * 1000;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), for y >= 0. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
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
