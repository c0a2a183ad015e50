import type { ServerCertificateRecord, ServerCertificateRepo } from '../../iam/server-certificate-store.js';
import type { SecretBox } from '../../shared/secret-box.js';
import type { CredentialTables } from '../schema-credentials.js';
import { type Db, iso, mapUnique } from './db.js';
import { TAG_ORDER } from './tags.js';

/** IAM server certificates (migration 017); the private key is sealed with the certificate's ID as context. */
export class KyselyServerCertificateRepo implements ServerCertificateRepo {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  async create(c: ServerCertificateRecord, privateKey: string): Promise<void> {
    await mapUnique('server_certificates_name', () =>
      this.db
        .insertInto('server_certificates')
        .values({
          certificate_id: c.certificateId,
          account_id: c.accountId,
          arn: c.arn,
          name: c.name,
          name_lower: c.name.toLowerCase(),
          path: c.path,
          body: c.body,
          chain: c.chain ?? null,
          private_key_sealed: this.box.seal(privateKey, `server-certificate:${c.certificateId}`),
          expiration: c.expiration ? iso(c.expiration) : null,
          uploaded_at: iso(c.uploadedAt),
          tags: JSON.stringify(c.tags),
        })
        .execute(),
    );
  }

  async getByName(accountId: string, name: string): Promise<ServerCertificateRecord | undefined> {
    const row = await this.db
      .selectFrom('server_certificates')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('name_lower', '=', name.toLowerCase())
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async list(accountId: string, pathPrefix: string): Promise<ServerCertificateRecord[]> {
    const rows = await this.db
      .selectFrom('server_certificates')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('name_lower')
      .execute();
    return rows.filter((r) => r.path.startsWith(pathPrefix)).map(toRecord);
  }

  async rename(certificateId: string, name: string, path: string, arn: string): Promise<void> {
    await mapUnique('server_certificates_name', () =>
      this.db
        .updateTable('server_certificates')
        .set({ name, name_lower: name.toLowerCase(), path, arn })
        .where('certificate_id', '=', certificateId)
        .execute(),
    );
  }

  async delete(certificateId: string): Promise<void> {
    await this.db.deleteFrom('server_certificates').where('certificate_id', '=', certificateId).execute();
  }
}

function toRecord(row: CredentialTables['server_certificates']): ServerCertificateRecord {
  return {
    certificateId: row.certificate_id,
    accountId: row.account_id,
    name: row.name,
    path: row.path,
    arn: row.arn,
    body: row.body,
    ...(row.chain !== null ? { chain: row.chain } : {}),
    ...(row.expiration !== null ? { expiration: new Date(row.expiration) } : {}),
    uploadedAt: new Date(row.uploaded_at),
    tags: (JSON.parse(row.tags) as Array<{ key: string; value: string }>).sort(TAG_ORDER['server-certificate']),
  };
}
