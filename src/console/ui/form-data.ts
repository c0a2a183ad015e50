import { AwsError } from '../../shared/aws-error.js';
import type { ConsoleContext } from '../env.js';
import { sealFlash, flashKey } from './flash.js';

/** A text field of a parsed form body, trimmed; absent and file fields read as ''. */
export function formText(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  return typeof v === 'string' ? v.trim() : '';
}

/** Every value a repeated field (checkbox group, multi-select) posted. */
export function formList(body: Record<string, unknown>, name: string): string[] {
  const v = body[name];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return all.filter((x): x is string => typeof x === 'string' && x !== '');
}

/**
 * `path` with a flash message for FlashNotice (`?notice=` or `?error=`), keeping its own query.
 * The message is sealed to the session (flash.ts); signed out there is none, and none is shown.
 */
export function withFlash(c: ConsoleContext, path: string, kind: 'notice' | 'error', message: string): string {
  const key = flashKey(c);
  if (!key) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${kind}=${sealFlash(key, kind, message)}`;
}

/** What a redirect tells about a failed call: AWS's message; anything but an AwsError is a bug and rethrown. */
export function failureText(err: unknown): string {
  if (err instanceof AwsError) return err.message;
  throw err;
}

/** Dates as AWS's console lists them (UTC, to the second). */
export function formatDate(d: Date | string | undefined): string {
  if (d === undefined) return '—';
  const date = typeof d === 'string' ? new Date(d) : d;
  return Number.isNaN(date.getTime())
    ? '—'
    : date
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC');
}
