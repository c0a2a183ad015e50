import type { ConsoleApp } from '../../env.js';
import { registerRoleActions } from './role-actions.js';
import { registerRoleCreate } from './role-create.js';
import { registerRoleGeneratePolicy } from './role-generate-policy.js';
import { registerRoleList } from './role-list.js';
import { registerRolePermissions } from './role-permissions.js';
import { registerRoleTags } from './role-tags.js';
import { registerRoleTrust } from './role-trust.js';

/** Roles: list, the create wizard with the trust-policy editor, and the detail tabs. */
export function registerRoles(app: ConsoleApp): void {
  registerRoleList(app);
  // Before /roles/:name, so "create" is not read as a role name.
  registerRoleCreate(app);
  registerRoleActions(app);
  registerRoleTrust(app);
  registerRoleTags(app);
  registerRoleGeneratePolicy(app);
  registerRolePermissions(app);
}
