import type { Kysely } from 'kysely';

/**
 * The Account service (account:*): alternate contacts (BILLING, OPERATIONS, SECURITY), the
 * account's contact information (one JSON document), and pending primary-email updates (the
 * one-time code's hash and expiry). The account's name and email stay in `accounts`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account_alternate_contacts')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('contact_type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_alternate_contacts_pk', ['account_id', 'contact_type'])
    .execute();
  await db.schema
    .createTable('account_contact_information')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('document', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('account_email_updates')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('otp_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}
