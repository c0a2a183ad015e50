import type { SignInFailureRepo } from '../store.js';

/** Failures of one identity (an email, or an account's user name) within the window that lock it. */
export const IDENTITY_LIMIT = 5;
/** Failures from one address within the window, whatever identities they tried. */
export const ADDRESS_LIMIT = 20;
export const WINDOW_MS = 15 * 60_000;

/**
 * Throttles console sign-in against guessing. Subjects are counted whether or not the identity
 * exists, so a lockout tells nothing about which users exist. The counts live in the store, so
 * every node of a cluster sees them.
 */
export class SignInThrottle {
  constructor(private readonly failures: SignInFailureRepo) {}

  subjects(identity: string, sourceIp: string): { identity: string; address: string } {
    return { identity: `id:${identity.toLowerCase()}`, address: `ip:${sourceIp}` };
  }

  /** Whether sign-in is refused now for these subjects. */
  async locked(s: { identity: string; address: string }, now: Date): Promise<boolean> {
    const since = new Date(now.getTime() - WINDOW_MS);
    const [byIdentity, byAddress] = await Promise.all([this.failures.count(s.identity, since), this.failures.count(s.address, since)]);
    return byIdentity.count >= IDENTITY_LIMIT || byAddress.count >= ADDRESS_LIMIT;
  }

  async failed(s: { identity: string; address: string }, now: Date): Promise<void> {
    await this.failures.record([s.identity, s.address], now);
    await this.failures.purgeBefore(new Date(now.getTime() - 2 * WINDOW_MS));
  }

  /** A success forgets the identity's failures (not the address's: one right guess must not reset a spray). */
  async succeeded(s: { identity: string }): Promise<void> {
    await this.failures.clear(s.identity);
  }
}
