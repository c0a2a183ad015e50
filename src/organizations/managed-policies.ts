import { RCP } from './policy-types.js';
import { FULL_AWS_ACCESS_ID, SCP } from './support.js';
import type { OrganizationsRepo, OrgPolicyRecord } from './store.js';

/**
 * RCPFullAWSAccess, AWS's managed RCP ("Resource control policy examples"): attached to the root,
 * every OU and every account while RCPs are enabled, it lets every request through RCP
 * evaluation, and it cannot be detached. Its ARN is
 * arn:aws:organizations::aws:policy/resource_control_policy/p-RCPFullAWSAccess.
 */
export const RCP_FULL_AWS_ACCESS_ID = 'p-RCPFullAWSAccess';
export const RCP_FULL_AWS_ACCESS_CONTENT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
});

/**
 * RCPFullAWSAccess is AWS's, not the organization's: every organization sees it, including those
 * created before Ward knew RCPs, so it is not a stored row (FullAWSAccess is, from CreateOrganization).
 */
const rcpFullAwsAccess = (orgId: string): OrgPolicyRecord => ({
  orgId,
  policyId: RCP_FULL_AWS_ACCESS_ID,
  name: 'RCPFullAWSAccess',
  description: 'Allows access to every resource',
  policyType: RCP,
  awsManaged: true,
  content: RCP_FULL_AWS_ACCESS_CONTENT,
});

/** The AWS managed policy each node gets while its type is enabled. */
const DEFAULT_POLICY: Readonly<Record<string, string>> = { [SCP]: FULL_AWS_ACCESS_ID, [RCP]: RCP_FULL_AWS_ACCESS_ID };

/** A policy of the organization, or an AWS managed one it sees without storing it. */
export async function lookupPolicy(
  repo: OrganizationsRepo,
  orgId: string,
  policyId: string,
): Promise<OrgPolicyRecord | undefined> {
  return (
    (await repo.getPolicy(orgId, policyId)) ??
    (policyId === RCP_FULL_AWS_ACCESS_ID ? rcpFullAwsAccess(orgId) : undefined)
  );
}

/** The organization's policies of a type, AWS's managed one first. */
export async function policiesOfType(
  repo: OrganizationsRepo,
  orgId: string,
  type: string,
  order: 'name' | 'created' = 'name',
): Promise<OrgPolicyRecord[]> {
  const stored = await repo.listPolicies(orgId, type, order);
  return type === RCP ? [rcpFullAwsAccess(orgId), ...stored] : stored;
}

/** Attaches the default policy of every enabled type to a new node (OU or account), as AWS does. */
export async function attachDefaults(repo: OrganizationsRepo, orgId: string, targetId: string): Promise<void> {
  for (const type of await repo.enabledPolicyTypes(orgId)) {
    const id = DEFAULT_POLICY[type];
    if (id) await repo.attach(orgId, id, targetId);
  }
}

export const defaultPolicyOf = (type: string): string | undefined => DEFAULT_POLICY[type];

/** AWS's managed RCP cannot be detached (InvalidInputException NON_DETACHABLE_POLICY). */
export const NON_DETACHABLE = "You can't detach this Amazon Web Services Managed Policy.";
