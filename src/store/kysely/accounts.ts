import type { AccountRepo } from '../../iam/iam-store.js';
import type { AccountRecord } from '../../iam/records.js';
import type { Database } from '../schema.js';
import { type Db, date, iso, mapUnique } from './db.js';

const toAccount = (row: Database['accounts']): AccountRecord => ({
  accountId: row.account_id,
  name: row.name,
  email: row.email,
  createdAt: date(row.created_at),
  ...(row.closed_at ? { closedAt: date(row.closed_at) } : {}),
});

export class KyselyAccountRepo implements AccountRepo {
  constructor(private readonly db: Db) {}

  async get(accountId: string): Promise<AccountRecord | undefined> {
    const row = await this.db.selectFrom('accounts').selectAll().where('account_id', '=', accountId).executeTakeFirst();
    return row && toAccount(row);
  }

  async create(a: AccountRecord): Promise<void> {
    await mapUnique('accounts', () =>
      this.db
        .insertInto('accounts')
        .values({
          account_id: a.accountId,
          name: a.name,
          email: a.email,
          created_at: iso(a.createdAt),
          closed_at: a.closedAt ? iso(a.closedAt) : null,
        })
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
    return row && toAccount(row);
  }

  async getAlias(accountId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('account_aliases')
      .select('alias')
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return row?.alias;
  }

  async findByAlias(alias: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('account_aliases')
      .select('account_id')
      .where('alias', '=', alias)
      .executeTakeFirst();
    return row?.account_id;
  }

  async setAlias(accountId: string, alias: string): Promise<void> {
    await this.db.deleteFrom('account_aliases').where('account_id', '=', accountId).execute();
    await mapUnique('account_alias', () =>
      this.db.insertInto('account_aliases').values({ account_id: accountId, alias }).execute(),
    );
  }

  async deleteAlias(accountId: string): Promise<void> {
    await this.db.deleteFrom('account_aliases').where('account_id', '=', accountId).execute();
  }

  async markClosed(accountId: string, at: Date): Promise<void> {
    await this.db
      .updateTable('accounts')
      .set({ closed_at: iso(at) })
      .where('account_id', '=', accountId)
      .where('closed_at', 'is', null)
      .execute();
  }
}
