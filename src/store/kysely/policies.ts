import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely';
import type { PolicyRepo } from '../../iam/iam-store.js';
import {
  AWS_MANAGED_ACCOUNT,
  type AttachedPolicyRef,
  type AwsManagedPolicySeed,
  type EffectivePolicies,
  type LabelledPolicyDocument,
  type ManagedPolicyRecord,
  type ManagedPolicyWithUsage,
  type Page,
  type PageRequest,
  type PolicyEntity,
  type PolicyEntityKind,
  type PolicyEntityRef,
  type PolicyListFilter,
  type PolicyUsage,
  type PolicyVersionRecord,
  type Tag,
} from '../../iam/records.js';
import { iamArn } from '../../shared/arn.js';
import type { Database } from '../schema.js';
import { type Db, date, iso, mapUnique } from './db.js';
import { decodeMarker, toPage } from './pagination.js';
import { KyselyTagRepo } from './tags.js';

const ENTITY_ORDER: PolicyEntityKind[] = ['group', 'user', 'role'];
const ENTITY_TABLES: Record<PolicyEntityKind, { table: string; id: string }> = {
  user: { table: 'users', id: 'user_id' },
  group: { table: 'groups', id: 'group_id' },
  role: { table: 'roles', id: 'role_id' },
};

type PolicyRow = Selectable<Database['managed_policies']>;
type Eb = ExpressionBuilder<Database & { p: Database['managed_policies'] }, 'p'>;

/** Keyset for listings of policies: name (lowercased), then policy ID, since names repeat across accounts. */
const SEP = '\u0000';

function toPolicy(row: PolicyRow): ManagedPolicyRecord {
  return {
    policyId: row.policy_id,
    arn: row.arn,
    accountId: row.account_id,
    policyName: row.name,
    path: row.path,
    ...(row.description !== null ? { description: row.description } : {}),
    defaultVersionId: row.default_version_id,
    createdAt: date(row.created_at),
    updatedAt: date(row.updated_at),
  };
}

function splitMarker(marker: string | undefined): [string, string] | undefined {
  const decoded = decodeMarker(marker);
  if (decoded === undefined) return undefined;
  const i = decoded.indexOf(SEP);
  return i < 0 ? [decoded, ''] : [decoded.slice(0, i), decoded.slice(i + 1)];
}

const num = (v: unknown): number => Number(v ?? 0);

export class KyselyPolicyRepo implements PolicyRepo {
  constructor(private readonly db: Db) {}

  // ---- Managed policies -------------------------------------------------------------------

  async create(p: ManagedPolicyRecord, document: string, tags: Tag[]): Promise<void> {
    await mapUnique('policy_name', () =>
      this.db
        .insertInto('managed_policies')
        .values({
          policy_id: p.policyId,
          arn: p.arn,
          account_id: p.accountId,
          name: p.policyName,
          name_lower: p.policyName.toLowerCase(),
          path: p.path,
          description: p.description ?? null,
          default_version_id: p.defaultVersionId,
          next_version: Number(p.defaultVersionId.slice(1)) + 1,
          created_at: iso(p.createdAt),
          updated_at: iso(p.updatedAt),
        })
        .execute(),
    );
    await this.db
      .insertInto('policy_versions')
      .values({
        policy_id: p.policyId,
        version_id: p.defaultVersionId,
        version_number: Number(p.defaultVersionId.slice(1)),
        document,
        created_at: iso(p.updatedAt),
      })
      .execute();
    await new KyselyTagRepo(this.db).put('policy', p.policyId, tags);
  }

  async getByName(accountId: string, policyName: string): Promise<ManagedPolicyRecord | undefined> {
    const row = await this.db
      .selectFrom('managed_policies')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('name_lower', '=', policyName.toLowerCase())
      .executeTakeFirst();
    return row && toPolicy(row);
  }

  async getById(policyId: string): Promise<ManagedPolicyRecord | undefined> {
    const row = await this.db.selectFrom('managed_policies').selectAll().where('policy_id', '=', policyId).executeTakeFirst();
    return row && toPolicy(row);
  }

  async delete(policyId: string): Promise<void> {
    await this.db.deleteFrom('policy_tags').where('policy_id', '=', policyId).execute();
    await this.db.deleteFrom('policy_versions').where('policy_id', '=', policyId).execute();
    await this.db.deleteFrom('managed_policies').where('policy_id', '=', policyId).execute();
  }

  async usage(policyId: string, accountId: string): Promise<PolicyUsage> {
    const policy = await this.db.selectFrom('managed_policies').select('arn').where('policy_id', '=', policyId).executeTakeFirst();
    if (!policy) return { attachmentCount: 0, boundaryUsageCount: 0 };
    const [attached, bounded, boundedRoles] = await Promise.all([
      this.db
        .selectFrom('policy_attachments')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('policy_id', '=', policyId)
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('account_id', '=', accountId)
        .where('permissions_boundary_arn', '=', policy.arn)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('roles')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('account_id', '=', accountId)
        .where('permissions_boundary_arn', '=', policy.arn)
        .executeTakeFirstOrThrow(),
    ]);
    return { attachmentCount: num(attached.n), boundaryUsageCount: num(bounded.n) + num(boundedRoles.n) };
  }

  async list(filter: PolicyListFilter, page: PageRequest): Promise<Page<ManagedPolicyWithUsage>> {
    const { accountId } = filter;
    const attachments = (eb: Eb) =>
      eb
        .selectFrom('policy_attachments as a')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('a.policy_id', '=', 'p.policy_id')
        .where('a.account_id', '=', accountId);
    const userBoundaries = (eb: Eb) =>
      eb
        .selectFrom('users as u')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('u.permissions_boundary_arn', '=', 'p.arn')
        .where('u.account_id', '=', accountId);
    const roleBoundaries = (eb: Eb) =>
      eb
        .selectFrom('roles as r')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('r.permissions_boundary_arn', '=', 'p.arn')
        .where('r.account_id', '=', accountId);
    const boundaries = (eb: Eb) => sql<number>`(${userBoundaries(eb)}) + (${roleBoundaries(eb)})`;

    let q = this.db
      .selectFrom('managed_policies as p')
      .selectAll('p')
      .select((eb) => [attachments(eb).as('attachment_count'), boundaries(eb).as('boundary_count')]);
    const accounts = filter.scope === 'AWS' ? [AWS_MANAGED_ACCOUNT] : filter.scope === 'Local' ? [accountId] : [accountId, AWS_MANAGED_ACCOUNT];
    q = q.where('p.account_id', 'in', accounts);
    const prefix = filter.pathPrefix;
    if (prefix !== '/') q = q.where((eb) => eb(eb.fn('substr', ['p.path', eb.lit(1), eb.lit(prefix.length)]), '=', prefix));
    if (filter.usage === 'PermissionsBoundary') q = q.where((eb) => eb(boundaries(eb), '>', 0));
    else if (filter.onlyAttached) q = q.where((eb) => eb(attachments(eb), '>', 0));
    const after = splitMarker(page.marker);
    if (after) {
      const [name, id] = after;
      q = q.where((eb) => eb.or([eb('p.name_lower', '>', name), eb.and([eb('p.name_lower', '=', name), eb('p.policy_id', '>', id)])]));
    }
    const rows = await q.orderBy('p.name_lower').orderBy('p.policy_id').limit(page.maxItems + 1).execute();
    return toPage(
      rows,
      page,
      (r) => `${r.name_lower}${SEP}${r.policy_id}`,
      (r) => ({ ...toPolicy(r), attachmentCount: num(r.attachment_count), boundaryUsageCount: num(r.boundary_count) }),
    );
  }

  async count(accountId: string): Promise<number> {
    const row = await this.db
      .selectFrom('managed_policies')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    return num(row.n);
  }

  // ---- Versions -----------------------------------------------------------------------------

  async versions(policyId: string): Promise<PolicyVersionRecord[]> {
    const rows = await this.db
      .selectFrom('policy_versions as v')
      .innerJoin('managed_policies as p', 'p.policy_id', 'v.policy_id')
      .select(['v.version_id', 'v.document', 'v.created_at', 'p.default_version_id'])
      .where('v.policy_id', '=', policyId)
      .orderBy('v.version_number', 'desc')
      .execute();
    return rows.map((r) => ({ versionId: r.version_id, document: r.document, isDefault: r.version_id === r.default_version_id, createdAt: date(r.created_at) }));
  }

  async version(policyId: string, versionId: string): Promise<PolicyVersionRecord | undefined> {
    const r = await this.db
      .selectFrom('policy_versions as v')
      .innerJoin('managed_policies as p', 'p.policy_id', 'v.policy_id')
      .select(['v.version_id', 'v.document', 'v.created_at', 'p.default_version_id'])
      .where('v.policy_id', '=', policyId)
      .where('v.version_id', '=', versionId)
      .executeTakeFirst();
    return r && { versionId: r.version_id, document: r.document, isDefault: r.version_id === r.default_version_id, createdAt: date(r.created_at) };
  }

  async addVersion(policyId: string, document: string, createdAt: Date, setAsDefault: boolean): Promise<string> {
    const policy = await this.db.selectFrom('managed_policies').select('next_version').where('policy_id', '=', policyId).executeTakeFirstOrThrow();
    const n = num(policy.next_version);
    const versionId = `v${n}`;
    await this.db
      .insertInto('policy_versions')
      .values({ policy_id: policyId, version_id: versionId, version_number: n, document, created_at: iso(createdAt) })
      .execute();
    await this.db
      .updateTable('managed_policies')
      .set({ next_version: n + 1, updated_at: iso(createdAt), ...(setAsDefault ? { default_version_id: versionId } : {}) })
      .where('policy_id', '=', policyId)
      .execute();
    return versionId;
  }

  async setDefaultVersion(policyId: string, versionId: string): Promise<void> {
    await this.db.updateTable('managed_policies').set({ default_version_id: versionId }).where('policy_id', '=', policyId).execute();
  }

  async deleteVersion(policyId: string, versionId: string): Promise<void> {
    await this.db.deleteFrom('policy_versions').where('policy_id', '=', policyId).where('version_id', '=', versionId).execute();
    // UpdateDate is when the newest remaining version was created.
    const newest = await this.db
      .selectFrom('policy_versions')
      .select('created_at')
      .where('policy_id', '=', policyId)
      .orderBy('version_number', 'desc')
      .executeTakeFirst();
    if (newest) await this.db.updateTable('managed_policies').set({ updated_at: newest.created_at }).where('policy_id', '=', policyId).execute();
  }

  async document(policyArn: string, versionId?: string): Promise<{ policyArn: string; versionId: string; document: string } | undefined> {
    let q = this.db
      .selectFrom('policy_versions as v')
      .innerJoin('managed_policies as p', 'p.policy_id', 'v.policy_id')
      .select(['p.arn', 'v.version_id', 'v.document'])
      .where('p.arn', '=', policyArn);
    q = versionId === undefined ? q.whereRef('v.version_id', '=', 'p.default_version_id') : q.where('v.version_id', '=', versionId);
    const row = await q.executeTakeFirst();
    return row && { policyArn: row.arn, versionId: row.version_id, document: row.document };
  }

  // ---- Attachments --------------------------------------------------------------------------

  async attach(policyId: string, entity: PolicyEntity, accountId: string, attachedAt: Date): Promise<void> {
    await this.db
      .insertInto('policy_attachments')
      .values({ policy_id: policyId, entity_kind: entity.kind, entity_id: entity.id, account_id: accountId, attached_at: iso(attachedAt) })
      .onConflict((oc) => oc.columns(['policy_id', 'entity_kind', 'entity_id']).doNothing())
      .execute();
  }

  async detach(policyId: string, entity: PolicyEntity): Promise<boolean> {
    const result = await this.db
      .deleteFrom('policy_attachments')
      .where('policy_id', '=', policyId)
      .where('entity_kind', '=', entity.kind)
      .where('entity_id', '=', entity.id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async isAttached(policyId: string, entity: PolicyEntity): Promise<boolean> {
    const row = await this.db
      .selectFrom('policy_attachments')
      .select('policy_id')
      .where('policy_id', '=', policyId)
      .where('entity_kind', '=', entity.kind)
      .where('entity_id', '=', entity.id)
      .executeTakeFirst();
    return row !== undefined;
  }

  async attachedCount(entity: PolicyEntity): Promise<number> {
    const row = await this.db
      .selectFrom('policy_attachments')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('entity_kind', '=', entity.kind)
      .where('entity_id', '=', entity.id)
      .executeTakeFirstOrThrow();
    return num(row.n);
  }

  async attachedTo(entity: PolicyEntity, pathPrefix: string, page: PageRequest): Promise<Page<AttachedPolicyRef>> {
    let q = this.db
      .selectFrom('policy_attachments as a')
      .innerJoin('managed_policies as p', 'p.policy_id', 'a.policy_id')
      .select(['p.arn', 'p.name', 'p.name_lower', 'p.policy_id'])
      .where('a.entity_kind', '=', entity.kind)
      .where('a.entity_id', '=', entity.id);
    if (pathPrefix !== '/') q = q.where((eb) => eb(eb.fn('substr', ['p.path', eb.lit(1), eb.lit(pathPrefix.length)]), '=', pathPrefix));
    const after = splitMarker(page.marker);
    if (after) {
      const [name, id] = after;
      q = q.where((eb) => eb.or([eb('p.name_lower', '>', name), eb.and([eb('p.name_lower', '=', name), eb('p.policy_id', '>', id)])]));
    }
    const rows = await q.orderBy('p.name_lower').orderBy('p.policy_id').limit(page.maxItems + 1).execute();
    return toPage(rows, page, (r) => `${r.name_lower}${SEP}${r.policy_id}`, (r) => ({ policyArn: r.arn, policyName: r.name }));
  }

  async attachedEntities(policyId: string, accountId: string, kinds: PolicyEntityKind[], pathPrefix: string): Promise<PolicyEntityRef[]> {
    const out: PolicyEntityRef[] = [];
    // Groups, then users, then roles, each by name: the order ListEntitiesForPolicy reports them in.
    for (const kind of ENTITY_ORDER.filter((k) => kinds.includes(k))) {
      const { table, id } = ENTITY_TABLES[kind];
      // The entity table varies by kind; kysely cannot type a join on a table chosen at run time.
      const rows: Array<{ id: string; name: string; path: string }> = await (this.db as unknown as Kysely<Record<string, Record<string, string>>>)
        .selectFrom('policy_attachments as a')
        .innerJoin(`${table} as e`, `e.${id}`, 'a.entity_id')
        .select([`e.${id} as id`, 'e.name as name', 'e.path as path'])
        .where('a.policy_id', '=', policyId)
        .where('a.entity_kind', '=', kind)
        .where('a.account_id', '=', accountId)
        .orderBy('e.name_lower')
        .execute();
      for (const r of rows) if (r.path.startsWith(pathPrefix)) out.push({ kind, id: r.id, name: r.name, path: r.path });
    }
    return out;
  }

  async boundaryEntities(policyArn: string, accountId: string, kinds: PolicyEntityKind[], pathPrefix: string): Promise<PolicyEntityRef[]> {
    const out: PolicyEntityRef[] = [];
    // Groups have no permissions boundary.
    for (const kind of ENTITY_ORDER.filter((k) => k !== 'group' && kinds.includes(k))) {
      const { table, id } = ENTITY_TABLES[kind];
      const rows: Array<{ id: string; name: string; path: string }> = await (this.db as unknown as Kysely<Record<string, Record<string, string>>>)
        .selectFrom(table)
        .select([`${id} as id`, 'name', 'path'])
        .where('account_id', '=', accountId)
        .where('permissions_boundary_arn', '=', policyArn)
        .orderBy('name_lower')
        .execute();
      for (const r of rows) if (r.path.startsWith(pathPrefix)) out.push({ kind, id: r.id, name: r.name, path: r.path });
    }
    return out;
  }

  // ---- Inline policies ----------------------------------------------------------------------

  async putInline(entity: PolicyEntity, policyName: string, document: string): Promise<void> {
    await this.db
      .insertInto('inline_policies')
      .values({ entity_kind: entity.kind, entity_id: entity.id, name: policyName, document })
      .onConflict((oc) => oc.columns(['entity_kind', 'entity_id', 'name']).doUpdateSet({ document }))
      .execute();
  }

  async getInline(entity: PolicyEntity, policyName: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('inline_policies')
      .select('document')
      .where('entity_kind', '=', entity.kind)
      .where('entity_id', '=', entity.id)
      .where('name', '=', policyName)
      .executeTakeFirst();
    return row?.document;
  }

  async deleteInline(entity: PolicyEntity, policyName: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('inline_policies')
      .where('entity_kind', '=', entity.kind)
      .where('entity_id', '=', entity.id)
      .where('name', '=', policyName)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async listInline(entity: PolicyEntity, page: PageRequest): Promise<Page<string>> {
    const after = decodeMarker(page.marker);
    let q = this.db.selectFrom('inline_policies').select('name').where('entity_kind', '=', entity.kind).where('entity_id', '=', entity.id);
    if (after !== undefined) q = q.where('name', '>', after);
    const rows = await q.orderBy('name').limit(page.maxItems + 1).execute();
    return toPage(rows, page, (r) => r.name, (r) => r.name);
  }

  async inlineDocuments(entity: PolicyEntity): Promise<Array<{ policyName: string; document: string }>> {
    const rows = await this.db
      .selectFrom('inline_policies')
      .select(['name', 'document'])
      .where('entity_kind', '=', entity.kind)
      .where('entity_id', '=', entity.id)
      .orderBy('name')
      .execute();
    return rows.map((r) => ({ policyName: r.name, document: r.document }));
  }

  async inlineCount(entity: PolicyEntity): Promise<number> {
    const row = await this.db
      .selectFrom('inline_policies')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('entity_kind', '=', entity.kind)
      .where('entity_id', '=', entity.id)
      .executeTakeFirstOrThrow();
    return num(row.n);
  }

  // ---- Account-wide -------------------------------------------------------------------------

  async summary(accountId: string): Promise<{ policies: number; attachments: number }> {
    const [policies, attachments] = await Promise.all([
      this.count(accountId),
      this.db
        .selectFrom('policy_attachments')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow(),
    ]);
    return { policies, attachments: num(attachments.n) };
  }

  async syncAwsManaged(seeds: AwsManagedPolicySeed[]): Promise<void> {
    for (const s of seeds) {
      const arn = iamArn(AWS_MANAGED_ACCOUNT, 'policy', s.path, s.policyName);
      const versionNumber = Number(s.defaultVersionId.slice(1));
      const policyRow = {
        arn,
        account_id: AWS_MANAGED_ACCOUNT,
        name: s.policyName,
        name_lower: s.policyName.toLowerCase(),
        path: s.path,
        description: s.description ?? null,
        default_version_id: s.defaultVersionId,
        next_version: versionNumber + 1,
        created_at: iso(s.createdAt),
        updated_at: iso(s.updatedAt),
      };
      const versionRow = { policy_id: s.policyId, version_id: s.defaultVersionId, version_number: versionNumber, document: s.document, created_at: iso(s.updatedAt) };
      const existing = await this.db.selectFrom('managed_policies').selectAll().where('policy_id', '=', s.policyId).executeTakeFirst();
      if (existing) {
        const current = await this.db
          .selectFrom('policy_versions')
          .select('document')
          .where('policy_id', '=', s.policyId)
          .where('version_id', '=', s.defaultVersionId)
          .executeTakeFirst();
        const unchanged =
          current?.document === s.document &&
          existing.default_version_id === s.defaultVersionId &&
          existing.arn === arn &&
          existing.description === (s.description ?? null) &&
          existing.updated_at === iso(s.updatedAt);
        if (unchanged) continue;
        // AWS replaced the policy's default version: Ward keeps only the version it ships.
        await this.db.deleteFrom('policy_versions').where('policy_id', '=', s.policyId).execute();
        await this.db.updateTable('managed_policies').set(policyRow).where('policy_id', '=', s.policyId).execute();
        await this.db.insertInto('policy_versions').values(versionRow).execute();
        continue;
      }
      // Several nodes may start at once on one database: whichever inserts first wins, the others skip.
      await this.db
        .insertInto('managed_policies')
        .values({ policy_id: s.policyId, ...policyRow })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await this.db.insertInto('policy_versions').values(versionRow).onConflict((oc) => oc.doNothing()).execute();
    }
  }


  // ---- The authorizer's read ----------------------------------------------------------------

  async effectiveForUser(userId: string): Promise<EffectivePolicies> {
    // One round trip, not four in a row: the four reads go out together (each on its own pooled
    // connection on PostgreSQL), the user's groups as a subquery of the policy reads. This is on
    // the path of every request whose principal's policies are not cached.
    const groupsOfUser = this.db.selectFrom('group_members').select('group_id').where('user_id', '=', userId);
    const [user, groups, inline, attached] = await Promise.all([
      this.db.selectFrom('users').select(['user_id', 'account_id', 'name', 'path', 'permissions_boundary_arn']).where('user_id', '=', userId).executeTakeFirst(),
      this.db
        .selectFrom('group_members as m')
        .innerJoin('groups as g', 'g.group_id', 'm.group_id')
        .select(['g.group_id', 'g.name', 'g.path'])
        .where('m.user_id', '=', userId)
        .orderBy('g.name_lower')
        .execute(),
      this.db
        .selectFrom('inline_policies')
        .select(['entity_kind', 'entity_id', 'name', 'document'])
        .where((eb) =>
          eb.or([
            eb.and([eb('entity_kind', '=', 'user'), eb('entity_id', '=', userId)]),
            eb.and([eb('entity_kind', '=', 'group'), eb('entity_id', 'in', groupsOfUser)]),
          ]),
        )
        .orderBy('name')
        .execute(),
      this.db
        .selectFrom('policy_attachments as a')
        .innerJoin('managed_policies as p', 'p.policy_id', 'a.policy_id')
        .innerJoin('policy_versions as v', (join) => join.onRef('v.policy_id', '=', 'p.policy_id').onRef('v.version_id', '=', 'p.default_version_id'))
        .select(['a.entity_kind', 'a.entity_id', 'p.arn', 'v.document'])
        .where((eb) =>
          eb.or([
            eb.and([eb('a.entity_kind', '=', 'user'), eb('a.entity_id', '=', userId)]),
            eb.and([eb('a.entity_kind', '=', 'group'), eb('a.entity_id', 'in', groupsOfUser)]),
          ]),
        )
        .orderBy('p.name_lower')
        .execute(),
    ]);
    if (!user) return { identity: [] };

    const identity: LabelledPolicyDocument[] = [];
    const seen = new Set<string>();
    const collect = (kind: PolicyEntityKind, id: string, entityArn: string) => {
      for (const r of inline) if (r.entity_kind === kind && r.entity_id === id) identity.push({ id: `${entityArn}#inline/${r.name}`, document: r.document });
      for (const r of attached) {
        if (r.entity_kind !== kind || r.entity_id !== id || seen.has(r.arn)) continue;
        seen.add(r.arn);
        identity.push({ id: r.arn, document: r.document });
      }
    };
    collect('user', userId, iamArn(user.account_id, 'user', user.path, user.name));
    for (const g of groups) collect('group', g.group_id, iamArn(user.account_id, 'group', g.path, g.name));

    const boundaryArn = user.permissions_boundary_arn;
    const boundary = boundaryArn ? await this.document(boundaryArn) : undefined;
    return { identity, ...(boundary ? { boundary: { id: boundary.policyArn, document: boundary.document } } : {}) };
  }

  async effectiveForRole(roleId: string): Promise<EffectivePolicies> {
    const role = await this.db
      .selectFrom('roles')
      .select(['role_id', 'account_id', 'name', 'path', 'permissions_boundary_arn'])
      .where('role_id', '=', roleId)
      .executeTakeFirst();
    if (!role) return { identity: [] };
    const roleArn = iamArn(role.account_id, 'role', role.path, role.name);
    const inline = await this.db
      .selectFrom('inline_policies')
      .select(['name', 'document'])
      .where('entity_kind', '=', 'role')
      .where('entity_id', '=', roleId)
      .orderBy('name')
      .execute();
    const attached = await this.db
      .selectFrom('policy_attachments as a')
      .innerJoin('managed_policies as p', 'p.policy_id', 'a.policy_id')
      .innerJoin('policy_versions as v', (join) => join.onRef('v.policy_id', '=', 'p.policy_id').onRef('v.version_id', '=', 'p.default_version_id'))
      .select(['p.arn', 'v.document'])
      .where('a.entity_kind', '=', 'role')
      .where('a.entity_id', '=', roleId)
      .orderBy('p.name_lower')
      .execute();
    const identity: LabelledPolicyDocument[] = [
      ...inline.map((r) => ({ id: `${roleArn}#inline/${r.name}`, document: r.document })),
      ...attached.map((r) => ({ id: r.arn, document: r.document })),
    ];
    const boundaryArn = role.permissions_boundary_arn;
    const boundary = boundaryArn ? await this.document(boundaryArn) : undefined;
    return { identity, ...(boundary ? { boundary: { id: boundary.policyArn, document: boundary.document } } : {}) };
  }
}
