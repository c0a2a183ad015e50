import { accountCount } from './account-counts.js';
import type { UserRepo } from '../../iam/iam-store.js';
import type { Page, PageRequest, Tag, UserRecord } from '../../iam/records.js';
import { type Db, iso, mapUnique } from './db.js';
import { decodeMarker, toPage } from './pagination.js';
import { toUser } from './rows.js';
import { KyselyTagRepo } from './tags.js';

export class KyselyUserRepo implements UserRepo {
  constructor(private readonly db: Db) {}

  async create(u: UserRecord, tags: Tag[]): Promise<void> {
    await mapUnique('user_name', () =>
      this.db
        .insertInto('users')
        .values({
          user_id: u.userId,
          account_id: u.accountId,
          name: u.userName,
          name_lower: u.userName.toLowerCase(),
          path: u.path,
          created_at: iso(u.createdAt),
          password_last_used: null,
          permissions_boundary_arn: u.permissionsBoundaryArn ?? null,
        })
        .execute(),
    );
    await new KyselyTagRepo(this.db).put('user', u.userId, tags);
  }

  async getByName(accountId: string, userName: string): Promise<UserRecord | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('name_lower', '=', userName.toLowerCase())
      .executeTakeFirst();
    return row && toUser(row);
  }

  async getById(userId: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('user_id', '=', userId).executeTakeFirst();
    return row && toUser(row);
  }

  async update(userId: string, changes: { userName?: string; path?: string }): Promise<void> {
    const values: { name?: string; name_lower?: string; path?: string } = {};
    if (changes.userName !== undefined) {
      values.name = changes.userName;
      values.name_lower = changes.userName.toLowerCase();
    }
    if (changes.path !== undefined) values.path = changes.path;
    if (Object.keys(values).length === 0) return;
    await mapUnique('user_name', () =>
      this.db.updateTable('users').set(values).where('user_id', '=', userId).execute(),
    );
  }

  async setPermissionsBoundary(userId: string, policyArn: string | undefined): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ permissions_boundary_arn: policyArn ?? null })
      .where('user_id', '=', userId)
      .execute();
  }

  async delete(userId: string): Promise<void> {
    await this.db.deleteFrom('user_tags').where('user_id', '=', userId).execute();
    await this.db.deleteFrom('users').where('user_id', '=', userId).execute();
  }

  async list(accountId: string, pathPrefix: string, page: PageRequest): Promise<Page<UserRecord>> {
    const after = decodeMarker(page.marker);
    let q = this.db.selectFrom('users').selectAll().where('account_id', '=', accountId);
    if (pathPrefix !== '/')
      q = q.where((eb) => eb(eb.fn('substr', ['path', eb.lit(1), eb.lit(pathPrefix.length)]), '=', pathPrefix));
    if (after !== undefined) q = q.where('name_lower', '>', after);
    const rows = await q
      .orderBy('name_lower')
      .limit(page.maxItems + 1)
      .execute();
    return toPage(rows, page, (r) => r.name_lower, toUser);
  }

  count(accountId: string): Promise<number> {
    return accountCount(this.db, 'users', accountId);
  }

  async tags(userId: string): Promise<Tag[]> {
    return new KyselyTagRepo(this.db).list('user', userId);
  }
}
