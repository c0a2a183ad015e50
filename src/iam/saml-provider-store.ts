/**
 * The persistence port of IAM's SAML providers (CreateSAMLProvider and the rest,
 * iam/handlers/saml-providers.ts); `src/store/` implements it. STS's AssumeRoleWithSAML reads
 * providers and records redeemed assertions through its own port (sts/saml/ports.ts).
 */

/** A private key that decrypts the IdP's encrypted assertions (sealed with the master key at rest). */
export interface SamlPrivateKeyRecord {
  keyId: string;
  /** PKCS#8 PEM; plaintext only in memory. */
  pem: string;
  createdAt: Date;
}

export type AssertionEncryptionMode = 'Required' | 'Allowed';

/** A SAML 2.0 identity provider (IAM CreateSAMLProvider). */
export interface SamlProviderRecord {
  arn: string;
  accountId: string;
  name: string;
  /** SAMLProviderUUID. */
  uuid: string;
  /** The metadata document as uploaded, returned byte for byte by GetSAMLProvider. */
  metadata: string;
  /** From the metadata: the issuer and its signing certificates (PEM). */
  entityId: string;
  certificates: string[];
  assertionEncryptionMode?: AssertionEncryptionMode | undefined;
  privateKeys: SamlPrivateKeyRecord[];
  tags: Array<{ key: string; value: string }>;
  createdAt: Date;
  validUntil: Date;
}

export interface SamlProviderRepo {
  /** Throws UniqueViolation when the account has a provider of that name (names compare without case). */
  create(provider: SamlProviderRecord): Promise<void>;
  get(arn: string): Promise<SamlProviderRecord | undefined>;
  /** By SAMLProviderUUID: the provider an encrypted response is posted for (`/saml/acs/<uuid>`). */
  getByUuid(uuid: string): Promise<SamlProviderRecord | undefined>;
  list(accountId: string): Promise<SamlProviderRecord[]>;
  count(accountId: string): Promise<number>;
  /** Writes metadata, issuer, certificates, encryption mode and keys; tags change only through the tag repository. */
  update(provider: SamlProviderRecord): Promise<void>;
  delete(arn: string): Promise<boolean>;
}

/** The providers with the store's transaction: CreateSAMLProvider's quota check and insert are one. */
export interface SamlProviderStore {
  samlProviders: SamlProviderRepo;
  transaction<T>(fn: (tx: SamlProviderStore) => Promise<T>): Promise<T>;
}
