import type { PageGroup } from '../app.js';
import { registerAccountSettings } from './account-settings/index.js';
import { registerCredentialReport } from './credential-report/index.js';
import { registerIdentityProviders } from './identity-providers/index.js';
import { registerPolicies } from './policies/index.js';
import { registerRoles } from './roles/index.js';
import { registerSimulator } from './simulator/index.js';
import { registerCredentials } from './credentials/index.js';
import { registerEvents } from './events/index.js';
import { registerGroups } from './groups/index.js';
import { registerHome } from './home.js';
import { registerOrganizations } from './organizations/index.js';
import { registerUsers } from './users/index.js';

/** Every page group behind sign-in, in the order their routes are tried. */
export const consolePages: PageGroup[] = [
  registerHome,
  registerCredentials,
  registerOrganizations,
  registerEvents,
  registerUsers,
  registerGroups,
  registerRoles,
  registerPolicies,
  registerSimulator,
  registerAccountSettings,
  registerCredentialReport,
  registerIdentityProviders,
];
