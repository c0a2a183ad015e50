import { orgAccountHandlers } from './org-accounts.js';
import { serviceAccessHandlers } from './service-access.js';
import type { OrgDeps, OrgHandlers } from './support.js';
import { treePolicyHandlers } from './tree-policies.js';

export type { OrgDeps, OrgHandlers, OrgStore } from './support.js';

/** Every Organizations operation Ward implements; the wire layer answers the rest as unsupported. */
export function createOrganizationsHandlers(deps: OrgDeps): OrgHandlers {
  return { ...orgAccountHandlers(deps), ...treePolicyHandlers(deps), ...serviceAccessHandlers(deps) };
}
