/**
 * What IAM reads and writes of the caller's organization, for centralized root access: declared
 * here by IAM, its consumer, so IAM never names Organizations' store. Organizations' repository
 * (organizations/store.ts) satisfies it as it stands; the server passes that in.
 */
export interface IamOrganizationsPort {
  /** The organization the account manages or is a member of. */
  orgOfAccount(accountId: string): Promise<IamOrgView | undefined>;
  serviceAccess(orgId: string): Promise<Array<{ servicePrincipal: string }>>;
  delegatedAdmins(orgId: string): Promise<Array<{ accountId: string; servicePrincipal: string }>>;
  /** IAM's organization features enabled (`RootCredentialsManagement`, `RootSessions`), sorted. */
  iamFeatures(orgId: string): Promise<string[]>;
  setIamFeature(orgId: string, feature: string, enabledAt: Date | undefined): Promise<void>;
}

/** The facts of an organization IAM's checks use. */
export interface IamOrgView {
  orgId: string;
  managementAccountId: string;
  featureSet: string;
}
