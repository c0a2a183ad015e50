import type { PolicyVersionRepo } from '../../iam/policy-store.js';
import type { PolicyVersionRecord } from '../../iam/records.js';
import { type Db, date, iso } from './db.js';
import { num } from './policy-rows.js';

/** The versions of managed policies (iam/policy-store.ts). */
export class KyselyPolicyVersionRepo implements PolicyVersionRepo {
  constructor(private readonly db: Db) {}

  async versions(policyId: string): Promise<PolicyVersionRecord[]> {
    const rows = await this.db
      .selectFrom('policy_versions as v')
      .innerJoin('managed_policies as p', 'p.policy_id', 'v.policy_id')
      .select(['v.version_id', 'v.document', 'v.created_at', 'p.default_version_id'])
      .where('v.policy_id', '=', policyId)
      .orderBy('v.version_number', 'desc')
      .execute();
    return rows.map((r) => ({
      versionId: r.version_id,
      document: r.document,
      isDefault: r.version_id === r.default_version_id,
      createdAt: date(r.created_at),
    }));
  }

  async version(policyId: string, versionId: string): Promise<PolicyVersionRecord | undefined> {
    const r = await this.db
      .selectFrom('policy_versions as v')
      .innerJoin('managed_policies as p', 'p.policy_id', 'v.policy_id')
      .select(['v.version_id', 'v.document', 'v.created_at', 'p.default_version_id'])
      .where('v.policy_id', '=', policyId)
      .where('v.version_id', '=', versionId)
      .executeTakeFirst();
    return (
      r && {
        versionId: r.version_id,
        document: r.document,
        isDefault: r.version_id === r.default_version_id,
        createdAt: date(r.created_at),
      }
    );
  }

  async addVersion(policyId: string, document: string, createdAt: Date, setAsDefault: boolean): Promise<string> {
    const policy = await this.db
      .selectFrom('managed_policies')
      .select('next_version')
      .where('policy_id', '=', policyId)
      .executeTakeFirstOrThrow();
    const n = num(policy.next_version);
    const versionId = `v${n}`;
    await this.db
      .insertInto('policy_versions')
      .values({ policy_id: policyId, version_id: versionId, version_number: n, document, created_at: iso(createdAt) })
      .execute();
    await this.db
      .updateTable('managed_policies')
      .set({
        next_version: n + 1,
        updated_at: iso(createdAt),
        ...(setAsDefault ? { default_version_id: versionId } : {}),
      })
      .where('policy_id', '=', policyId)
      .execute();
    return versionId;
  }

  async setDefaultVersion(policyId: string, versionId: string): Promise<void> {
    await this.db
      .updateTable('managed_policies')
      .set({ default_version_id: versionId })
      .where('policy_id', '=', policyId)
      .execute();
  }

  async deleteVersion(policyId: string, versionId: string): Promise<void> {
    await this.db
      .deleteFrom('policy_versions')
      .where('policy_id', '=', policyId)
      .where('version_id', '=', versionId)
      .execute();
    // UpdateDate is when the newest remaining version was created.
    const newest = await this.db
      .selectFrom('policy_versions')
      .select('created_at')
      .where('policy_id', '=', policyId)
      .orderBy('version_number', 'desc')
      .executeTakeFirst();
    if (newest)
      await this.db
        .updateTable('managed_policies')
        .set({ updated_at: newest.created_at })
        .where('policy_id', '=', policyId)
        .execute();
  }

  async document(
    policyArn: string,
    versionId?: string,
  ): Promise<{ policyArn: string; versionId: string; document: string } | undefined> {
    let q = this.db
      .selectFrom('policy_versions as v')
      .innerJoin('managed_policies as p', 'p.policy_id', 'v.policy_id')
      .select(['p.arn', 'v.version_id', 'v.document'])
      .where('p.arn', '=', policyArn);
    q =
      versionId === undefined
        ? q.whereRef('v.version_id', '=', 'p.default_version_id')
        : q.where('v.version_id', '=', versionId);
    const row = await q.executeTakeFirst();
    return row && { policyArn: row.arn, versionId: row.version_id, document: row.document };
  }
}
