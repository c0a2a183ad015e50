import type {
  CreateAccountStatusRecord,
  HandshakeRecord,
  OrgAccountRecord,
  OrgAccountStatus,
  OrganizationsRepo,
  OrgPolicyRecord,
  OrgRecord,
  OrgTag,
  OuRecord,
} from '../../organizations/store.js';
import type { OrganizationTables } from '../schema-organizations.js';
import { type Db, date, iso, mapUnique, optionalDate } from './db.js';

/** Children first: what `deleteOrg` and the emulator's wipe delete, in order. */
const ORG_TABLES = [
  'org_iam_features',
  'org_tags',
  'org_delegated_admins',
  'org_service_access',
  'org_handshakes',
  'org_policy_attachments',
  'org_policies',
  'org_create_account_status',
  'org_accounts',
  'org_units',
  'org_policy_types',
  'org_organizations',
] as const;

const toOrg = (r: OrganizationTables['org_organizations']): OrgRecord => ({
  orgId: r.org_id,
  managementAccountId: r.management_account_id,
  managementEmail: r.management_email,
  featureSet: 'ALL',
  rootId: r.root_id,
  rootName: r.root_name,
  createdAt: date(r.created_at),
});

const toAccount = (r: OrganizationTables['org_accounts']): OrgAccountRecord => ({
  accountId: r.account_id,
  orgId: r.org_id,
  parentId: r.parent_id,
  name: r.name,
  email: r.email,
  status: r.status as OrgAccountStatus,
  joinedMethod: r.joined_method as OrgAccountRecord['joinedMethod'],
  joinedAt: date(r.joined_at),
});

const toOu = (r: OrganizationTables['org_units']): OuRecord => ({
  ouId: r.ou_id,
  orgId: r.org_id,
  parentId: r.parent_id,
  name: r.name,
  createdAt: date(r.created_at),
});

const toStatus = (r: OrganizationTables['org_create_account_status']): CreateAccountStatusRecord => {
  const completedAt = optionalDate(r.completed_at);
  return {
    requestId: r.request_id,
    orgId: r.org_id,
    accountName: r.account_name,
    state: r.state as CreateAccountStatusRecord['state'],
    requestedAt: date(r.requested_at),
    ...(completedAt ? { completedAt } : {}),
    ...(r.account_id !== null ? { accountId: r.account_id } : {}),
    ...(r.failure_reason !== null ? { failureReason: r.failure_reason } : {}),
  };
};

const toPolicy = (r: OrganizationTables['org_policies']): OrgPolicyRecord => ({
  orgId: r.org_id,
  policyId: r.policy_id,
  name: r.name,
  description: r.description,
  policyType: r.policy_type,
  awsManaged: r.aws_managed === 1,
  content: r.content,
  ...(r.created_at !== null ? { createdAt: new Date(r.created_at) } : {}),
});

const toHandshake = (r: OrganizationTables['org_handshakes']): HandshakeRecord => ({
  handshakeId: r.handshake_id,
  orgId: r.org_id,
  targetAccountId: r.target_account_id,
  state: r.state as HandshakeRecord['state'],
  requestedAt: date(r.requested_at),
  expiresAt: date(r.expires_at),
  ...(r.notes !== null ? { notes: r.notes } : {}),
});

export class KyselyOrganizationsRepo implements OrganizationsRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async getOrg(orgId: string): Promise<OrgRecord | undefined> {
    const row = await this.#db
      .selectFrom('org_organizations')
      .selectAll()
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return row && toOrg(row);
  }

  async orgOfAccount(accountId: string): Promise<OrgRecord | undefined> {
    const managed = await this.#db
      .selectFrom('org_organizations')
      .selectAll()
      .where('management_account_id', '=', accountId)
      .executeTakeFirst();
    if (managed) return toOrg(managed);
    const member = await this.#db
      .selectFrom('org_accounts')
      .select('org_id')
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return member && this.getOrg(member.org_id);
  }

  async createOrg(o: OrgRecord): Promise<void> {
    await mapUnique('org_organizations', () =>
      this.#db
        .insertInto('org_organizations')
        .values({
          org_id: o.orgId,
          management_account_id: o.managementAccountId,
          management_email: o.managementEmail,
          feature_set: o.featureSet,
          root_id: o.rootId,
          root_name: o.rootName,
          created_at: iso(o.createdAt),
        })
        .execute(),
    );
  }

  async deleteOrg(orgId: string): Promise<void> {
    for (const table of ORG_TABLES) await this.#db.deleteFrom(table).where('org_id', '=', orgId).execute();
  }

  /** Every organization row: the emulator's reset. */
  async wipe(): Promise<void> {
    for (const table of ORG_TABLES) await this.#db.deleteFrom(table).execute();
  }

  async enabledPolicyTypes(orgId: string): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('org_policy_types')
      .select('policy_type')
      .where('org_id', '=', orgId)
      .orderBy('policy_type')
      .execute();
    return rows.map((r) => r.policy_type);
  }

  async setPolicyType(orgId: string, policyType: string, enabled: boolean): Promise<void> {
    await this.#db
      .deleteFrom('org_policy_types')
      .where('org_id', '=', orgId)
      .where('policy_type', '=', policyType)
      .execute();
    if (enabled)
      await this.#db.insertInto('org_policy_types').values({ org_id: orgId, policy_type: policyType }).execute();
  }

  async getAccount(accountId: string): Promise<OrgAccountRecord | undefined> {
    const row = await this.#db
      .selectFrom('org_accounts')
      .selectAll()
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return row && toAccount(row);
  }

  async addAccount(a: OrgAccountRecord): Promise<void> {
    await mapUnique('org_accounts', () =>
      this.#db
        .insertInto('org_accounts')
        .values({
          account_id: a.accountId,
          org_id: a.orgId,
          parent_id: a.parentId,
          name: a.name,
          email: a.email,
          status: a.status,
          joined_method: a.joinedMethod,
          joined_at: iso(a.joinedAt),
        })
        .execute(),
    );
  }

  async updateAccount(accountId: string, changes: { parentId?: string; status?: OrgAccountStatus }): Promise<void> {
    const set: Partial<OrganizationTables['org_accounts']> = {};
    if (changes.parentId !== undefined) set.parent_id = changes.parentId;
    if (changes.status !== undefined) set.status = changes.status;
    if (Object.keys(set).length > 0)
      await this.#db.updateTable('org_accounts').set(set).where('account_id', '=', accountId).execute();
  }

  async removeAccount(accountId: string): Promise<void> {
    await this.#db.deleteFrom('org_accounts').where('account_id', '=', accountId).execute();
  }

  async listAccounts(orgId: string, parentId?: string): Promise<OrgAccountRecord[]> {
    let q = this.#db.selectFrom('org_accounts').selectAll().where('org_id', '=', orgId);
    if (parentId !== undefined) q = q.where('parent_id', '=', parentId);
    return (await q.orderBy('joined_at').orderBy('account_id').execute()).map(toAccount);
  }

  async getOu(ouId: string): Promise<OuRecord | undefined> {
    const row = await this.#db.selectFrom('org_units').selectAll().where('ou_id', '=', ouId).executeTakeFirst();
    return row && toOu(row);
  }

  async createOu(ou: OuRecord): Promise<void> {
    await this.#db
      .insertInto('org_units')
      .values({
        ou_id: ou.ouId,
        org_id: ou.orgId,
        parent_id: ou.parentId,
        name: ou.name,
        created_at: iso(ou.createdAt),
      })
      .execute();
  }

  async renameOu(ouId: string, name: string): Promise<void> {
    await this.#db.updateTable('org_units').set({ name }).where('ou_id', '=', ouId).execute();
  }

  async deleteOu(ouId: string): Promise<void> {
    await this.#db.deleteFrom('org_units').where('ou_id', '=', ouId).execute();
  }

  async listOus(orgId: string, parentId: string): Promise<OuRecord[]> {
    const rows = await this.#db
      .selectFrom('org_units')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('parent_id', '=', parentId)
      .orderBy('created_at')
      .orderBy('ou_id')
      .execute();
    return rows.map(toOu);
  }

  async putCreateAccountStatus(s: CreateAccountStatusRecord): Promise<void> {
    const values = {
      request_id: s.requestId,
      org_id: s.orgId,
      account_name: s.accountName,
      state: s.state,
      requested_at: iso(s.requestedAt),
      completed_at: s.completedAt ? iso(s.completedAt) : null,
      account_id: s.accountId ?? null,
      failure_reason: s.failureReason ?? null,
    };
    await this.#db.deleteFrom('org_create_account_status').where('request_id', '=', s.requestId).execute();
    await this.#db.insertInto('org_create_account_status').values(values).execute();
  }

  async getCreateAccountStatus(requestId: string): Promise<CreateAccountStatusRecord | undefined> {
    const row = await this.#db
      .selectFrom('org_create_account_status')
      .selectAll()
      .where('request_id', '=', requestId)
      .executeTakeFirst();
    return row && toStatus(row);
  }

  async listCreateAccountStatus(orgId: string): Promise<CreateAccountStatusRecord[]> {
    const rows = await this.#db
      .selectFrom('org_create_account_status')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('requested_at')
      .orderBy('request_id')
      .execute();
    return rows.map(toStatus);
  }

  async getPolicy(orgId: string, policyId: string): Promise<OrgPolicyRecord | undefined> {
    const row = await this.#db
      .selectFrom('org_policies')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('policy_id', '=', policyId)
      .executeTakeFirst();
    return row && toPolicy(row);
  }

  async createPolicy(p: OrgPolicyRecord): Promise<void> {
    await mapUnique('org_policies', () =>
      this.#db
        .insertInto('org_policies')
        .values({
          org_id: p.orgId,
          policy_id: p.policyId,
          name: p.name,
          description: p.description,
          policy_type: p.policyType,
          aws_managed: p.awsManaged ? 1 : 0,
          content: p.content,
          created_at: p.createdAt ? iso(p.createdAt) : null,
        })
        .execute(),
    );
  }

  async updatePolicy(
    orgId: string,
    policyId: string,
    changes: { name?: string; description?: string; content?: string },
  ): Promise<void> {
    const set: Partial<OrganizationTables['org_policies']> = {};
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.description !== undefined) set.description = changes.description;
    if (changes.content !== undefined) set.content = changes.content;
    if (Object.keys(set).length > 0)
      await this.#db
        .updateTable('org_policies')
        .set(set)
        .where('org_id', '=', orgId)
        .where('policy_id', '=', policyId)
        .execute();
  }

  async deletePolicy(orgId: string, policyId: string): Promise<void> {
    await this.#db.deleteFrom('org_tags').where('org_id', '=', orgId).where('resource_id', '=', policyId).execute();
    await this.#db.deleteFrom('org_policies').where('org_id', '=', orgId).where('policy_id', '=', policyId).execute();
  }

  async listPolicies(
    orgId: string,
    policyType: string,
    order: 'name' | 'created' = 'name',
  ): Promise<OrgPolicyRecord[]> {
    const rows = await this.#db
      .selectFrom('org_policies')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('policy_type', '=', policyType)
      .orderBy(order === 'name' ? 'name' : 'created_at')
      .orderBy('policy_id')
      .execute();
    return rows.map(toPolicy);
  }

  async attach(orgId: string, policyId: string, targetId: string): Promise<void> {
    await mapUnique('org_policy_attachments', () =>
      this.#db
        .insertInto('org_policy_attachments')
        .values({ org_id: orgId, policy_id: policyId, target_id: targetId })
        .execute(),
    );
  }

  async detach(orgId: string, policyId: string, targetId: string): Promise<boolean> {
    const r = await this.#db
      .deleteFrom('org_policy_attachments')
      .where('org_id', '=', orgId)
      .where('policy_id', '=', policyId)
      .where('target_id', '=', targetId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async attachments(
    orgId: string,
    filter: { policyId?: string; targetId?: string },
  ): Promise<Array<{ policyId: string; targetId: string }>> {
    let q = this.#db
      .selectFrom('org_policy_attachments')
      .select(['policy_id', 'target_id'])
      .where('org_id', '=', orgId);
    if (filter.policyId !== undefined) q = q.where('policy_id', '=', filter.policyId);
    if (filter.targetId !== undefined) q = q.where('target_id', '=', filter.targetId);
    const rows = await q.orderBy('policy_id').orderBy('target_id').execute();
    return rows.map((r) => ({ policyId: r.policy_id, targetId: r.target_id }));
  }

  async putHandshake(h: HandshakeRecord): Promise<void> {
    await this.#db.deleteFrom('org_handshakes').where('handshake_id', '=', h.handshakeId).execute();
    await this.#db
      .insertInto('org_handshakes')
      .values({
        handshake_id: h.handshakeId,
        org_id: h.orgId,
        target_account_id: h.targetAccountId,
        state: h.state,
        requested_at: iso(h.requestedAt),
        expires_at: iso(h.expiresAt),
        notes: h.notes ?? null,
      })
      .execute();
  }

  async getHandshake(handshakeId: string): Promise<HandshakeRecord | undefined> {
    const row = await this.#db
      .selectFrom('org_handshakes')
      .selectAll()
      .where('handshake_id', '=', handshakeId)
      .executeTakeFirst();
    return row && toHandshake(row);
  }

  async listHandshakes(filter: { orgId?: string; targetAccountId?: string }): Promise<HandshakeRecord[]> {
    let q = this.#db.selectFrom('org_handshakes').selectAll();
    if (filter.orgId !== undefined) q = q.where('org_id', '=', filter.orgId);
    if (filter.targetAccountId !== undefined) q = q.where('target_account_id', '=', filter.targetAccountId);
    return (await q.orderBy('requested_at').orderBy('handshake_id').execute()).map(toHandshake);
  }

  async serviceAccess(orgId: string): Promise<Array<{ servicePrincipal: string; enabledAt: Date }>> {
    const rows = await this.#db
      .selectFrom('org_service_access')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('service_principal')
      .execute();
    return rows.map((r) => ({ servicePrincipal: r.service_principal, enabledAt: date(r.enabled_at) }));
  }

  async setServiceAccess(orgId: string, servicePrincipal: string, enabledAt: Date | undefined): Promise<void> {
    await this.#db
      .deleteFrom('org_service_access')
      .where('org_id', '=', orgId)
      .where('service_principal', '=', servicePrincipal)
      .execute();
    if (enabledAt)
      await this.#db
        .insertInto('org_service_access')
        .values({ org_id: orgId, service_principal: servicePrincipal, enabled_at: iso(enabledAt) })
        .execute();
  }

  async iamFeatures(orgId: string): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('org_iam_features')
      .select('feature')
      .where('org_id', '=', orgId)
      .orderBy('feature')
      .execute();
    return rows.map((r) => r.feature);
  }

  async setIamFeature(orgId: string, feature: string, enabledAt: Date | undefined): Promise<void> {
    await this.#db.deleteFrom('org_iam_features').where('org_id', '=', orgId).where('feature', '=', feature).execute();
    if (enabledAt)
      await this.#db
        .insertInto('org_iam_features')
        .values({ org_id: orgId, feature, enabled_at: iso(enabledAt) })
        .execute();
  }

  async delegatedAdmins(
    orgId: string,
  ): Promise<Array<{ accountId: string; servicePrincipal: string; enabledAt: Date }>> {
    const rows = await this.#db
      .selectFrom('org_delegated_admins')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('account_id')
      .orderBy('service_principal')
      .execute();
    return rows.map((r) => ({
      accountId: r.account_id,
      servicePrincipal: r.service_principal,
      enabledAt: date(r.enabled_at),
    }));
  }

  async addDelegatedAdmin(orgId: string, accountId: string, servicePrincipal: string, at: Date): Promise<void> {
    await mapUnique('org_delegated_admins', () =>
      this.#db
        .insertInto('org_delegated_admins')
        .values({ org_id: orgId, account_id: accountId, service_principal: servicePrincipal, enabled_at: iso(at) })
        .execute(),
    );
  }

  async removeDelegatedAdmin(orgId: string, accountId: string, servicePrincipal: string): Promise<boolean> {
    const r = await this.#db
      .deleteFrom('org_delegated_admins')
      .where('org_id', '=', orgId)
      .where('account_id', '=', accountId)
      .where('service_principal', '=', servicePrincipal)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async tags(orgId: string, resourceId: string): Promise<OrgTag[]> {
    const rows = await this.#db
      .selectFrom('org_tags')
      .select(['key', 'value'])
      .where('org_id', '=', orgId)
      .where('resource_id', '=', resourceId)
      .orderBy('key')
      .execute();
    return rows.map((r) => ({ key: r.key, value: r.value }));
  }

  async putTags(orgId: string, resourceId: string, tags: OrgTag[]): Promise<void> {
    for (const t of tags) {
      await this.#db
        .deleteFrom('org_tags')
        .where('org_id', '=', orgId)
        .where('resource_id', '=', resourceId)
        .where('key', '=', t.key)
        .execute();
      await this.#db
        .insertInto('org_tags')
        .values({ org_id: orgId, resource_id: resourceId, key: t.key, value: t.value })
        .execute();
    }
  }

  async removeTags(orgId: string, resourceId: string, keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.#db
      .deleteFrom('org_tags')
      .where('org_id', '=', orgId)
      .where('resource_id', '=', resourceId)
      .where('key', 'in', keys)
      .execute();
  }
}
