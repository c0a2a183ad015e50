/** Domain records the IAM handlers work with; the store maps rows to these. */

export interface AccountRecord {
  accountId: string;
  name: string;
  email: string;
  createdAt: Date;
  /** Set once the account is closed (Organizations CloseAccount); a closed account never reopens in Ward. */
  closedAt?: Date;
}

export interface UserRecord {
  userId: string;
  accountId: string;
  userName: string;
  path: string;
  createdAt: Date;
  passwordLastUsed?: Date;
  permissionsBoundaryArn?: string;
}

export interface GroupRecord {
  groupId: string;
  accountId: string;
  groupName: string;
  path: string;
  createdAt: Date;
}

export type AccessKeyStatus = 'Active' | 'Inactive';

export interface AccessKeyRecord {
  accessKeyId: string;
  accountId: string;
  /** Undefined for the account's root user. */
  userId?: string;
  status: AccessKeyStatus;
  createdAt: Date;
  lastUsed?: { at: Date; service: string; region: string };
}

/** An access key with its secret opened, for signature verification only. */
export interface AccessKeyWithSecret extends AccessKeyRecord {
  secretAccessKey: string;
}

export interface Tag {
  key: string;
  value: string;
}

/** One page of a listing: `marker` is present when more items follow (AWS IsTruncated). */
export interface Page<T> {
  items: T[];
  marker?: string;
}

export interface PageRequest {
  marker?: string;
  maxItems: number;
}

/** The kinds of IAM entity a policy attaches to or is embedded in; roles come later. */
export type PolicyEntityKind = 'user' | 'group' | 'role';

/** A user, group or role, by its unique ID (AIDA…, AGPA…, AROA…). */
export interface PolicyEntity {
  kind: PolicyEntityKind;
  id: string;
}

/** The account ID AWS managed policies belong to (`arn:aws:iam::aws:policy/…`). */
export const AWS_MANAGED_ACCOUNT = 'aws';

/** A managed policy: customer managed (the account's) or AWS managed (account `aws`). */
export interface ManagedPolicyRecord {
  policyId: string;
  arn: string;
  accountId: string;
  policyName: string;
  path: string;
  description?: string;
  defaultVersionId: string;
  createdAt: Date;
  /** When the newest version was created (AWS's UpdateDate). */
  updatedAt: Date;
}

/** How many entities of one account use a managed policy, as a permissions policy or as a boundary. */
export interface PolicyUsage {
  attachmentCount: number;
  boundaryUsageCount: number;
}

export type ManagedPolicyWithUsage = ManagedPolicyRecord & PolicyUsage;

export interface PolicyVersionRecord {
  versionId: string;
  /** The document exactly as it was submitted. */
  document: string;
  isDefault: boolean;
  createdAt: Date;
}

/** A managed policy as ListAttached*Policies reports it. */
export interface AttachedPolicyRef {
  policyArn: string;
  policyName: string;
}

/** An entity that uses a managed policy, as ListEntitiesForPolicy reports it. */
export interface PolicyEntityRef {
  kind: PolicyEntityKind;
  id: string;
  name: string;
  path: string;
}

/** A policy document with the label the evaluator reports it by (a policy ARN, or `<entity ARN>#inline/<name>`). */
export interface LabelledPolicyDocument {
  id: string;
  document: string;
}

/** Everything the authorizer evaluates for one user. */
export interface EffectivePolicies {
  /** The user's inline and attached policies, then those of each of its groups (default versions). */
  identity: LabelledPolicyDocument[];
  boundary?: LabelledPolicyDocument;
}

/** An AWS managed policy as Ward ships it (src/iam/aws-managed/). */
export interface AwsManagedPolicySeed {
  policyId: string;
  policyName: string;
  path: string;
  description?: string;
  defaultVersionId: string;
  document: string;
  createdAt: Date;
  updatedAt: Date;
}

/** ListPolicies filters. */
export interface PolicyListFilter {
  /** The caller's account: it owns the local policies and its entities' usage is counted. */
  accountId: string;
  scope: 'All' | 'AWS' | 'Local';
  pathPrefix: string;
  /** Only policies attached to a user, group or role as a permissions policy. */
  onlyAttached: boolean;
  /**
   * PermissionsBoundary: only policies some entity of the account uses as its boundary.
   * PermissionsPolicy: every policy can serve as one, so it narrows nothing beyond `onlyAttached`.
   */
  usage?: 'PermissionsPolicy' | 'PermissionsBoundary';
}

/** An IAM role (AROA… ID). Service-linked roles live under the path `/aws-service-role/<service>/`. */
export interface RoleRecord {
  roleId: string;
  accountId: string;
  roleName: string;
  path: string;
  /** The trust policy exactly as submitted. */
  assumeRolePolicyDocument: string;
  description?: string;
  /** Seconds, 3600–43200. */
  maxSessionDuration: number;
  createdAt: Date;
  permissionsBoundaryArn?: string;
  /** When and in which region the role was last assumed. */
  lastUsed?: { at: Date; region: string };
}

/** An instance profile (AIPA… ID): a container for at most one role. */
export interface InstanceProfileRecord {
  instanceProfileId: string;
  accountId: string;
  instanceProfileName: string;
  path: string;
  createdAt: Date;
}

/** A DeleteServiceLinkedRole task, as GetServiceLinkedRoleDeletionStatus reports it. */
export interface RoleDeletionTask {
  taskId: string;
  accountId: string;
  status: 'SUCCEEDED' | 'IN_PROGRESS' | 'FAILED' | 'NOT_STARTED';
  createdAt: Date;
}
