import { accountCount } from './account-counts.js';
import type { Selectable } from 'kysely';
import type { InstanceProfileRepo, RoleRepo } from '../../iam/iam-store.js';
import type { InstanceProfileRecord, Page, PageRequest, RoleDeletionTask, RoleRecord, Tag } from '../../iam/records.js';
import type { Database } from '../schema.js';
import { type Db, date, iso, mapUnique, optionalDate } from './db.js';
import { decodeMarker, toPage } from './pagination.js';
import { KyselyTagRepo } from './tags.js';
import { ReusableQuery } from './reusable-query.js';

// Every AssumeRole looks its role up by name.
const selectRoleByName = new ReusableQuery<'account_id' | 'name_lower'>((db, slot) =>
  db
    .selectFrom('roles')
    .selectAll()
    .where('account_id', '=', slot('account_id'))
    .where('name_lower', '=', slot('name_lower')),
);

export function toRole(row: Selectable<Database['roles']>): RoleRecord {
  const lastUsedAt = optionalDate(row.last_used_at);
  return {
    roleId: row.role_id,
    accountId: row.account_id,
    roleName: row.name,
    path: row.path,
    assumeRolePolicyDocument: row.assume_role_policy,
    ...(row.description !== null ? { description: row.description } : {}),
    maxSessionDuration: Number(row.max_session_duration),
    createdAt: date(row.created_at),
    ...(row.permissions_boundary_arn ? { permissionsBoundaryArn: row.permissions_boundary_arn } : {}),
    ...(lastUsedAt ? { lastUsed: { at: lastUsedAt, region: row.last_used_region ?? '' } } : {}),
  };
}

function toInstanceProfile(row: Selectable<Database['instance_profiles']>): InstanceProfileRecord {
  return {
    instanceProfileId: row.instance_profile_id,
    accountId: row.account_id,
    instanceProfileName: row.name,
    path: row.path,
    createdAt: date(row.created_at),
  };
}

const pathFilter = (prefix: string) => prefix !== '/';

export class KyselyRoleRepo implements RoleRepo {
  constructor(private readonly db: Db) {}

  async create(r: RoleRecord, tags: Tag[]): Promise<void> {
    await mapUnique('role_name', () =>
      this.db
        .insertInto('roles')
        .values({
          role_id: r.roleId,
          account_id: r.accountId,
          name: r.roleName,
          name_lower: r.roleName.toLowerCase(),
          path: r.path,
          assume_role_policy: r.assumeRolePolicyDocument,
          description: r.description ?? null,
          max_session_duration: r.maxSessionDuration,
          created_at: iso(r.createdAt),
          permissions_boundary_arn: r.permissionsBoundaryArn ?? null,
          last_used_at: null,
          last_used_region: null,
        })
        .execute(),
    );
    await new KyselyTagRepo(this.db).put('role', r.roleId, tags);
  }

  async getByName(accountId: string, roleName: string): Promise<RoleRecord | undefined> {
    const [row] = (
      await selectRoleByName.run<Selectable<Database['roles']>>(this.db, {
        account_id: accountId,
        name_lower: roleName.toLowerCase(),
      })
    ).rows;
    return row && toRole(row);
  }

  async getById(roleId: string): Promise<RoleRecord | undefined> {
    const row = await this.db.selectFrom('roles').selectAll().where('role_id', '=', roleId).executeTakeFirst();
    return row && toRole(row);
  }

  async update(
    roleId: string,
    changes: { description?: string; maxSessionDuration?: number; assumeRolePolicyDocument?: string },
  ): Promise<void> {
    const values: { description?: string; max_session_duration?: number; assume_role_policy?: string } = {};
    if (changes.description !== undefined) values.description = changes.description;
    if (changes.maxSessionDuration !== undefined) values.max_session_duration = changes.maxSessionDuration;
    if (changes.assumeRolePolicyDocument !== undefined) values.assume_role_policy = changes.assumeRolePolicyDocument;
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('roles').set(values).where('role_id', '=', roleId).execute();
  }

  async setPermissionsBoundary(roleId: string, policyArn: string | undefined): Promise<void> {
    await this.db
      .updateTable('roles')
      .set({ permissions_boundary_arn: policyArn ?? null })
      .where('role_id', '=', roleId)
      .execute();
  }

  async delete(roleId: string): Promise<void> {
    await this.db.deleteFrom('role_tags').where('role_id', '=', roleId).execute();
    await this.db.deleteFrom('roles').where('role_id', '=', roleId).execute();
  }

  async list(accountId: string, pathPrefix: string, page: PageRequest): Promise<Page<RoleRecord>> {
    const after = decodeMarker(page.marker);
    let q = this.db.selectFrom('roles').selectAll().where('account_id', '=', accountId);
    if (pathFilter(pathPrefix))
      q = q.where((eb) => eb(eb.fn('substr', ['path', eb.lit(1), eb.lit(pathPrefix.length)]), '=', pathPrefix));
    if (after !== undefined) q = q.where('name_lower', '>', after);
    const rows = await q
      .orderBy('name_lower')
      .limit(page.maxItems + 1)
      .execute();
    return toPage(rows, page, (r) => r.name_lower, toRole);
  }

  count(accountId: string): Promise<number> {
    return accountCount(this.db, 'roles', accountId);
  }

  async tags(roleId: string): Promise<Tag[]> {
    return new KyselyTagRepo(this.db).list('role', roleId);
  }

  async recordLastUsed(roleId: string, at: Date, region: string): Promise<void> {
    await this.db
      .updateTable('roles')
      .set({ last_used_at: iso(at), last_used_region: region })
      .where('role_id', '=', roleId)
      .execute();
  }

  async createDeletionTask(task: RoleDeletionTask): Promise<void> {
    await this.db
      .insertInto('role_deletion_tasks')
      .values({
        task_id: task.taskId,
        account_id: task.accountId,
        status: task.status,
        created_at: iso(task.createdAt),
      })
      .execute();
  }

  async deletionTask(taskId: string): Promise<RoleDeletionTask | undefined> {
    const row = await this.db
      .selectFrom('role_deletion_tasks')
      .selectAll()
      .where('task_id', '=', taskId)
      .executeTakeFirst();
    return (
      row && {
        taskId: row.task_id,
        accountId: row.account_id,
        status: row.status as RoleDeletionTask['status'],
        createdAt: date(row.created_at),
      }
    );
  }
}

export class KyselyInstanceProfileRepo implements InstanceProfileRepo {
  constructor(private readonly db: Db) {}

  async create(p: InstanceProfileRecord, tags: Tag[]): Promise<void> {
    await mapUnique('instance_profile_name', () =>
      this.db
        .insertInto('instance_profiles')
        .values({
          instance_profile_id: p.instanceProfileId,
          account_id: p.accountId,
          name: p.instanceProfileName,
          name_lower: p.instanceProfileName.toLowerCase(),
          path: p.path,
          created_at: iso(p.createdAt),
        })
        .execute(),
    );
    await new KyselyTagRepo(this.db).put('instance-profile', p.instanceProfileId, tags);
  }

  async getByName(accountId: string, name: string): Promise<InstanceProfileRecord | undefined> {
    const row = await this.db
      .selectFrom('instance_profiles')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('name_lower', '=', name.toLowerCase())
      .executeTakeFirst();
    return row && toInstanceProfile(row);
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('instance_profile_roles').where('instance_profile_id', '=', id).execute();
    await this.db.deleteFrom('instance_profile_tags').where('instance_profile_id', '=', id).execute();
    await this.db.deleteFrom('instance_profiles').where('instance_profile_id', '=', id).execute();
  }

  async list(accountId: string, pathPrefix: string, page: PageRequest): Promise<Page<InstanceProfileRecord>> {
    const after = decodeMarker(page.marker);
    let q = this.db.selectFrom('instance_profiles').selectAll().where('account_id', '=', accountId);
    if (pathFilter(pathPrefix))
      q = q.where((eb) => eb(eb.fn('substr', ['path', eb.lit(1), eb.lit(pathPrefix.length)]), '=', pathPrefix));
    if (after !== undefined) q = q.where('name_lower', '>', after);
    const rows = await q
      .orderBy('name_lower')
      .limit(page.maxItems + 1)
      .execute();
    return toPage(rows, page, (r) => r.name_lower, toInstanceProfile);
  }

  count(accountId: string): Promise<number> {
    return accountCount(this.db, 'instance_profiles', accountId);
  }

  async roles(id: string): Promise<RoleRecord[]> {
    const rows = await this.db
      .selectFrom('instance_profile_roles as ipr')
      .innerJoin('roles as r', 'r.role_id', 'ipr.role_id')
      .selectAll('r')
      .where('ipr.instance_profile_id', '=', id)
      .orderBy('r.name_lower')
      .execute();
    return rows.map(toRole);
  }

  async addRole(id: string, roleId: string): Promise<void> {
    await this.db
      .insertInto('instance_profile_roles')
      .values({ instance_profile_id: id, role_id: roleId })
      .onConflict((oc) => oc.columns(['instance_profile_id', 'role_id']).doNothing())
      .execute();
  }

  async removeRole(id: string, roleId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('instance_profile_roles')
      .where('instance_profile_id', '=', id)
      .where('role_id', '=', roleId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async forRole(roleId: string, page: PageRequest): Promise<Page<InstanceProfileRecord>> {
    const after = decodeMarker(page.marker);
    let q = this.db
      .selectFrom('instance_profile_roles as ipr')
      .innerJoin('instance_profiles as p', 'p.instance_profile_id', 'ipr.instance_profile_id')
      .selectAll('p')
      .where('ipr.role_id', '=', roleId);
    if (after !== undefined) q = q.where('p.name_lower', '>', after);
    const rows = await q
      .orderBy('p.name_lower')
      .limit(page.maxItems + 1)
      .execute();
    return toPage(rows, page, (r) => r.name_lower, toInstanceProfile);
  }
}
