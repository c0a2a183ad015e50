import { accountShape } from './org-accounts.js';
import { UNRECOGNIZED_SERVICE_PRINCIPAL, isKnownServicePrincipal } from './service-principals.js';
import { MSG, type OrgDeps, type OrgHandlers, accountArn, managementOrg, paginate } from './support.js';

/** Trusted access for AWS services, and the member accounts registered as their delegated administrators. */
export function serviceAccessHandlers(deps: OrgDeps): OrgHandlers {
  const { store } = deps;
  /** AWS names only the services that work with Organizations; any other principal is refused. */
  const knownPrincipal = (principal: string): void => {
    if (!isKnownServicePrincipal(principal))
      throw deps.error('InvalidInputException', UNRECOGNIZED_SERVICE_PRINCIPAL, {
        Reason: 'UNRECOGNIZED_SERVICE_PRINCIPAL',
      });
  };

  return {
    async EnableAWSServiceAccess(input, ctx) {
      const org = await managementOrg(deps, ctx, 'EnableAWSServiceAccess');
      knownPrincipal(input.ServicePrincipal);
      await store.transaction(async (tx) => {
        // Enabling a service that is already enabled changes nothing: it keeps its DateEnabled.
        if (
          (await tx.organizations.serviceAccess(org.orgId)).some((s) => s.servicePrincipal === input.ServicePrincipal)
        )
          return;
        await tx.organizations.setServiceAccess(org.orgId, input.ServicePrincipal, ctx.now);
      });
      return {};
    },

    async DisableAWSServiceAccess(input, ctx) {
      const org = await managementOrg(deps, ctx, 'DisableAWSServiceAccess');
      knownPrincipal(input.ServicePrincipal);
      await store.organizations.setServiceAccess(org.orgId, input.ServicePrincipal, undefined);
      return {};
    },

    async ListAWSServiceAccessForOrganization(input, ctx) {
      const org = await managementOrg(deps, ctx, 'ListAWSServiceAccessForOrganization');
      const all = (await store.organizations.serviceAccess(org.orgId)).map((s) => ({
        ServicePrincipal: s.servicePrincipal,
        DateEnabled: s.enabledAt,
      }));
      const { page, NextToken } = paginate(all, input, deps);
      return { EnabledServicePrincipals: page, ...(NextToken ? { NextToken } : {}) };
    },

    async RegisterDelegatedAdministrator(input, ctx) {
      const org = await managementOrg(deps, ctx, 'RegisterDelegatedAdministrator', (o) =>
        accountArn(o, input.AccountId),
      );
      knownPrincipal(input.ServicePrincipal);
      if (input.AccountId === org.managementAccountId) {
        throw deps.error(
          'ConstraintViolationException',
          'You cannot register master account/yourself as delegated administrator for your organization.',
          {
            Reason: 'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR',
          },
        );
      }
      const a = await store.organizations.getAccount(input.AccountId);
      if (!a || a.orgId !== org.orgId) throw deps.error('AccountNotFoundException', MSG.accountNotFound);
      const existing = await store.organizations.delegatedAdmins(org.orgId);
      if (existing.some((d) => d.accountId === input.AccountId && d.servicePrincipal === input.ServicePrincipal))
        throw deps.error('AccountAlreadyRegisteredException', MSG.alreadyRegistered);
      await store.organizations.addDelegatedAdmin(org.orgId, input.AccountId, input.ServicePrincipal, ctx.now);
      return {};
    },

    async DeregisterDelegatedAdministrator(input, ctx) {
      const org = await managementOrg(deps, ctx, 'DeregisterDelegatedAdministrator', (o) =>
        accountArn(o, input.AccountId),
      );
      knownPrincipal(input.ServicePrincipal);
      const a = await store.organizations.getAccount(input.AccountId);
      if (!a || a.orgId !== org.orgId) throw deps.error('AccountNotFoundException', MSG.accountNotFound);
      if (!(await store.organizations.removeDelegatedAdmin(org.orgId, input.AccountId, input.ServicePrincipal)))
        throw deps.error('AccountNotRegisteredException', MSG.notRegistered);
      return {};
    },

    async ListDelegatedAdministrators(input, ctx) {
      const org = await managementOrg(deps, ctx, 'ListDelegatedAdministrators');
      if (input.ServicePrincipal !== undefined) knownPrincipal(input.ServicePrincipal);
      const byAccount = new Map<string, Date>();
      for (const d of await store.organizations.delegatedAdmins(org.orgId)) {
        if (input.ServicePrincipal !== undefined && d.servicePrincipal !== input.ServicePrincipal) continue;
        const first = byAccount.get(d.accountId);
        if (!first || d.enabledAt < first) byAccount.set(d.accountId, d.enabledAt);
      }
      const admins = [];
      for (const [accountId, at] of byAccount) {
        const a = await store.organizations.getAccount(accountId);
        if (!a) continue;
        admins.push({ ...accountShape(org, a), DelegationEnabledDate: at });
      }
      const { page, NextToken } = paginate(admins, input, deps);
      return { DelegatedAdministrators: page, ...(NextToken ? { NextToken } : {}) };
    },

    async ListDelegatedServicesForAccount(input, ctx) {
      const org = await managementOrg(deps, ctx, 'ListDelegatedServicesForAccount', (o) =>
        accountArn(o, input.AccountId),
      );
      const mine = (await store.organizations.delegatedAdmins(org.orgId)).filter(
        (d) => d.accountId === input.AccountId,
      );
      if (mine.length === 0) throw deps.error('AccountNotRegisteredException', MSG.notRegistered);
      const { page, NextToken } = paginate(
        mine.map((d) => ({ ServicePrincipal: d.servicePrincipal, DelegationEnabledDate: d.enabledAt })),
        input,
        deps,
      );
      return { DelegatedServices: page, ...(NextToken ? { NextToken } : {}) };
    },
  };
}
