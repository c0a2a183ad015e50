import type { AccountRepo } from '../../iam/iam-store.js';
import type { AccountRecord } from '../../iam/records.js';
import { type Db, date, iso, mapUnique } from './db.js';

export class KyselyAccountRepo implements AccountRepo {
  constructor(private readonly db: Db) {}

  async get(accountId: string): Promise<AccountRecord | undefined> {
    const row = await this.db.selectFrom('accounts').selectAll().where('account_id', '=', accountId).executeTakeFirst();
    return row && { accountId: row.account_id, name: row.name, email: row.email, createdAt: date(row.created_at) };
  }

  async create(a: AccountRecord): Promise<void> {
    await mapUnique('accounts', () =>
      this.db
        .insertInto('accounts')
        .values({ account_id: a.accountId, name: a.name, email: a.email, created_at: iso(a.createdAt) })
        .execute(),
    );
  }

  /** The account whose root user has this email (compared case-insensitively, as sign-in does). */
  async findByRootEmail(email: string): Promise<AccountRecord | undefined> {
    const row = await this.db
      .selectFrom('accounts')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .orderBy('created_at')
      .executeTakeFirst();
    return row && { accountId: row.account_id, name: row.name, email: row.email, createdAt: date(row.created_at) };
  }

  async getAlias(accountId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('account_aliases').select('alias').where('account_id', '=', accountId).executeTakeFirst();
    return row?.alias;
  }

  async findByAlias(alias: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('account_aliases').select('account_id').where('alias', '=', alias).executeTakeFirst();
    return row?.account_id;
  }

  async setAlias(accountId: string, alias: string): Promise<void> {
    await this.db.deleteFrom('account_aliases').where('account_id', '=', accountId).execute();
    await mapUnique('account_alias', () => this.db.insertInto('account_aliases').values({ account_id: accountId, alias }).execute());
  }

  async deleteAlias(accountId: string): Promise<void> {
    await this.db.deleteFrom('account_aliases').where('account_id', '=', accountId).execute();
  }
}
