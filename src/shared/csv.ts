/**
 * The one way Ward writes CSV (RFC 4180 quoting). A maintained library (csv-stringify, MIT, on npm)
 * would do, but package.json and the lockfile are frozen while dependencies are upgraded on another
 * branch, and quoting is the only part of it Ward needs.
 */

/** Characters that end or split a field unless the field is quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: as is, or in double quotes with inner quotes doubled when it holds `,` `"` CR or LF. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record, without its line break (callers keep the line endings their format already has). */
export function csvRecord(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}
