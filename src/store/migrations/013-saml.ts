import type { Kysely } from 'kysely';
import { sortableText } from './portable.js';

/**
 * SAML federation. `saml_providers`: IAM's SAML identity providers, with the metadata document as
 * uploaded and what Ward read from it (issuer, signing certificates as PEM, JSON), the private keys
 * for encrypted assertions sealed with the master key (JSON of key ID, sealed PEM, time), and tags
 * as JSON like OIDC providers'. Names are unique per account without regard to case.
 * `saml_assertions`: the assertions AssumeRoleWithSAML has redeemed, by a hash of issuer, assertion
 * ID and role, kept until the assertion could no longer be accepted anyway, so a replay is refused
 * on every node sharing the store.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('saml_providers')
    .addColumn('arn', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_lower', sortableText(db), (c) => c.notNull())
    .addColumn('uuid', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('certificates', 'text', (c) => c.notNull())
    .addColumn('encryption_mode', 'text')
    .addColumn('private_keys', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('saml_providers_name')
    .unique()
    .on('saml_providers')
    .columns(['account_id', 'name_lower'])
    .execute();
  await db.schema
    .createTable('saml_assertions')
    .addColumn('replay_key', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saml_assertions_expires_at').on('saml_assertions').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('saml_assertions').execute();
  await db.schema.dropTable('saml_providers').execute();
}
