import { accessKeyHandlers } from './access-keys.js';
import { accountHandlers } from './account.js';
import { attachmentHandlers } from './attachments.js';
import { groupHandlers } from './groups.js';
import { instanceProfileHandlers } from './instance-profiles.js';
import { inlinePolicyHandlers } from './inline-policies.js';
import { managedPolicyHandlers } from './managed-policies.js';
import { oidcProviderTagHandlers } from './oidc-provider-tags.js';
import { orgFeatureHandlers } from './org-features.js';
import { roleHandlers } from './roles.js';
import { samlProviderHandlers } from './saml-providers.js';
import { serverCertificateHandlers } from './server-certificates.js';
import { serviceLinkedRoleHandlers } from './service-linked-roles.js';
import { credentialHandlers } from '../credentials/handlers.js';
import { mfaHandlers } from '../mfa/handlers.js';
import { passwordHandlers } from '../passwords/handlers.js';
import { simulatorHandlers } from '../simulator/handlers.js';
import { accessAdvisorHandlers } from '../access-advisor/handlers.js';
import { authorizationDetailsHandlers } from '../authorization-details/handlers.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import { userHandlers } from './users.js';

export type { IamDeps, IamHandlers } from '../core/types.js';

/** Every IAM operation Ward implements, by area; the server joins them, refusing a name two areas define. */
export function iamHandlerGroups(deps: IamDeps): IamHandlers[] {
  return [
    userHandlers(deps),
    groupHandlers(deps),
    accessKeyHandlers(deps),
    accountHandlers(deps),
    inlinePolicyHandlers(deps),
    managedPolicyHandlers(deps),
    attachmentHandlers(deps),
    simulatorHandlers(deps),
    accessAdvisorHandlers(deps),
    authorizationDetailsHandlers(deps),
    roleHandlers(deps),
    instanceProfileHandlers(deps),
    serviceLinkedRoleHandlers(deps),
    mfaHandlers(deps),
    passwordHandlers(deps),
    credentialHandlers(deps),
    orgFeatureHandlers(deps),
    oidcProviderTagHandlers(deps),
    samlProviderHandlers(deps),
    serverCertificateHandlers(deps),
  ];
}

/** Every IAM operation Ward implements in one map (tests); the wire layer answers the rest as unsupported. */
export function createIamHandlers(deps: IamDeps): IamHandlers {
  return Object.assign({}, ...iamHandlerGroups(deps)) as IamHandlers;
}
