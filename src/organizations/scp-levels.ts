import type { OrganizationsRepo } from './store.js';
import { SCP } from './support.js';

/** An SCP as the authorizer compiles it: labelled by its policy ID. */
export interface ScpDocument {
  id: string;
  document: string;
}

/**
 * The SCPs that apply to an account, one level per node from the organization root through
 * each OU down to the account itself, each level the SCPs attached to that node. Undefined when
 * SCPs do not apply: the account is in no organization, is its management account, or the
 * organization has not enabled the SERVICE_CONTROL_POLICY type.
 */
export async function scpLevelsForAccount(repo: OrganizationsRepo, accountId: string): Promise<ScpDocument[][] | undefined> {
  const account = await repo.getAccount(accountId);
  if (!account) return undefined;
  const org = await repo.getOrg(account.orgId);
  if (!org || org.managementAccountId === accountId) return undefined;
  if (!(await repo.enabledPolicyTypes(org.orgId)).includes(SCP)) return undefined;

  const path: string[] = [accountId];
  let parent = account.parentId;
  for (let depth = 0; parent !== org.rootId && depth < 10; depth++) {
    path.unshift(parent);
    const ou = await repo.getOu(parent);
    if (!ou) break;
    parent = ou.parentId;
  }
  path.unshift(org.rootId);

  const levels: ScpDocument[][] = [];
  for (const node of path) {
    const level: ScpDocument[] = [];
    for (const a of await repo.attachments(org.orgId, { targetId: node })) {
      const p = await repo.getPolicy(org.orgId, a.policyId);
      if (p && p.policyType === SCP) level.push({ id: p.policyId, document: p.content });
    }
    levels.push(level);
  }
  return levels;
}
