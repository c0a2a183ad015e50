import type { ConsoleApp } from '../../env.js';
import { registerOrgEntities } from './entity-pages.js';
import { registerScpDetail } from './policy-detail.js';
import { registerScpList } from './policies-list.js';
import { registerPrivilegedActions } from './privileged-action-page.js';
import { registerRootAccess } from './root-access-page.js';
import { registerOrgTree } from './tree-page.js';

/** AWS Organizations for the management account: the account tree, SCPs and centralized root access. */
export function registerOrganizations(app: ConsoleApp): void {
  registerOrgTree(app);
  registerOrgEntities(app);
  // The list's fixed paths (/new, /enable) before the detail's /:id.
  registerScpList(app);
  registerScpDetail(app);
  registerRootAccess(app);
  registerPrivilegedActions(app);
}
