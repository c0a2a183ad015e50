import type { Tag } from './records.js';

/** An IAM server certificate (UploadServerCertificate): a TLS certificate, its chain and private key. */
export interface ServerCertificateRecord {
  /** `ASCA…`. */
  certificateId: string;
  accountId: string;
  name: string;
  path: string;
  /** `arn:aws:iam::ACCOUNT:server-certificate` + path + name. */
  arn: string;
  /** As uploaded, byte for byte. */
  body: string;
  chain?: string | undefined;
  /** The certificate's notAfter (none for a body emulator mode kept unparsed). */
  expiration?: Date | undefined;
  uploadedAt: Date;
  tags: Tag[];
}

/** The store of server certificates; names are unique per account without regard to case. */
export interface ServerCertificateRepo {
  /**
   * Stores it with its private key (PEM), which is sealed at rest and never read back: no
   * operation returns it. Throws UniqueViolation when the account has a certificate of that name.
   */
  create(cert: ServerCertificateRecord, privateKey: string): Promise<void>;
  getByName(accountId: string, name: string): Promise<ServerCertificateRecord | undefined>;
  /** The account's certificates whose path begins with `pathPrefix`, by name. */
  list(accountId: string, pathPrefix: string): Promise<ServerCertificateRecord[]>;
  /** Renames or moves one (its ID stays); throws UniqueViolation when the new name is taken. */
  rename(certificateId: string, name: string, path: string, arn: string): Promise<void>;
  delete(certificateId: string): Promise<void>;
}
