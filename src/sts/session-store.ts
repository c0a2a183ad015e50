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

/** An OpenID Connect identity provider (IAM CreateOpenIDConnectProvider). */
export interface OidcProviderRecord {
  arn: string;
  accountId: string;
  /** The issuer URL as given, e.g. `https://issuer.example.com/path`. */
  url: string;
  clientIds: string[];
  thumbprints: string[];
  tags: Array<{ key: string; value: string }>;
  createdAt: Date;
}

/** The persistence port STS needs for sessions (src/store implements it). */
export interface SessionRepo {
  create(session: StoredSession): Promise<void>;
  /** The session with its secret opened; undefined when unknown. */
  get(accessKeyId: string): Promise<StoredSession | undefined>;
  /** Removes sessions that expired before `before`; returns how many. */
  deleteExpired(before: Date): Promise<number>;
}

export interface OidcProviderRepo {
  create(provider: OidcProviderRecord): Promise<void>;
  get(arn: string): Promise<OidcProviderRecord | undefined>;
  list(accountId: string): Promise<OidcProviderRecord[]>;
  /** Writes the client IDs and thumbprints; tags change only through the tag repository. */
  update(provider: OidcProviderRecord): Promise<void>;
  delete(arn: string): Promise<boolean>;
}
