import { createHash, timingSafeEqual } from 'node:crypto';

/** The SHA-256 (hex) a session token is stored under. */
export const sessionTokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A presented session token against the one issued with the key (constant time), then the expiry. */
export function checkSessionToken(
  session: { tokenHash: string; expiresAt: Date },
  token: string,
  now: Date,
): 'ok' | 'invalid' | 'expired' {
  const presented = Buffer.from(sessionTokenHash(token), 'hex');
  const expected = Buffer.from(session.tokenHash, 'hex');
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return 'invalid';
  return now.getTime() >= session.expiresAt.getTime() ? 'expired' : 'ok';
}
