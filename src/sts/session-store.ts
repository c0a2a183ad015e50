import type { Principal } from '../shared/principal.js';

/** One issued set of temporary credentials, as the store holds it. */
export interface StoredSession {
  /** The ASIA… access key ID. */
  accessKeyId: string;
  /** SHA-256 (hex) of the session token; the token itself is never stored. */
  tokenHash: string;
  accountId: string;
  secretAccessKey: string;
  /** Who the session acts as; `principal.session` is always set. */
  principal: Principal;
  issuedAt: Date;
  expiresAt: Date;
}

/** The persistence port STS needs for sessions (src/store implements it). */
export interface SessionRepo {
  create(session: StoredSession): Promise<void>;
  /** The session with its secret opened; undefined when unknown. */
  get(accessKeyId: string): Promise<StoredSession | undefined>;
  /** Removes sessions that expired before `before`; returns how many. */
  deleteExpired(before: Date): Promise<number>;
}
