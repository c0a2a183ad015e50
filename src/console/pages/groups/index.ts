import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { type Step, groupPath, listAll } from '../users/common.js';
import { registerDeletion } from '../users/delete-confirm.js';
import { attachedPolicies, deleteInlinePolicy, detachPolicy, inlinePolicyNames } from '../users/permissions.js';
import { registerGroupDetail } from './detail.js';
import { registerGroupList } from './list.js';

/** DeleteGroup refuses while it has members or policies; AWS's console removes them first. */
function deleteGroupSteps(c: ConsoleContext, name: string): Step[] {
  return [
    {
      label: 'Remove users from the group',
      run: async () => {
        for (const u of await listAll<{ UserName: string }>(c, 'GetGroup', { GroupName: name }, 'Users'))
          await c.var.call('iam', 'RemoveUserFromGroup', { GroupName: name, UserName: u.UserName });
      },
    },
    {
      label: 'Delete inline policies',
      run: async () => {
        for (const policy of await inlinePolicyNames(c, 'group', name))
          await deleteInlinePolicy(c, 'group', name, policy);
      },
    },
    {
      label: 'Detach managed policies',
      run: async () => {
        for (const p of await attachedPolicies(c, 'group', name))
          await detachPolicy(c, 'group', name, p.PolicyArn ?? '');
      },
    },
    { label: `Delete group ${name}`, run: () => c.var.call('iam', 'DeleteGroup', { GroupName: name }) },
  ];
}

/** IAM user groups: list, create, detail (members, permissions) and delete. `/groups/create` comes before `/groups/:name`. */
export function registerGroups(app: ConsoleApp): void {
  registerGroupList(app);
  registerGroupDetail(app);
  registerDeletion(app, {
    noun: 'group',
    route: '/groups/:name',
    nav: '/console/groups',
    pathOf: groupPath,
    listPath: '/console/groups',
    consequences: ['user memberships', 'inline policies', 'attached managed policies'],
    steps: deleteGroupSteps,
  });
}
