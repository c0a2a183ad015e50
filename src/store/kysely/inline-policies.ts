import type { InlinePolicyRepo } from '../../iam/policy-store.js';
import type { Page, PageRequest, PolicyEntity } from '../../iam/records.js';
import type { Db } from './db.js';
import { decodeMarker, toPage } from './pagination.js';
import { num } from './policy-rows.js';

/** The inline policies of users, groups and roles (iam/policy-store.ts). */
export class KyselyInlinePolicyRepo implements InlinePolicyRepo {
  constructor(private readonly db: Db) {}

  async put(entity: PolicyEntity, policyName: string, document: string): Promise<void> {
    await this.db
      .insertInto('inline_policies')
      .values({ entity_kind: entity.kind, entity_id: entity.id, name: policyName, document })
      .onConflict((oc) => oc.columns(['entity_kind', 'entity_id', 'name']).doUpdateSet({ document }))
      .execute();
  }

  async get(entity: PolicyEntity, policyName: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('inline_policies')
      .select('document')
      .where('entity_kind', '=', entity.kind)
      .where('entity_id', '=', entity.id)
      .where('name', '=', policyName)
      .executeTakeFirst();
    return row?.document;
  }

  async delete(entity: PolicyEntity, policyName: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('inline_policies')
      .where('entity_kind', '=', entity.kind)
      .where('entity_id', '=', entity.id)
      .where('name', '=', policyName)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async list(entity: PolicyEntity, page: PageRequest): Promise<Page<string>> {
    const after = decodeMarker(page.marker);
    let q = this.db
      .selectFrom('inline_policies')
      .select('name')
      .where('entity_kind', '=', entity.kind)
      .where('entity_id', '=', entity.id);
    if (after !== undefined) q = q.where('name', '>', after);
    const rows = await q
      .orderBy('name')
      .limit(page.maxItems + 1)
      .execute();
    return toPage(
      rows,
      page,
      (r) => r.name,
      (r) => r.name,
    );
  }

  async documents(entity: PolicyEntity): Promise<Array<{ policyName: string; document: string }>> {
    const rows = await this.db
      .selectFrom('inline_policies')
      .select(['name', 'document'])
      .where('entity_kind', '=', entity.kind)
      .where('entity_id', '=', entity.id)
      .orderBy('name')
      .execute();
    return rows.map((r) => ({ policyName: r.name, document: r.document }));
  }

  async count(entity: PolicyEntity): Promise<number> {
    const row = await this.db
      .selectFrom('inline_policies')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('entity_kind', '=', entity.kind)
      .where('entity_id', '=', entity.id)
      .executeTakeFirstOrThrow();
    return num(row.n);
  }
}
