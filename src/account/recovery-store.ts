/**
 * The persistence port of root password recovery (`store.rootRecovery`); the kysely store
 * implements it (src/store/kysely/root-recovery.ts, migration 011).
 */

export interface RecoveryTokenRecord {
  /** SHA-256 hex of the token in the reset link; the token itself is never stored. */
  tokenHash: string;
  accountId: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt?: Date;
}

export interface RootRecoveryRepo {
  /** IDs of the accounts whose (root user's) email is `email`, ignoring case. */
  accountIdsByEmail(email: string): Promise<string[]>;
  putToken(token: RecoveryTokenRecord): Promise<void>;
  getToken(tokenHash: string): Promise<RecoveryTokenRecord | undefined>;
  /** Marks the token used; false when it was already used (or is unknown). */
  markUsed(tokenHash: string, at: Date): Promise<boolean>;
  /** Deletes the account's other tokens (used or not): they can no longer reset the password. */
  deleteOtherTokens(accountId: string, keepTokenHash: string): Promise<void>;
  /** Deletes tokens that expired before `before`. */
  deleteExpired(before: Date): Promise<void>;
}
