import type { CallContext } from '../../shared/call-context.js';
import type { FeatureType } from '../../wire/generated/iam.js';
import { ROOT_CREDENTIALS_MANAGEMENT, ROOT_SESSIONS, rootAccessOrg } from '../core/org-features.js';
import type { IamOrgView } from '../core/organizations-port.js';
import type { IamDeps, IamHandlers } from '../core/types.js';

/** IAM's organization-features operations; the checks they share with STS and the Account API are in core. */
export function orgFeatureHandlers({ organizations }: IamDeps): IamHandlers {
  const features = async (org: IamOrgView) => ({
    OrganizationId: org.orgId,
    EnabledFeatures: (await organizations!.iamFeatures(org.orgId)) as FeatureType[],
  });
  const toggle = (action: string, feature: string, enable: boolean) => async (_input: unknown, ctx: CallContext) => {
    await ctx.authorize(`iam:${action}`, '*');
    // Enabling is the management account's alone; the delegated administrator may disable.
    const org = await rootAccessOrg(organizations, ctx, enable);
    await organizations!.setIamFeature(org.orgId, feature, enable ? ctx.now : undefined);
    return features(org);
  };
  return {
    EnableOrganizationsRootCredentialsManagement: toggle(
      'EnableOrganizationsRootCredentialsManagement',
      ROOT_CREDENTIALS_MANAGEMENT,
      true,
    ),
    DisableOrganizationsRootCredentialsManagement: toggle(
      'DisableOrganizationsRootCredentialsManagement',
      ROOT_CREDENTIALS_MANAGEMENT,
      false,
    ),
    EnableOrganizationsRootSessions: toggle('EnableOrganizationsRootSessions', ROOT_SESSIONS, true),
    DisableOrganizationsRootSessions: toggle('DisableOrganizationsRootSessions', ROOT_SESSIONS, false),
    async ListOrganizationsFeatures(_input, ctx) {
      await ctx.authorize('iam:ListOrganizationsFeatures', '*');
      return features(await rootAccessOrg(organizations, ctx, false));
    },
  };
}
