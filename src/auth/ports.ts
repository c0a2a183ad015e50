import type { Principal } from '../shared/principal.js';

// The store ports auth/ needs, declared here so auth depends on no domain that depends on it
// (iam's simulator and sts's web identity call auth's evaluation service). src/store/ satisfies
// them with the repositories it already has: IAM's and STS's records carry these fields.

/** An access key with its secret opened, for signature verification only. */
export interface KeyWithSecret {
  accessKeyId: string;
  accountId: string;
  /** Undefined for the account's root user. */
  userId?: string;
  status: 'Active' | 'Inactive';
  createdAt: Date;
  secretAccessKey: string;
}

/** What a long-term key's principal is built from: the IAM user that owns it. */
export interface KeyOwner {
  userId: string;
  accountId: string;
  userName: string;
  path: string;
}

/** Where long-term keys and their owners are looked up (the store's `access_keys` and `users`). */
export interface CredentialSource {
  accessKeys: { getWithSecret(accessKeyId: string): Promise<KeyWithSecret | undefined> };
  users: { getById(userId: string): Promise<KeyOwner | undefined> };
}

/** One issued set of temporary credentials, as the store holds it. */
export interface SessionCredential {
  /** The ASIA… access key ID. */
  accessKeyId: string;
  /** SHA-256 (hex) of the session token. */
  tokenHash: string;
  accountId: string;
  secretAccessKey: string;
  principal: Principal;
  issuedAt: Date;
  expiresAt: Date;
}

/** Where temporary credentials are looked up (the store's `sessions`). */
export interface SessionLookup {
  get(accessKeyId: string): Promise<SessionCredential | undefined>;
}

/** One use of an access key, as the last-used recorder flushes it. */
export interface KeyUse {
  accessKeyId: string;
  at: Date;
  service: string;
  region: string;
}

/** One use of a service by a principal, as the last-used recorder flushes it. */
export interface ServiceUse {
  accountId: string;
  principalArn: string;
  service: string;
  at: Date;
  region: string;
}

/** Where the last-used recorder writes (the store's key last-used and service last-accessed). */
export interface LastUseSink {
  accessKeys: { recordLastUsed(entries: KeyUse[]): Promise<void> };
  credentials: { recordServiceAccess(entries: ServiceUse[]): Promise<void> };
  transaction<T>(fn: (tx: LastUseSink) => Promise<T>): Promise<T>;
  /** Atomic but, on PostgreSQL, not SERIALIZABLE; absent, `transaction` is used. */
  bookkeeping?<T>(fn: (tx: LastUseSink) => Promise<T>): Promise<T>;
}
