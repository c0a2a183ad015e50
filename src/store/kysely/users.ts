import type { UserRepo } from '../../iam/iam-store.js';
import type { Page, PageRequest, Tag, UserRecord } from '../../iam/records.js';
import { type Db, iso, mapUnique } from './db.js';
import { decodeMarker, toPage } from './pagination.js';
import { toUser } from './rows.js';

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
    if (tags.length > 0) await this.putTags(u.userId, tags);
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
    await mapUnique('user_name', () => this.db.updateTable('users').set(values).where('user_id', '=', userId).execute());
  }

  async setPermissionsBoundary(userId: string, policyArn: string | undefined): Promise<void> {
    await this.db.updateTable('users').set({ permissions_boundary_arn: policyArn ?? null }).where('user_id', '=', userId).execute();
  }

  async delete(userId: string): Promise<void> {
    await this.db.deleteFrom('user_tags').where('user_id', '=', userId).execute();
    await this.db.deleteFrom('users').where('user_id', '=', userId).execute();
  }

  async list(accountId: string, pathPrefix: string, page: PageRequest): Promise<Page<UserRecord>> {
    const after = decodeMarker(page.marker);
    let q = this.db.selectFrom('users').selectAll().where('account_id', '=', accountId);
    if (pathPrefix !== '/') q = q.where((eb) => eb(eb.fn('substr', ['path', eb.lit(1), eb.lit(pathPrefix.length)]), '=', pathPrefix));
    if (after !== undefined) q = q.where('name_lower', '>', after);
    const rows = await q.orderBy('name_lower').limit(page.maxItems + 1).execute();
    return toPage(rows, page, (r) => r.name_lower, toUser);
  }

  async count(accountId: string): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async tags(userId: string): Promise<Tag[]> {
    const rows = await this.db.selectFrom('user_tags').select(['key', 'value']).where('user_id', '=', userId).orderBy('key_lower').execute();
    return rows.map((r) => ({ key: r.key, value: r.value }));
  }

  async putTags(userId: string, tags: Tag[]): Promise<void> {
    for (const t of tags) {
      // IAM tag keys are unique regardless of case; a later write replaces the earlier key and value.
      await this.db.deleteFrom('user_tags').where('user_id', '=', userId).where('key_lower', '=', t.key.toLowerCase()).execute();
      await this.db.insertInto('user_tags').values({ user_id: userId, key_lower: t.key.toLowerCase(), key: t.key, value: t.value }).execute();
    }
  }

  async removeTags(userId: string, keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db
      .deleteFrom('user_tags')
      .where('user_id', '=', userId)
      .where('key_lower', 'in', keys.map((k) => k.toLowerCase()))
      .execute();
  }
}
