import type { IamStore } from '../iam-store.js';
import type { AwsManagedPolicySeed } from '../records.js';
import AdministratorAccess from './policies/AdministratorAccess.json' with { type: 'json' };
import PowerUserAccess from './policies/PowerUserAccess.json' with { type: 'json' };
import ReadOnlyAccess from './policies/ReadOnlyAccess.json' with { type: 'json' };
import IAMFullAccess from './policies/IAMFullAccess.json' with { type: 'json' };
import IAMReadOnlyAccess from './policies/IAMReadOnlyAccess.json' with { type: 'json' };
import IAMUserChangePassword from './policies/IAMUserChangePassword.json' with { type: 'json' };
import IAMSelfManageServiceSpecificCredentials from './policies/IAMSelfManageServiceSpecificCredentials.json' with { type: 'json' };
import IAMAuditRootUserCredentials from './policies/IAMAuditRootUserCredentials.json' with { type: 'json' };
import IAMCreateRootUserPassword from './policies/IAMCreateRootUserPassword.json' with { type: 'json' };
import IAMDeleteRootUserCredentials from './policies/IAMDeleteRootUserCredentials.json' with { type: 'json' };
import S3UnlockBucketPolicy from './policies/S3UnlockBucketPolicy.json' with { type: 'json' };
import SQSUnlockQueuePolicy from './policies/SQSUnlockQueuePolicy.json' with { type: 'json' };

/** One shipped AWS managed policy as its data file holds it (README.md says where the data came from). */
interface AwsManagedPolicyData {
  PolicyName: string;
  PolicyId: string;
  Arn: string;
  Path: string;
  Description?: string;
  DefaultVersionId: string;
  CreateDate: string;
  UpdateDate: string;
  Document: unknown;
}

const DATA: AwsManagedPolicyData[] = [
  AdministratorAccess,
  PowerUserAccess,
  ReadOnlyAccess,
  IAMFullAccess,
  IAMReadOnlyAccess,
  IAMUserChangePassword,
  IAMSelfManageServiceSpecificCredentials,
  IAMAuditRootUserCredentials,
  IAMCreateRootUserPassword,
  IAMDeleteRootUserCredentials,
  S3UnlockBucketPolicy,
  SQSUnlockQueuePolicy,
];

/**
 * A document in the layout AWS stores its managed policies in (and GetPolicyVersion returns,
 * URL-encoded): two-space indent, `"Key" : value`, one array element per line.
 */
export function awsPolicyText(value: unknown, indent = ''): string {
  const next = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[ ]';
    return `[\n${value.map((v) => next + awsPolicyText(v, next)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{ }';
    return `{\n${entries.map(([k, v]) => `${next}${JSON.stringify(k)} : ${awsPolicyText(v, next)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

let seeds: AwsManagedPolicySeed[] | undefined;

/** The AWS managed policies Ward ships, with their documents in AWS's layout. */
export function awsManagedPolicies(): AwsManagedPolicySeed[] {
  seeds ??= DATA.map((d) => ({
    policyId: d.PolicyId,
    policyName: d.PolicyName,
    path: d.Path,
    ...(d.Description !== undefined ? { description: d.Description } : {}),
    defaultVersionId: d.DefaultVersionId,
    document: awsPolicyText(d.Document),
    createdAt: new Date(d.CreateDate),
    updatedAt: new Date(d.UpdateDate),
  }));
  return seeds;
}

/** Brings the store's AWS managed policies in line with the shipped data (at start-up and after a reset). */
export async function syncAwsManagedPolicies(store: IamStore): Promise<void> {
  await store.transaction((tx) => tx.policies.syncAwsManaged(awsManagedPolicies()));
}
