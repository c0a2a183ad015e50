import type { EmulatorRelaxations } from '../shared/emulator-relaxations.js';
import { randomInt } from 'node:crypto';
import type { AccountRepo, RoleRepo } from '../iam/iam-store.js';
import type { ManagedPolicyRepo, PolicyAttachmentRepo } from '../iam/policy-store.js';
import { AwsError } from '../shared/aws-error.js';
import type { CacheBus } from '../shared/cache-bus.js';
import type { CallContext, OperationHandler } from '../shared/call-context.js';
import type { OrganizationsOperationName, OrganizationsOperations } from '../wire/generated/organizations.js';
import type { OrganizationsRepo, OrgRecord } from './store.js';

/** What the Organizations handlers need of the store: their own port, and the IAM ones a new account uses. */
export interface OrgStore {
  organizations: OrganizationsRepo;
  accounts: AccountRepo;
  roles: RoleRepo;
  /** A new account's access role gets AWS's AdministratorAccess: found by name, then attached. */
  policies: Pick<ManagedPolicyRepo, 'getByName'>;
  policyAttachments: Pick<PolicyAttachmentRepo, 'attach'>;
  transaction<T>(fn: (tx: OrgStore) => Promise<T>): Promise<T>;
}

export interface OrgDeps {
  store: OrgStore;
  bus: CacheBus;
  /**
   * Builds a modeled Organizations error. Handlers never import `wire` at run time (ARCHITECTURE.md),
   * so the composition root passes `organizationsError` in.
   */
  /** `--emulator`'s relaxations toward moto (absent: AWS's rules, strictly). */
  emulator?: EmulatorRelaxations;
  error: (
    shape: import('../wire/generated/organizations.js').OrganizationsErrorShape,
    message: string,
    fields?: Record<string, unknown>,
  ) => AwsError;
}

export type OrgHandlers = {
  [Op in OrganizationsOperationName]?: OperationHandler<
    OrganizationsOperations[Op]['input'],
    OrganizationsOperations[Op]['output']
  >;
};

export const FULL_AWS_ACCESS_ID = 'p-FullAWSAccess';
export const SCP = 'SERVICE_CONTROL_POLICY';
export const FULL_AWS_ACCESS_CONTENT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export function randomChars(n: number, alphabet = LOWER_ALNUM): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

export const newOrgId = () => `o-${randomChars(10)}`;
export const newRootId = () => `r-${randomChars(4)}`;
export const newOuId = (rootId: string) => `ou-${rootId.slice(2)}-${randomChars(8)}`;
export const newPolicyId = () => `p-${randomChars(10)}`;
export const newCreateAccountRequestId = () => `car-${randomChars(32)}`;
export const newHandshakeId = () => `h-${randomChars(10)}`;
export const newAccountId = () => randomChars(12, '0123456789').replace(/^0/, '1');

export const orgArn = (o: OrgRecord) => `arn:aws:organizations::${o.managementAccountId}:organization/${o.orgId}`;
export const rootArn = (o: OrgRecord) => `arn:aws:organizations::${o.managementAccountId}:root/${o.orgId}/${o.rootId}`;
export const ouArn = (o: OrgRecord, ouId: string) =>
  `arn:aws:organizations::${o.managementAccountId}:ou/${o.orgId}/${ouId}`;
export const accountArn = (o: OrgRecord, accountId: string) =>
  `arn:aws:organizations::${o.managementAccountId}:account/${o.orgId}/${accountId}`;
export const handshakeArn = (o: OrgRecord, id: string) =>
  `arn:aws:organizations::${o.managementAccountId}:handshake/${o.orgId}/invite/${id}`;
export function policyArn(o: OrgRecord, policyId: string, type: string, awsManaged: boolean): string {
  const t = type.toLowerCase();
  return awsManaged
    ? `arn:aws:organizations::aws:policy/${t}/${policyId}`
    : `arn:aws:organizations::${o.managementAccountId}:policy/${o.orgId}/${t}/${policyId}`;
}

export const MSG = {
  notInUse: 'Your account is not a member of an organization.',
  accessDenied: "You don't have permissions to access this resource.",
  alreadyInOrg: 'The AWS account is already a member of an organization.',
  orgNotEmpty: 'To delete an organization you must first remove all member accounts (except the management account).',
  accountNotFound: "You specified an account that doesn't exist.",
  parentNotFound: "You specified a parent that doesn't exist.",
  sourceParentNotFound: "You specified a source parent that doesn't exist.",
  destinationParentNotFound: "You specified a destination parent that doesn't exist.",
  childNotFound: "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.",
  ouNotFound: "You specified an organizational unit that doesn't exist.",
  ouNotEmpty:
    'The specified organizational unit is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.',
  duplicateOu: 'An OU with the same name already exists.',
  rootNotFound: "You specified a root that doesn't exist.",
  policyNotFound: "We can't find a policy with the PolicyId that you specified.",
  targetNotFound: "You specified a target that doesn't exist.",
  duplicatePolicy: 'A policy with the same name already exists.',
  duplicateAttachment: 'The selected policy is already attached to the specified target.',
  notAttached: "The policy isn't attached to the specified target in the specified root.",
  policyInUse:
    'The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.',
  typeAlreadyEnabled: 'The specified policy type is already enabled.',
  typeNotEnabled: 'This operation can be performed only for enabled policy types.',
  createStatusNotFound: "We can't find an create account request with the CreateAccountRequestId that you specified.",
  handshakeNotFound: "We can't find a handshake with the HandshakeId that you specified.",
  handshakeTransition: "You can't perform the operation on the handshake in its current state.",
  duplicateHandshake: 'A handshake with the same action and target already exists.',
  duplicateAccount: 'That account is already present in the specified destination.',
  masterCannotLeave:
    "You can't remove the management account from an organization. You must delete the organization instead.",
  alreadyClosed: 'The provided account is already closed.',
  // AWS documents the rule (a closed member stays in the organization, SUSPENDED, until AWS removes
  // it 90 days after the close) but not this error's wording; the code and reason are the model's.
  closedCannotLeave:
    "You can't remove a closed account from the organization: it stays in the organization with status SUSPENDED.",
  alreadyRegistered: 'The provided account is already a delegated administrator for your organization.',
  notRegistered: 'The provided account is not a registered delegated administrator for your organization.',
  minAttachments: 'You have attached the minimum number of policies of the specified type to the entity.',
  immutable: 'You specified a policy that is immutable and cannot be modified.',
} as const;

/** Organizations answers an IAM denial with its own exception and text. */
export async function authorize(deps: OrgDeps, ctx: CallContext, action: string, resourceArn: string): Promise<void> {
  try {
    await ctx.authorize(`organizations:${action}`, resourceArn);
  } catch (err) {
    if (err instanceof AwsError && err.code === 'AccessDenied')
      throw deps.error('AccessDeniedException', MSG.accessDenied);
    throw err;
  }
}

/** The caller's organization; AWSOrganizationsNotInUseException when it has none. */
export async function callerOrg(deps: OrgDeps, ctx: CallContext): Promise<OrgRecord> {
  const org = await deps.store.organizations.orgOfAccount(ctx.principal.accountId);
  if (!org) throw deps.error('AWSOrganizationsNotInUseException', MSG.notInUse);
  return org;
}

/** The caller's organization, which the caller's account must manage; then IAM authorization of the action. */
export async function managementOrg(
  deps: OrgDeps,
  ctx: CallContext,
  action: string,
  resourceArn?: (o: OrgRecord) => string,
): Promise<OrgRecord> {
  const org = await callerOrg(deps, ctx);
  if (org.managementAccountId !== ctx.principal.accountId) throw deps.error('AccessDeniedException', MSG.accessDenied);
  await authorize(deps, ctx, action, resourceArn ? resourceArn(org) : orgArn(org));
  return org;
}

/** Organizations pages with NextToken/MaxResults; tokens here are opaque offsets. */
export function paginate<T>(
  items: T[],
  input: { NextToken?: string; MaxResults?: number },
  deps: OrgDeps,
): { page: T[]; NextToken?: string } {
  let start = 0;
  if (input.NextToken !== undefined) {
    const n = Number(Buffer.from(input.NextToken, 'base64url').toString('utf8'));
    if (!Number.isInteger(n) || n < 0)
      throw deps.error('InvalidInputException', 'The provided token is invalid.', { Reason: 'INVALID_NEXT_TOKEN' });
    start = n;
  }
  const size = input.MaxResults ?? 20;
  const page = items.slice(start, start + size);
  const next =
    start + size < items.length ? Buffer.from(String(start + size), 'utf8').toString('base64url') : undefined;
  return { page, ...(next !== undefined ? { NextToken: next } : {}) };
}

/** Tells every node's authorizer that SCPs, attachments or the tree changed. */
export function scpsChanged(deps: OrgDeps): void {
  deps.bus.publish('policies', '*');
}
