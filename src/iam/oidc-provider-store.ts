/**
 * The persistence port of IAM's OpenID Connect providers (CreateOpenIDConnectProvider and the rest,
 * iam/handlers/oidc-providers.ts); `src/store/` implements it. STS's web identity reads providers
 * through its own narrower port (sts/web-identity.ts).
 */

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

export interface OidcProviderRepo {
  create(provider: OidcProviderRecord): Promise<void>;
  get(arn: string): Promise<OidcProviderRecord | undefined>;
  list(accountId: string): Promise<OidcProviderRecord[]>;
  /** Writes the client IDs and thumbprints; tags change only through the tag repository. */
  update(provider: OidcProviderRecord): Promise<void>;
  delete(arn: string): Promise<boolean>;
}
