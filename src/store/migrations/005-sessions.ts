import type { Kysely } from 'kysely';

/**
 * STS temporary credentials. A row is keyed by its ASIA… access key ID; the session token is
 * an opaque random value of which only the SHA-256 is stored, so a token that was tampered
 * with (or never issued) matches no row. The secret is sealed with the master key (the access
 * key ID as associated data), like long-term keys. `principal` is the JSON of who the
 * session acts as (assumed role, federated user, or GetSessionToken's user or root), with its
 * session policies, tags, source identity and MFA facts; rows past `expires_at` are refused
 * and pruned as new sessions are issued.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('access_key_id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // The role (AROA…) or user (AIDA…) behind the session, for listing and revocation; NULL for root.
    .addColumn('entity_id', 'text')
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('principal', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();
  await db.schema.createIndex('sessions_entity').on('sessions').column('entity_id').execute();

  // OpenID Connect identity providers (IAM), with the Ward extension of an inline JWKS.
  await db.schema
    .createTable('oidc_providers')
    .addColumn('arn', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('client_ids', 'text', (c) => c.notNull())
    .addColumn('thumbprints', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('oidc_providers').execute();
  await db.schema.dropTable('sessions').execute();
}
