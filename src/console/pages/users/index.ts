import type { ConsoleApp } from '../../env.js';
import { registerUserAccessAdvisor } from './access-advisor.js';
import { registerUserCreate } from './create.js';
import { registerUserDelete } from './delete-user.js';
import { registerUserDetail } from './detail.js';
import { registerUserGeneratePolicy } from './generate-policy.js';
import { registerUserList } from './list.js';
import { registerUserGroups } from './user-groups.js';

/**
 * IAM users: list, create, and the detail tabs (Permissions, Groups, Access Advisor, Generate policy) with delete.
 * `/users/create` is registered before `/users/:name` so it is not taken for a user name.
 * The Security credentials tab is registered by its own page group.
 */
export function registerUsers(app: ConsoleApp): void {
  registerUserList(app);
  registerUserCreate(app);
  registerUserDetail(app);
  registerUserGroups(app);
  registerUserAccessAdvisor(app);
  registerUserGeneratePolicy(app);
  registerUserDelete(app);
}
