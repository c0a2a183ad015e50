import { lookupPolicy } from './managed-policies.js';
import { RCP } from './policy-types.js';
import type { OrganizationsRepo } from './store.js';
import { SCP } from './support.js';

/** An SCP or RCP as the authorizer compiles it: labelled by its policy ID. */
export interface ScpDocument {
  id: string;
  document: string;
}

/**
 * The policies of one type over an account, one level per node from the organization root
 * through each OU down to the account itself, each level the policies of that type attached to
 * that node. Undefined when they do not apply: the account is in no organization, is its
 * management account (neither SCPs nor RCPs restrict it), or the type is not enabled.
 */
async function levelsForAccount(
  repo: OrganizationsRepo,
  accountId: string,
  type: string,
): Promise<ScpDocument[][] | undefined> {
  const account = await repo.getAccount(accountId);
  if (!account) return undefined;
  const org = await repo.getOrg(account.orgId);
  if (!org || org.managementAccountId === accountId) return undefined;
  if (!(await repo.enabledPolicyTypes(org.orgId)).includes(type)) return undefined;

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
      const p = await lookupPolicy(repo, org.orgId, a.policyId);
      if (p && p.policyType === type) level.push({ id: p.policyId, document: p.content });
    }
    levels.push(level);
  }
  return levels;
}

/** The SCP levels over an account's principals (see levelsForAccount). */
export const scpLevelsForAccount = (repo: OrganizationsRepo, accountId: string) =>
  levelsForAccount(repo, accountId, SCP);

/** The RCP levels over an account's resources, whoever the caller (see levelsForAccount). */
export const rcpLevelsForAccount = (repo: OrganizationsRepo, accountId: string) =>
  levelsForAccount(repo, accountId, RCP);

/** The organization an account belongs to, for aws:PrincipalOrgID; undefined outside one. */
export async function orgIdOfAccount(repo: OrganizationsRepo, accountId: string): Promise<string | undefined> {
  return (await repo.orgOfAccount(accountId))?.orgId;
}
