import { iamErrors } from '../errors.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import { offsetPage } from '../core/paging.js';
import { rethrowAs } from '../core/rethrow-as.js';

export function accountHandlers({ store, bus, quotas, identityProviders, samlProviders }: IamDeps): IamHandlers {
  return {
    async CreateAccountAlias(input, ctx) {
      const accountId = ctx.principal.accountId;
      await ctx.authorize('iam:CreateAccountAlias', '*');
      await store.transaction(async (tx) => {
        const owner = await tx.accounts.findByAlias(input.AccountAlias);
        if (owner !== undefined && owner !== accountId) throw iamErrors.aliasExists(input.AccountAlias);
        if (owner === accountId) return;
        // An account has at most one alias: creating another replaces it, as the console's "Edit" does.
        await tx.accounts
          .setAlias(accountId, input.AccountAlias)
          .catch(rethrowAs(() => iamErrors.aliasExists(input.AccountAlias)));
      });
      bus.publish('account', accountId);
      return {};
    },

    async DeleteAccountAlias(input, ctx) {
      const accountId = ctx.principal.accountId;
      await ctx.authorize('iam:DeleteAccountAlias', '*');
      await store.transaction(async (tx) => {
        if ((await tx.accounts.getAlias(accountId)) !== input.AccountAlias)
          throw iamErrors.noSuchAlias(input.AccountAlias);
        await tx.accounts.deleteAlias(accountId);
      });
      bus.publish('account', accountId);
      return {};
    },

    async ListAccountAliases(input, ctx) {
      await ctx.authorize('iam:ListAccountAliases', '*');
      const alias = await store.accounts.getAlias(ctx.principal.accountId);
      const { items, ...page } = offsetPage(alias === undefined ? [] : [alias], input);
      return { AccountAliases: items, ...page };
    },

    async GetAccountSummary(_input, ctx) {
      const accountId = ctx.principal.accountId;
      await ctx.authorize('iam:GetAccountSummary', '*');
      const [users, groups, rootKeys, policies, serverCertificates] = await Promise.all([
        store.users.count(accountId),
        store.groups.count(accountId),
        store.accessKeys.listForOwner(accountId, undefined),
        store.policies.summary(accountId),
        store.serverCertificates.list(accountId, '/'),
      ]);
      const [roles, instanceProfiles, devices, rootDevices, rootPassword, rootCertificates, providers, saml] =
        await Promise.all([
          store.roles.count(accountId),
          store.instanceProfiles.count(accountId),
          store.credentials.listMfaDevices(accountId, 'Any'),
          store.credentials.mfaDevicesOf(accountId, undefined),
          store.credentials.getLoginProfile(accountId, undefined),
          store.credentials.signingCertificatesOf(accountId, undefined),
          identityProviders?.list(accountId) ?? Promise.resolve([]),
          samlProviders?.samlProviders.count(accountId) ?? Promise.resolve(0),
        ]);
      const q = quotas;
      return {
        SummaryMap: {
          Users: users,
          UsersQuota: q.UsersPerAccount,
          Groups: groups,
          GroupsQuota: q.GroupsPerAccount,
          ServerCertificates: serverCertificates.length,
          ServerCertificatesQuota: q.ServerCertificatesPerAccount,
          UserPolicySizeQuota: q.UserPolicySize,
          GroupPolicySizeQuota: q.GroupPolicySize,
          GroupsPerUserQuota: q.GroupsPerUser,
          SigningCertificatesPerUserQuota: q.SigningCertificatesPerUser,
          AccessKeysPerUserQuota: q.AccessKeysPerUser,
          MFADevices: devices.length,
          MFADevicesInUse: devices.filter((d) => d.enableDate !== undefined).length,
          AccountMFAEnabled: rootDevices.some((d) => d.enableDate !== undefined) ? 1 : 0,
          AccountAccessKeysPresent: rootKeys.length > 0 ? 1 : 0,
          AccountPasswordPresent: rootPassword ? 1 : 0,
          AccountSigningCertificatesPresent: rootCertificates.length > 0 ? 1 : 0,
          AttachedPoliciesPerGroupQuota: q.AttachedPoliciesPerEntity,
          AttachedPoliciesPerRoleQuota: q.AttachedPoliciesPerEntity,
          AttachedPoliciesPerUserQuota: q.AttachedPoliciesPerEntity,
          Policies: policies.policies,
          PoliciesQuota: q.CustomerManagedPolicies,
          PolicySizeQuota: q.PolicySize,
          PolicyVersionsInUse: policies.attachments,
          PolicyVersionsInUseQuota: q.PolicyVersionsInUse,
          VersionsPerPolicyQuota: q.VersionsPerPolicy,
          GlobalEndpointTokenVersion: 1,
          AssumeRolePolicySizeQuota: q.AssumeRolePolicySize,
          InstanceProfiles: instanceProfiles,
          InstanceProfilesQuota: q.InstanceProfiles,
          // OIDC and SAML providers alike.
          Providers: providers.length + saml,
          RolePolicySizeQuota: q.RolePolicySize,
          Roles: roles,
          RolesQuota: q.Roles,
        },
      };
    },
  };
}
