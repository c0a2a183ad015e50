import { accountCount } from './account-counts.js';
import type { GroupRepo } from '../../iam/iam-store.js';
import type { GroupRecord, Page, PageRequest, UserRecord } from '../../iam/records.js';
import { type Db, iso, mapUnique } from './db.js';
import { decodeMarker, toPage } from './pagination.js';
import { toGroup, toUser } from './rows.js';

export class KyselyGroupRepo implements GroupRepo {
  constructor(private readonly db: Db) {}

  async create(g: GroupRecord): Promise<void> {
    await mapUnique('group_name', () =>
      this.db
        .insertInto('groups')
        .values({
          group_id: g.groupId,
          account_id: g.accountId,
          name: g.groupName,
          name_lower: g.groupName.toLowerCase(),
          path: g.path,
          created_at: iso(g.createdAt),
        })
        .execute(),
    );
  }

  async getByName(accountId: string, groupName: string): Promise<GroupRecord | undefined> {
    const row = await this.db
      .selectFrom('groups')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('name_lower', '=', groupName.toLowerCase())
      .executeTakeFirst();
    return row && toGroup(row);
  }

  async update(groupId: string, changes: { groupName?: string; path?: string }): Promise<void> {
    const values: { name?: string; name_lower?: string; path?: string } = {};
    if (changes.groupName !== undefined) {
      values.name = changes.groupName;
      values.name_lower = changes.groupName.toLowerCase();
    }
    if (changes.path !== undefined) values.path = changes.path;
    if (Object.keys(values).length === 0) return;
    await mapUnique('group_name', () =>
      this.db.updateTable('groups').set(values).where('group_id', '=', groupId).execute(),
    );
  }

  async delete(groupId: string): Promise<void> {
    await this.db.deleteFrom('group_members').where('group_id', '=', groupId).execute();
    await this.db.deleteFrom('groups').where('group_id', '=', groupId).execute();
  }

  async list(accountId: string, pathPrefix: string, page: PageRequest): Promise<Page<GroupRecord>> {
    const after = decodeMarker(page.marker);
    let q = this.db.selectFrom('groups').selectAll().where('account_id', '=', accountId);
    if (pathPrefix !== '/')
      q = q.where((eb) => eb(eb.fn('substr', ['path', eb.lit(1), eb.lit(pathPrefix.length)]), '=', pathPrefix));
    if (after !== undefined) q = q.where('name_lower', '>', after);
    const rows = await q
      .orderBy('name_lower')
      .limit(page.maxItems + 1)
      .execute();
    return toPage(rows, page, (r) => r.name_lower, toGroup);
  }

  count(accountId: string): Promise<number> {
    return accountCount(this.db, 'groups', accountId);
  }

  async members(groupId: string, page: PageRequest): Promise<Page<UserRecord>> {
    const after = decodeMarker(page.marker);
    let q = this.db
      .selectFrom('group_members')
      .innerJoin('users', 'users.user_id', 'group_members.user_id')
      .selectAll('users')
      .where('group_members.group_id', '=', groupId);
    if (after !== undefined) q = q.where('users.name_lower', '>', after);
    const rows = await q
      .orderBy('users.name_lower')
      .limit(page.maxItems + 1)
      .execute();
    return toPage(rows, page, (r) => r.name_lower, toUser);
  }

  async memberCount(groupId: string): Promise<number> {
    const row = await this.db
      .selectFrom('group_members')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('group_id', '=', groupId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async addMember(groupId: string, userId: string): Promise<void> {
    // Adding a user who is already a member succeeds without change, as in IAM.
    await this.db
      .insertInto('group_members')
      .values({ group_id: groupId, user_id: userId })
      .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
      .execute();
  }

  async removeMember(groupId: string, userId: string): Promise<void> {
    await this.db.deleteFrom('group_members').where('group_id', '=', groupId).where('user_id', '=', userId).execute();
  }

  async groupsOfUser(userId: string, page: PageRequest): Promise<Page<GroupRecord>> {
    const after = decodeMarker(page.marker);
    let q = this.db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.group_id', 'group_members.group_id')
      .selectAll('groups')
      .where('group_members.user_id', '=', userId);
    if (after !== undefined) q = q.where('groups.name_lower', '>', after);
    const rows = await q
      .orderBy('groups.name_lower')
      .limit(page.maxItems + 1)
      .execute();
    return toPage(rows, page, (r) => r.name_lower, toGroup);
  }
}
