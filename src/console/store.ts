/** A console session as stored: the cookie holds a random token, the store only its hash. */
export interface ConsoleSessionRecord {
  tokenHash: string;
  accountId: string;
  /** Undefined for the account's root user. */
  userId?: string | undefined;
  stage: SessionStage;
  /** When an MFA code was verified at sign-in (aws:MultiFactorAuthAge counts from it). */
  mfaAt?: Date | undefined;
  csrf: string;
  keyId: string;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * How far sign-in got: the password is checked ('mfa': a code is due), the password must be
 * changed first ('change-password'), root must register an MFA device (the operator made it
 * mandatory: 'register-mfa'), or the session is signed in ('active').
 */
export type SessionStage = 'mfa' | 'change-password' | 'register-mfa' | 'active';

export interface ConsoleSessionRepo {
  create(s: ConsoleSessionRecord): Promise<void>;
  get(tokenHash: string): Promise<ConsoleSessionRecord | undefined>;
  update(tokenHash: string, changes: { stage?: SessionStage; mfaAt?: Date; expiresAt?: Date }): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  /** Ends every session of a principal (its password was reset or it was deleted), but `keep`. */
  deleteForPrincipal(accountId: string, userId: string | undefined, keep?: string): Promise<void>;
  purgeExpired(now: Date): Promise<void>;
}

/**
 * Sign-in attempts per subject (`id:<identity>`, `ip:<address>`), for throttling. An attempt is
 * counted before its password is checked, so parallel attempts cannot all slip under the limit.
 */
export interface SignInFailureRepo {
  /**
   * Counts each subject's attempts since `since`; when every count is under its limit, records
   * one attempt for each subject at `at` and answers true, else records nothing and answers
   * false. Atomic only inside `store.transaction()`.
   */
  reserve(subjects: Array<{ subject: string; limit: number }>, since: Date, at: Date): Promise<boolean>;
  /** Gives back one attempt of `subject` recorded at `at` (a successful sign-in's address slot). */
  release(subject: string, at: Date): Promise<void>;
  /** Attempts since `since`, and the latest one. */
  count(subject: string, since: Date): Promise<{ count: number; latest?: Date }>;
  clear(subject: string): Promise<void>;
  purgeBefore(cutoff: Date): Promise<void>;
}
