import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../../iam/core/password-hash.js';
import { verifyConsolePassword } from '../../iam/core/password-policy.js';
import type { ConsoleStore } from '../deps.js';

/**
 * A hash of a password nobody knows, made with the parameters of real ones (hashPassword's),
 * started at load so the first unknown user does not pay for making it.
 */
const decoyHash: Promise<string> = hashPassword(randomBytes(32).toString('base64'));

/**
 * A console password check that costs one scrypt verification whoever is asked for: an unknown
 * user or account, a user without a console password and a root without one (a centrally
 * managed member account's) are checked against the decoy, so the time of the answer tells
 * nothing about which exist (issue 12, item 8).
 */
export async function checkConsolePassword(
  store: ConsoleStore,
  who: { accountId: string; userId?: string; userName?: string } | undefined,
  password: string,
  now: Date,
): Promise<{ ok: boolean; mustChange: boolean }> {
  const profile = who ? await store.credentials.getLoginProfile(who.accountId, who.userId) : undefined;
  if (!who || !profile) {
    await verifyPassword(password, await decoyHash);
    return { ok: false, mustChange: false };
  }
  return verifyConsolePassword(store, who.accountId, who.userName, password, now);
}
