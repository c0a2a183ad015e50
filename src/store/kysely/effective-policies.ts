import type { EffectivePolicyRepo } from '../../iam/policy-store.js';
import type { EffectivePolicies, LabelledPolicyDocument, PolicyEntityKind } from '../../iam/records.js';
import { iamArn } from '../../shared/arn.js';
import type { Db } from './db.js';
import { KyselyPolicyVersionRepo } from './policy-versions.js';

/** What the authorizer evaluates for a user or role (iam/policy-store.ts), read in as few round trips as it can. */
export class KyselyEffectivePolicyRepo implements EffectivePolicyRepo {
  private readonly versions: KyselyPolicyVersionRepo;

  constructor(private readonly db: Db) {
    this.versions = new KyselyPolicyVersionRepo(db);
  }

  async forUser(userId: string): Promise<EffectivePolicies> {
    // One round trip, not four in a row: the four reads go out together (each on its own pooled
    // connection on PostgreSQL), the user's groups as a subquery of the policy reads. This is on
    // the path of every request whose principal's policies are not cached.
    const groupsOfUser = this.db.selectFrom('group_members').select('group_id').where('user_id', '=', userId);
    const [user, groups, inline, attached] = await Promise.all([
      this.db
        .selectFrom('users')
        .select(['user_id', 'account_id', 'name', 'path', 'permissions_boundary_arn'])
        .where('user_id', '=', userId)
        .executeTakeFirst(),
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
        .innerJoin('policy_versions as v', (join) =>
          join.onRef('v.policy_id', '=', 'p.policy_id').onRef('v.version_id', '=', 'p.default_version_id'),
        )
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
      for (const r of inline)
        if (r.entity_kind === kind && r.entity_id === id)
          identity.push({ id: `${entityArn}#inline/${r.name}`, document: r.document });
      for (const r of attached) {
        if (r.entity_kind !== kind || r.entity_id !== id || seen.has(r.arn)) continue;
        seen.add(r.arn);
        identity.push({ id: r.arn, document: r.document });
      }
    };
    collect('user', userId, iamArn(user.account_id, 'user', user.path, user.name));
    for (const g of groups) collect('group', g.group_id, iamArn(user.account_id, 'group', g.path, g.name));

    const boundaryArn = user.permissions_boundary_arn;
    const boundary = boundaryArn ? await this.versions.document(boundaryArn) : undefined;
    return { identity, ...(boundary ? { boundary: { id: boundary.policyArn, document: boundary.document } } : {}) };
  }

  async forRole(roleId: string): Promise<EffectivePolicies> {
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
      .innerJoin('policy_versions as v', (join) =>
        join.onRef('v.policy_id', '=', 'p.policy_id').onRef('v.version_id', '=', 'p.default_version_id'),
      )
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
    const boundary = boundaryArn ? await this.versions.document(boundaryArn) : undefined;
    return { identity, ...(boundary ? { boundary: { id: boundary.policyArn, document: boundary.document } } : {}) };
  }
}
