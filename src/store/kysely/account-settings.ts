import type { AccountSettingsRepo, PendingEmailUpdate } from '../../account/store.js';
import type { AlternateContact, AlternateContactType, ContactInformation } from '../../wire/generated/account.js';
import { type Db, date, iso } from './db.js';

export const ACCOUNT_TABLES = [
  'account_alternate_contacts',
  'account_contact_information',
  'account_email_updates',
] as const;

export class KyselyAccountSettingsRepo implements AccountSettingsRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async setName(accountId: string, name: string): Promise<void> {
    await this.#db.updateTable('accounts').set({ name }).where('account_id', '=', accountId).execute();
    await this.#db.updateTable('org_accounts').set({ name }).where('account_id', '=', accountId).execute();
  }

  async setEmail(accountId: string, email: string): Promise<void> {
    await this.#db.updateTable('accounts').set({ email }).where('account_id', '=', accountId).execute();
    await this.#db.updateTable('org_accounts').set({ email }).where('account_id', '=', accountId).execute();
  }

  async getAlternateContact(accountId: string, type: AlternateContactType): Promise<AlternateContact | undefined> {
    const row = await this.#db
      .selectFrom('account_alternate_contacts')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('contact_type', '=', type)
      .executeTakeFirst();
    return (
      row && {
        AlternateContactType: type,
        Name: row.name,
        Title: row.title,
        EmailAddress: row.email,
        PhoneNumber: row.phone,
      }
    );
  }

  async putAlternateContact(accountId: string, c: Required<AlternateContact>): Promise<void> {
    await this.deleteAlternateContact(accountId, c.AlternateContactType);
    await this.#db
      .insertInto('account_alternate_contacts')
      .values({
        account_id: accountId,
        contact_type: c.AlternateContactType,
        name: c.Name,
        title: c.Title,
        email: c.EmailAddress,
        phone: c.PhoneNumber,
      })
      .execute();
  }

  async deleteAlternateContact(accountId: string, type: AlternateContactType): Promise<boolean> {
    const r = await this.#db
      .deleteFrom('account_alternate_contacts')
      .where('account_id', '=', accountId)
      .where('contact_type', '=', type)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async getContactInformation(accountId: string): Promise<ContactInformation | undefined> {
    const row = await this.#db
      .selectFrom('account_contact_information')
      .select('document')
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return row && (JSON.parse(row.document) as ContactInformation);
  }

  async putContactInformation(accountId: string, info: ContactInformation): Promise<void> {
    await this.#db.deleteFrom('account_contact_information').where('account_id', '=', accountId).execute();
    await this.#db
      .insertInto('account_contact_information')
      .values({ account_id: accountId, document: JSON.stringify(info) })
      .execute();
  }

  async getPendingEmailUpdate(accountId: string): Promise<PendingEmailUpdate | undefined> {
    const row = await this.#db
      .selectFrom('account_email_updates')
      .selectAll()
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return row && { accountId, email: row.email, otpHash: row.otp_hash, expiresAt: date(row.expires_at) };
  }

  async putPendingEmailUpdate(u: PendingEmailUpdate): Promise<void> {
    await this.deletePendingEmailUpdate(u.accountId);
    await this.#db
      .insertInto('account_email_updates')
      .values({ account_id: u.accountId, email: u.email, otp_hash: u.otpHash, expires_at: iso(u.expiresAt) })
      .execute();
  }

  async deletePendingEmailUpdate(accountId: string): Promise<void> {
    await this.#db.deleteFrom('account_email_updates').where('account_id', '=', accountId).execute();
  }

  /** The emulator's reset. */
  async wipe(): Promise<void> {
    for (const table of ACCOUNT_TABLES) await this.#db.deleteFrom(table).execute();
  }
}
