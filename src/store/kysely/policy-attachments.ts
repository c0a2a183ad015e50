import type { Kysely } from 'kysely';
import type { PolicyAttachmentRepo } from '../../iam/policy-store.js';
import type {
  AttachedPolicyRef,
  Page,
  PageRequest,
  PolicyEntity,
  PolicyEntityKind,
  PolicyEntityRef,
} from '../../iam/records.js';
import { type Db, iso } from './db.js';
import { toPage } from './pagination.js';
import { SEP, num, splitMarker } from './policy-rows.js';

const ENTITY_ORDER: PolicyEntityKind[] = ['group', 'user', 'role'];
const ENTITY_TABLES: Record<PolicyEntityKind, { table: string; id: string }> = {
  user: { table: 'users', id: 'user_id' },
  group: { table: 'groups', id: 'group_id' },
  role: { table: 'roles', id: 'role_id' },
};

/** Which entities use a managed policy (iam/policy-store.ts): attachments, and boundaries. */
export class KyselyPolicyAttachmentRepo implements PolicyAttachmentRepo {
  constructor(private readonly db: Db) {}

  async attach(policyId: string, entity: PolicyEntity, accountId: string, attachedAt: Date): Promise<void> {
    await this.db
      .insertInto('policy_attachments')
      .values({
        policy_id: policyId,
        entity_kind: entity.kind,
        entity_id: entity.id,
        account_id: accountId,
        attached_at: iso(attachedAt),
      })
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
    if (pathPrefix !== '/')
      q = q.where((eb) => eb(eb.fn('substr', ['p.path', eb.lit(1), eb.lit(pathPrefix.length)]), '=', pathPrefix));
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
      (r) => ({ policyArn: r.arn, policyName: r.name }),
    );
  }

  async attachedEntities(
    policyId: string,
    accountId: string,
    kinds: PolicyEntityKind[],
    pathPrefix: string,
  ): Promise<PolicyEntityRef[]> {
    const out: PolicyEntityRef[] = [];
    // Groups, then users, then roles, each by name: the order ListEntitiesForPolicy reports them in.
    for (const kind of ENTITY_ORDER.filter((k) => kinds.includes(k))) {
      const { table, id } = ENTITY_TABLES[kind];
      // The entity table varies by kind; kysely cannot type a join on a table chosen at run time.
      const rows: Array<{ id: string; name: string; path: string }> = await (
        this.db as unknown as Kysely<Record<string, Record<string, string>>>
      )
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

  async boundaryEntities(
    policyArn: string,
    accountId: string,
    kinds: PolicyEntityKind[],
    pathPrefix: string,
  ): Promise<PolicyEntityRef[]> {
    const out: PolicyEntityRef[] = [];
    // Groups have no permissions boundary.
    for (const kind of ENTITY_ORDER.filter((k) => k !== 'group' && kinds.includes(k))) {
      const { table, id } = ENTITY_TABLES[kind];
      const rows: Array<{ id: string; name: string; path: string }> = await (
        this.db as unknown as Kysely<Record<string, Record<string, string>>>
      )
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
}
