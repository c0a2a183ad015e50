import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ConsoleContext } from '../env.js';

export type FlashKind = 'notice' | 'error';

/**
 * The texts a signed-out page may show for `?notice=<code>`: fixed, so a link cannot make the
 * sign-in page say what its author wants.
 */
export const SIGNED_OUT_NOTICES: Record<string, string> = {
  'signed-out': 'You have signed out.',
  'password-reset': 'Your password has been reset. Sign in with your new password.',
};

export function signedOutNotice(code: string | undefined): string | undefined {
  return code !== undefined && Object.hasOwn(SIGNED_OUT_NOTICES, code) ? SIGNED_OUT_NOTICES[code] : undefined;
}

/**
 * A signed-in page's message after a POST/redirect/GET (`?notice=` / `?error=`), sealed to the
 * session that caused it: the text travels with an HMAC keyed by the session's CSRF secret, so
 * nobody else can make a Ward page show text of their choosing, and a message made for one
 * session is shown to no other.
 */
export function sealFlash(key: string, kind: FlashKind, message: string): string {
  return `${Buffer.from(message, 'utf8').toString('base64url')}.${mac(key, kind, message)}`;
}

/** The message sealed in `value` for this session and kind, if it is one. */
export function openFlash(
  key: string | undefined,
  kind: FlashKind,
  value: string | null | undefined,
): string | undefined {
  if (!key || !value) return undefined;
  const dot = value.lastIndexOf('.');
  if (dot < 0) return undefined;
  const message = Buffer.from(value.slice(0, dot), 'base64url').toString('utf8');
  const given = Buffer.from(value.slice(dot + 1), 'base64url');
  const expected = Buffer.from(mac(key, kind, message), 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? message : undefined;
}

/** The key flash messages of this request's session are sealed with (undefined signed out). */
export function flashKey(c: ConsoleContext): string | undefined {
  return (c.var.session as { record?: { csrf?: string } } | undefined)?.record?.csrf;
}

function mac(key: string, kind: FlashKind, message: string): string {
  return createHmac('sha256', `ward-flash:${key}`).update(`${kind}\n${message}`).digest('base64url');
}
