import type { SignInFailureRepo } from '../store.js';

/** Attempts of one identity (an email, or an account's user name) within the window that lock it. */
export const IDENTITY_LIMIT = 5;
/** Attempts from one address within the window, whatever identities they tried. */
export const ADDRESS_LIMIT = 20;
export const WINDOW_MS = 15 * 60_000;

export interface ThrottleSubjects {
  identity: string;
  address: string;
}

/** What the throttle needs of the store: the attempts, and a transaction to take a slot atomically in. */
export interface ThrottleStore {
  signInFailures: SignInFailureRepo;
  transaction<T>(fn: (tx: { signInFailures: SignInFailureRepo }) => Promise<T>): Promise<T>;
}

/**
 * Throttles console sign-in against guessing. Every attempt takes a slot (one store
 * transaction: count, then record) before its password or code is checked, so attempts fired in
 * parallel are counted as sequential ones are; a success gives the slots back. Subjects are
 * counted whether or not the identity exists, so a lockout tells nothing about which users
 * exist. The counts live in the store, so every node of a cluster sees them.
 */
export class SignInThrottle {
  constructor(private readonly store: ThrottleStore) {}

  subjects(identity: string, sourceIp: string): ThrottleSubjects {
    return { identity: `id:${identity.toLowerCase()}`, address: `ip:${sourceIp}` };
  }

  /** Takes a slot for an attempt at `now`; false (and nothing recorded) when the subjects are locked. */
  async attempt(s: ThrottleSubjects, now: Date): Promise<boolean> {
    const since = new Date(now.getTime() - WINDOW_MS);
    const taken = await this.store.transaction((tx) =>
      tx.signInFailures.reserve(
        [
          { subject: s.identity, limit: IDENTITY_LIMIT },
          { subject: s.address, limit: ADDRESS_LIMIT },
        ],
        since,
        now,
      ),
    );
    await this.store.signInFailures.purgeBefore(new Date(now.getTime() - 2 * WINDOW_MS));
    return taken;
  }

  /**
   * The attempt taken at `at` succeeded: the identity's attempts are forgotten, and the address
   * gets its slot back (its failures stay: one right guess must not reset a spray).
   */
  async succeeded(s: ThrottleSubjects, at: Date): Promise<void> {
    await this.store.transaction(async (tx) => {
      await tx.signInFailures.clear(s.identity);
      await tx.signInFailures.release(s.address, at);
    });
  }
}
