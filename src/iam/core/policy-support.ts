import type { CallContext, RequestConditionKeys } from '../../shared/call-context.js';
import type { AwsError } from '../../shared/aws-error.js';
import { iamErrors } from '../errors.js';
import type { IamStore } from '../iam-store.js';
import {
  AWS_MANAGED_ACCOUNT,
  type ManagedPolicyRecord,
  type PolicyEntityKind,
  type PolicyUsage,
  type Tag,
  type UserRecord,
} from '../records.js';
import type { IamQuotas } from '../quotas.js';
import { parsePolicyArn } from './arns.js';
import { wireTags } from './shapes.js';

/**
 * The managed policy an ARN names, if the caller's account may use it: its own customer managed
 * policies and AWS managed ones. A malformed ARN is InvalidInput; another account's policy reads
 * as not found, as it does in IAM.
 */
export async function findPolicy(
  store: Pick<IamStore, 'policies'>,
  arn: string,
  callerAccount: string,
): Promise<ManagedPolicyRecord | undefined> {
  const parts = parsePolicyArn(arn);
  if (!parts) throw iamErrors.invalidArn(arn);
  if (parts.accountId !== callerAccount && parts.accountId !== AWS_MANAGED_ACCOUNT) return undefined;
  const policy = await store.policies.getByName(parts.accountId, parts.policyName);
  return policy && policy.path === parts.path ? policy : undefined;
}

/**
 * Authorizes `action` on the policy ARN, then finds the policy. The ARN's form is checked first
 * (InvalidInput tells nothing about what exists); authorization comes before existence.
 */
export async function authorizedPolicy(
  store: IamStore,
  ctx: CallContext,
  arn: string,
  action: string,
  notFound: (arn: string) => AwsError = iamErrors.noSuchPolicy,
  context?: RequestConditionKeys,
): Promise<ManagedPolicyRecord> {
  if (!parsePolicyArn(arn)) throw iamErrors.invalidArn(arn);
  await ctx.authorize(action, arn, context);
  const policy = await findPolicy(store, arn, ctx.principal.accountId);
  if (!policy) throw notFound(arn);
  return policy;
}

/** AWS managed policies can be read and attached, never changed. */
export function assertCustomerManaged(policy: ManagedPolicyRecord, ctx: CallContext, action: string): void {
  if (policy.accountId === AWS_MANAGED_ACCOUNT)
    throw iamErrors.awsManagedReadOnly(ctx.principal.arn, action, policy.arn);
}

/** The Policy shape. CreatePolicy leaves out Description; GetPolicy adds it and Tags; ListPolicies has neither. */
export function wirePolicy(
  p: ManagedPolicyRecord,
  usage: PolicyUsage,
  extra: { description?: boolean; tags?: Tag[] } = {},
) {
  return {
    PolicyName: p.policyName,
    PolicyId: p.policyId,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.defaultVersionId,
    AttachmentCount: usage.attachmentCount,
    PermissionsBoundaryUsageCount: usage.boundaryUsageCount,
    IsAttachable: true,
    ...(extra.description && p.description !== undefined ? { Description: p.description } : {}),
    CreateDate: p.createdAt,
    UpdateDate: p.updatedAt,
    ...(extra.tags ? { Tags: wireTags(extra.tags) } : {}),
  };
}

/** iam:PermissionsBoundary: the boundary the user has, for operations on the user. */
export function boundaryConditionKey(user: UserRecord | undefined): RequestConditionKeys | undefined {
  return user?.permissionsBoundaryArn ? { 'iam:PermissionsBoundary': user.permissionsBoundaryArn } : undefined;
}

/**
 * The policy a permissions boundary names: a managed policy of the caller's account or of AWS.
 * A malformed ARN is InvalidInput; a missing policy is IAM's "Scope ARN … does not exist" answer.
 */
export async function boundaryPolicy(
  store: Pick<IamStore, 'policies'>,
  arn: string,
  callerAccount: string,
): Promise<ManagedPolicyRecord> {
  const policy = await findPolicy(store, arn, callerAccount);
  if (!policy) throw iamErrors.noSuchBoundaryPolicy(arn);
  return policy;
}

/** What differs between users, groups and roles where policies are concerned. */
export interface EntityPolicyRules {
  /** Aggregate size of all the entity's inline policies (UserPolicySize, GroupPolicySize, RolePolicySize). */
  inlineSizeLimit: number;
  /** The quota name in "Cannot exceed quota for PoliciesPerUser: 10". */
  attachQuotaName: string;
}

export function entityPolicyRules(kind: PolicyEntityKind, quotas: IamQuotas): EntityPolicyRules {
  switch (kind) {
    case 'user':
      return { inlineSizeLimit: quotas.UserPolicySize, attachQuotaName: 'PoliciesPerUser' };
    case 'group':
      return { inlineSizeLimit: quotas.GroupPolicySize, attachQuotaName: 'PoliciesPerGroup' };
    case 'role':
      return { inlineSizeLimit: quotas.RolePolicySize, attachQuotaName: 'PoliciesPerRole' };
  }
}
