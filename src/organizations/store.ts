/**
 * The persistence port the Organizations handlers need (`store.organizations`); the kysely store
 * implements it (src/store/kysely/organizations.ts). IDs are AWS's: `o-…`, `r-…`, `ou-…`, `p-…`,
 * `car-…`, `h-…`, 12-digit account IDs.
 */
export interface OrgRecord {
  orgId: string;
  managementAccountId: string;
  managementEmail: string;
  featureSet: 'ALL';
  rootId: string;
  rootName: string;
  createdAt: Date;
}

export type OrgAccountStatus = 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE';

export interface OrgAccountRecord {
  accountId: string;
  orgId: string;
  /** The root or OU the account is in. */
  parentId: string;
  name: string;
  email: string;
  status: OrgAccountStatus;
  joinedMethod: 'INVITED' | 'CREATED';
  joinedAt: Date;
}

export interface OuRecord {
  ouId: string;
  orgId: string;
  parentId: string;
  name: string;
  createdAt: Date;
}

export interface CreateAccountStatusRecord {
  requestId: string;
  orgId: string;
  accountName: string;
  state: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  requestedAt: Date;
  completedAt?: Date;
  accountId?: string;
  failureReason?: string;
}

export interface OrgPolicyRecord {
  orgId: string;
  policyId: string;
  name: string;
  description: string;
  policyType: string;
  awsManaged: boolean;
  content: string;
  /** Absent for policies from before Ward kept it. */
  createdAt?: Date;
}

export interface HandshakeRecord {
  handshakeId: string;
  orgId: string;
  targetAccountId: string;
  state: 'REQUESTED' | 'OPEN' | 'CANCELED' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED';
  requestedAt: Date;
  expiresAt: Date;
  notes?: string;
}

export interface OrgTag {
  key: string;
  value: string;
}

export interface OrganizationsRepo {
  getOrg(orgId: string): Promise<OrgRecord | undefined>;
  /** The organization the account manages or is a member of. */
  orgOfAccount(accountId: string): Promise<OrgRecord | undefined>;
  createOrg(org: OrgRecord): Promise<void>;
  /** Deletes the organization and everything that hangs off it. */
  deleteOrg(orgId: string): Promise<void>;
  enabledPolicyTypes(orgId: string): Promise<string[]>;
  setPolicyType(orgId: string, policyType: string, enabled: boolean): Promise<void>;

  getAccount(accountId: string): Promise<OrgAccountRecord | undefined>;
  addAccount(account: OrgAccountRecord): Promise<void>;
  updateAccount(accountId: string, changes: { parentId?: string; status?: OrgAccountStatus }): Promise<void>;
  removeAccount(accountId: string): Promise<void>;
  /** Accounts of the organization (by account ID), optionally only those directly under `parentId`. */
  listAccounts(orgId: string, parentId?: string): Promise<OrgAccountRecord[]>;

  getOu(ouId: string): Promise<OuRecord | undefined>;
  createOu(ou: OuRecord): Promise<void>;
  renameOu(ouId: string, name: string): Promise<void>;
  deleteOu(ouId: string): Promise<void>;
  listOus(orgId: string, parentId: string): Promise<OuRecord[]>;

  putCreateAccountStatus(status: CreateAccountStatusRecord): Promise<void>;
  getCreateAccountStatus(requestId: string): Promise<CreateAccountStatusRecord | undefined>;
  listCreateAccountStatus(orgId: string): Promise<CreateAccountStatusRecord[]>;

  getPolicy(orgId: string, policyId: string): Promise<OrgPolicyRecord | undefined>;
  createPolicy(policy: OrgPolicyRecord): Promise<void>;
  updatePolicy(
    orgId: string,
    policyId: string,
    changes: { name?: string; description?: string; content?: string },
  ): Promise<void>;
  deletePolicy(orgId: string, policyId: string): Promise<void>;
  /** By name, or in creation order (emulator mode, as moto lists them). */
  listPolicies(orgId: string, policyType: string, order?: 'name' | 'created'): Promise<OrgPolicyRecord[]>;
  attach(orgId: string, policyId: string, targetId: string): Promise<void>;
  /** False when it was not attached. */
  detach(orgId: string, policyId: string, targetId: string): Promise<boolean>;
  /** Attachments of the organization, filtered by policy or target. */
  attachments(
    orgId: string,
    filter: { policyId?: string; targetId?: string },
  ): Promise<Array<{ policyId: string; targetId: string }>>;

  putHandshake(handshake: HandshakeRecord): Promise<void>;
  getHandshake(handshakeId: string): Promise<HandshakeRecord | undefined>;
  listHandshakes(filter: { orgId?: string; targetAccountId?: string }): Promise<HandshakeRecord[]>;

  serviceAccess(orgId: string): Promise<Array<{ servicePrincipal: string; enabledAt: Date }>>;
  setServiceAccess(orgId: string, servicePrincipal: string, enabledAt: Date | undefined): Promise<void>;
  delegatedAdmins(orgId: string): Promise<Array<{ accountId: string; servicePrincipal: string; enabledAt: Date }>>;
  addDelegatedAdmin(orgId: string, accountId: string, servicePrincipal: string, at: Date): Promise<void>;
  /** False when it was not registered. */
  removeDelegatedAdmin(orgId: string, accountId: string, servicePrincipal: string): Promise<boolean>;

  /** IAM's organization features enabled (`RootCredentialsManagement`, `RootSessions`), sorted. */
  iamFeatures(orgId: string): Promise<string[]>;
  setIamFeature(orgId: string, feature: string, enabledAt: Date | undefined): Promise<void>;

  tags(orgId: string, resourceId: string): Promise<OrgTag[]>;
  putTags(orgId: string, resourceId: string, tags: OrgTag[]): Promise<void>;
  removeTags(orgId: string, resourceId: string, keys: string[]): Promise<void>;
}
