import { accountCount } from './account-counts.js';
import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import type { ManagedPolicyRepo } from '../../iam/policy-store.js';
import {
  AWS_MANAGED_ACCOUNT,
  type AwsManagedPolicySeed,
  type ManagedPolicyRecord,
  type ManagedPolicyWithUsage,
  type Page,
  type PageRequest,
  type PolicyListFilter,
  type PolicyUsage,
  type Tag,
} from '../../iam/records.js';
import { iamArn } from '../../shared/arn.js';
import type { Database } from '../schema.js';
import { type Db, date, iso, mapUnique } from './db.js';
import { toPage } from './pagination.js';
import { SEP, num, splitMarker } from './policy-rows.js';
import { KyselyTagRepo } from './tags.js';

type PolicyRow = Selectable<Database['managed_policies']>;
type Eb = ExpressionBuilder<Database & { p: Database['managed_policies'] }, 'p'>;

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

/** Managed policies (iam/policy-store.ts): the policy rows, their first version and tags, counts and the AWS managed seed. */
export class KyselyManagedPolicyRepo implements ManagedPolicyRepo {
  constructor(private readonly db: Db) {}

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
    const row = await this.db
      .selectFrom('managed_policies')
      .selectAll()
      .where('policy_id', '=', policyId)
      .executeTakeFirst();
    return row && toPolicy(row);
  }

  async delete(policyId: string): Promise<void> {
    await this.db.deleteFrom('policy_tags').where('policy_id', '=', policyId).execute();
    await this.db.deleteFrom('policy_versions').where('policy_id', '=', policyId).execute();
    await this.db.deleteFrom('managed_policies').where('policy_id', '=', policyId).execute();
  }

  async usage(policyId: string, accountId: string): Promise<PolicyUsage> {
    const policy = await this.db
      .selectFrom('managed_policies')
      .select('arn')
      .where('policy_id', '=', policyId)
      .executeTakeFirst();
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
    const accounts =
      filter.scope === 'AWS'
        ? [AWS_MANAGED_ACCOUNT]
        : filter.scope === 'Local'
          ? [accountId]
          : [accountId, AWS_MANAGED_ACCOUNT];
    q = q.where('p.account_id', 'in', accounts);
    const prefix = filter.pathPrefix;
    if (prefix !== '/')
      q = q.where((eb) => eb(eb.fn('substr', ['p.path', eb.lit(1), eb.lit(prefix.length)]), '=', prefix));
    if (filter.usage === 'PermissionsBoundary') q = q.where((eb) => eb(boundaries(eb), '>', 0));
    else if (filter.onlyAttached) q = q.where((eb) => eb(attachments(eb), '>', 0));
    const after = splitMarker(page.marker);
    if (after) {
      const [name, id] = after;
      q = q.where((eb) =>
        eb.or([eb('p.name_lower', '>', name), eb.and([eb('p.name_lower', '=', name), eb('p.policy_id', '>', id)])]),
      );
    }
    const rows = await q
      .orderBy('p.name_lower')
      .orderBy('p.policy_id')
      .limit(page.maxItems + 1)
      .execute();
    return toPage(
      rows,
      page,
      (r) => `${r.name_lower}${SEP}${r.policy_id}`,
      (r) => ({ ...toPolicy(r), attachmentCount: num(r.attachment_count), boundaryUsageCount: num(r.boundary_count) }),
    );
  }

  count(accountId: string): Promise<number> {
    return accountCount(this.db, 'managed_policies', accountId);
  }

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
      const versionRow = {
        policy_id: s.policyId,
        version_id: s.defaultVersionId,
        version_number: versionNumber,
        document: s.document,
        created_at: iso(s.updatedAt),
      };
      const existing = await this.db
        .selectFrom('managed_policies')
        .selectAll()
        .where('policy_id', '=', s.policyId)
        .executeTakeFirst();
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
      await this.db
        .insertInto('policy_versions')
        .values(versionRow)
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
}
