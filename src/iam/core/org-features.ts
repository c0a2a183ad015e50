import { AwsError } from '../../shared/aws-error.js';
import type { CallContext } from '../../shared/call-context.js';
import type { IamOrganizationsPort, IamOrgView } from './organizations-port.js';

/**
 * Centralized root access for member accounts (IAM's organization features). The features live
 * with the organization (`org_iam_features`, migration 008). The exceptions have no `error` trait
 * in the IAM model, so they go out under their shape names with 400; the texts are the IAM API
 * reference's descriptions of each exception.
 */
export const ROOT_CREDENTIALS_MANAGEMENT = 'RootCredentialsManagement';
export const ROOT_SESSIONS = 'RootSessions';
export const IAM_SERVICE_PRINCIPAL = 'iam.amazonaws.com';

export const orgFeatureErrors = {
  organizationNotFound: () =>
    new AwsError(
      'OrganizationNotFoundException',
      'The request was rejected because no organization is associated with your account.',
      400,
    ),
  notAllFeatures: () =>
    new AwsError(
      'OrganizationNotInAllFeaturesModeException',
      'The request was rejected because your organization does not have All features enabled.',
      400,
    ),
  serviceAccessNotEnabled: () =>
    new AwsError(
      'ServiceAccessNotEnabledException',
      'The request was rejected because trusted access is not enabled for IAM in Organizations. For details, see IAM and Organizations in the Organizations User Guide.',
      400,
    ),
  notManagementOrDelegated: () =>
    new AwsError(
      'AccountNotManagementOrDelegatedAdministratorException',
      'The request was rejected because the account making the request is not the management account or delegated administrator account for centralized root access.',
      400,
    ),
  notManagement: () =>
    new AwsError(
      'CallerIsNotManagementAccountException',
      'The request was rejected because the account making the request is not the management account for the organization.',
      400,
    ),
};

/** Whether `accountId` is the management account or the delegated administrator for IAM of `org`. */
export async function isManagementOrIamAdmin(
  repo: IamOrganizationsPort,
  org: IamOrgView,
  accountId: string,
): Promise<boolean> {
  if (org.managementAccountId === accountId) return true;
  return (await repo.delegatedAdmins(org.orgId)).some(
    (d) => d.accountId === accountId && d.servicePrincipal === IAM_SERVICE_PRINCIPAL,
  );
}

/**
 * The caller's organization, checked as AWS does before any centralized-root-access operation:
 * an organization (Ward's are always in all-features mode, so OrganizationNotInAllFeaturesMode
 * never arises), trusted access for iam.amazonaws.com, and the caller's account's standing.
 */
export async function rootAccessOrg(
  repo: IamOrganizationsPort | undefined,
  ctx: CallContext,
  managementOnly: boolean,
): Promise<IamOrgView> {
  const accountId = ctx.principal.accountId;
  const org = repo && (await repo.orgOfAccount(accountId));
  if (!repo || !org) throw orgFeatureErrors.organizationNotFound();
  if (org.featureSet !== 'ALL') throw orgFeatureErrors.notAllFeatures();
  if (!(await repo.serviceAccess(org.orgId)).some((s) => s.servicePrincipal === IAM_SERVICE_PRINCIPAL))
    throw orgFeatureErrors.serviceAccessNotEnabled();
  if (managementOnly) {
    if (org.managementAccountId !== accountId) {
      throw (await isManagementOrIamAdmin(repo, org, accountId))
        ? orgFeatureErrors.notManagement()
        : orgFeatureErrors.notManagementOrDelegated();
    }
  } else if (!(await isManagementOrIamAdmin(repo, org, accountId))) throw orgFeatureErrors.notManagementOrDelegated();
  return org;
}
