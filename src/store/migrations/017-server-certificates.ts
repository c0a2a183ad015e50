import type { Kysely } from 'kysely';
import { sortableText } from './portable.js';

/**
 * IAM server certificates (UploadServerCertificate). The private key is sealed with the master
 * key (SecretBox, the certificate's ID as context); tags live on the row as JSON, as the
 * identity providers' do (store/kysely/tags.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('server_certificates')
    .addColumn('certificate_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('arn', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_lower', sortableText(db), (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('chain', 'text')
    .addColumn('private_key_sealed', 'text', (c) => c.notNull())
    .addColumn('expiration', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .createIndex('server_certificates_name')
    .unique()
    .on('server_certificates')
    .columns(['account_id', 'name_lower'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('server_certificates').execute();
}
