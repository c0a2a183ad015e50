import type { TimestampFormat } from './model.js';

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;
const RFC_822 = /^(?:[A-Za-z]{3}, )?\d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}(?::\d{2})? (?:GMT|UTC|Z|[+-]\d{4})$/;
const EPOCH_SECONDS = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a timestamp as clients send it: ISO 8601 (botocore sends microseconds, the CLI may omit the zone,
 * which then means UTC), epoch seconds, or an RFC 822 HTTP date. Undefined when it is none of those.
 */
export function parseTimestamp(text: string): Date | undefined {
  const t = text.trim();
  if (EPOCH_SECONDS.test(t)) {
    const d = new Date(Number(t) * 1000);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const m = ISO_8601.exec(t);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', , sign, oh = '0', om = '0'] = m;
    // Date.UTC would roll 2024-13-01 over into the next year; AWS rejects it, so do we.
    if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23) return undefined;
    if (Number(mi) > 59 || Number(s) > 60) return undefined;
    const ms = Number(frac.padEnd(3, '0').slice(0, 3));
    let time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
    if (sign) time -= (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
    return Number.isNaN(time) ? undefined : new Date(time);
  }
  // Date.parse alone accepts almost anything, so only hand it strings shaped like an HTTP date.
  if (!RFC_822.test(t)) return undefined;
  const rfc = Date.parse(t);
  return Number.isNaN(rfc) ? undefined : new Date(rfc);
}

/**
 * Coerces what a handler put in an output timestamp member into a Date.
 * Numbers are epoch milliseconds, as `new Date(n)` reads them; strings are parsed.
 */
export function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : undefined;
  if (typeof value === 'string') return parseTimestamp(value);
  return undefined;
}

/** `2024-01-02T03:04:05Z`: IAM and STS print whole seconds. */
export function formatIso8601(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 19)}Z`;
}

/** Epoch seconds, keeping milliseconds as a fraction, as JSON services send them. */
export function toEpochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

/** Formats a timestamp in the model's requested encoding, as text. */
export function formatTimestamp(date: Date, format: TimestampFormat): string {
  switch (format) {
    case 'unixTimestamp':
      return String(toEpochSeconds(date));
    case 'rfc822':
      return date.toUTCString();
    default:
      return formatIso8601(date);
  }
}
