import { memoLast, type OperatorFamily } from './family.js';

const EPOCH = /^-?\d+(\.\d+)?$/;
const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt](\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;

/**
 * Date condition values are ISO 8601 date-times or epoch seconds ("Date condition operators"),
 * compared as instants, so `2020-01-01T00:00:00Z` equals `1577836800`. A time without a zone is
 * UTC, whatever the server's own time zone.
 */
export function parseDate(v: string): number | undefined {
  const s = v.trim();
  if (EPOCH.test(s)) return Number(s) * 1000;
  const m = ISO.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  const month = Number(mo ?? '1');
  const day = Number(d ?? '1');
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    Number(h ?? 0) > 23 ||
    Number(mi ?? 0) > 59 ||
    Number(sec ?? 0) > 60
  ) {
    return undefined;
  }
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  let t = Date.UTC(Number(y), month - 1, day, Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0), ms);
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60_000;
  }
  return t;
}

const parseRequestDate = memoLast(parseDate);

function date(test: (policy: number, request: number) => boolean): OperatorFamily<number, number> {
  return { prepare: parseDate, parse: parseRequestDate, test, variables: false };
}

/** DateEquals / DateNotEquals. */
export const dateEquals = date((p, r) => r === p);
export const dateLessThan = date((p, r) => r < p);
export const dateLessThanEquals = date((p, r) => r <= p);
export const dateGreaterThan = date((p, r) => r > p);
export const dateGreaterThanEquals = date((p, r) => r >= p);
