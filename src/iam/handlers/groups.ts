import { iamArn } from '../../shared/arn.js';
import type { CallContext } from '../../shared/call-context.js';
import { newUniqueId } from '../../shared/ids.js';
import { iamErrors } from '../errors.js';
import type { IamStore } from '../iam-store.js';
import { authorizedGroup, authorizedUser } from '../core/resolve.js';
import { wireGroup, wireUser } from '../core/shapes.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import { groupArn } from '../core/arns.js';
import { pageOf, truncation } from '../core/paging.js';
import { rethrowAs } from '../core/rethrow-as.js';

export function groupHandlers({ store, bus, quotas }: IamDeps): IamHandlers {
  return {
    async CreateGroup(input, ctx) {
      const accountId = ctx.principal.accountId;
      const path = input.Path ?? '/';
      await ctx.authorize('iam:CreateGroup', iamArn(accountId, 'group', path, input.GroupName));
      const group = { groupId: newUniqueId('AGPA'), accountId, groupName: input.GroupName, path, createdAt: ctx.now };
      await store.transaction(async (tx) => {
        if (await tx.groups.getByName(accountId, input.GroupName)) throw iamErrors.groupExists(input.GroupName);
        if ((await tx.groups.count(accountId)) >= quotas.GroupsPerAccount)
          throw iamErrors.quota('GroupsPerAccount', quotas.GroupsPerAccount);
        await tx.groups.create(group).catch(rethrowAs(() => iamErrors.groupExists(input.GroupName)));
      });
      return { Group: wireGroup(group) };
    },

    async GetGroup(input, ctx) {
      const group = await authorizedGroup(store, ctx, input.GroupName, 'iam:GetGroup');
      const page = await store.groups.members(group.groupId, pageOf(input));
      return { Group: wireGroup(group), Users: page.items.map((u) => wireUser(u)), ...truncation(page.marker) };
    },

    async ListGroups(input, ctx) {
      const accountId = ctx.principal.accountId;
      const prefix = input.PathPrefix ?? '/';
      await ctx.authorize('iam:ListGroups', iamArn(accountId, 'group', prefix, ''));
      const page = await store.groups.list(accountId, prefix, pageOf(input));
      return { Groups: page.items.map(wireGroup), ...truncation(page.marker) };
    },

    async UpdateGroup(input, ctx) {
      const group = await authorizedGroup(store, ctx, input.GroupName, 'iam:UpdateGroup');
      const newName = input.NewGroupName;
      // AWS: "the requester must have appropriate permissions on both the source object and the target object".
      if (newName !== undefined || input.NewPath !== undefined)
        await ctx.authorize(
          'iam:UpdateGroup',
          iamArn(group.accountId, 'group', input.NewPath ?? group.path, newName ?? group.groupName),
        );
      await store.transaction(async (tx) => {
        if (newName !== undefined && newName.toLowerCase() !== group.groupName.toLowerCase()) {
          if (await tx.groups.getByName(group.accountId, newName)) throw iamErrors.groupExists(newName);
        }
        await tx.groups
          .update(group.groupId, {
            ...(newName !== undefined ? { groupName: newName } : {}),
            ...(input.NewPath !== undefined ? { path: input.NewPath } : {}),
          })
          .catch(rethrowAs(() => iamErrors.groupExists(newName ?? group.groupName)));
      });
      return {};
    },

    async DeleteGroup(input, ctx) {
      const group = await authorizedGroup(store, ctx, input.GroupName, 'iam:DeleteGroup');
      await store.transaction(async (tx) => {
        if ((await tx.groups.memberCount(group.groupId)) > 0) throw iamErrors.deleteConflict('remove users from group');
        const entity = { kind: 'group' as const, id: group.groupId };
        if ((await tx.inlinePolicies.count(entity)) > 0) throw iamErrors.deleteConflict('delete policies');
        if ((await tx.policyAttachments.attachedCount(entity)) > 0)
          throw iamErrors.deleteConflict('detach all policies');
        await tx.groups.delete(group.groupId);
      });
      return {};
    },

    async AddUserToGroup(input, ctx) {
      const { group, user } = await membership(store, ctx, input, 'iam:AddUserToGroup');
      await store.transaction(async (tx) => {
        const current = await tx.groups.groupsOfUser(user.userId, { maxItems: quotas.GroupsPerUser + 1 });
        const already = current.items.some((g) => g.groupId === group.groupId);
        if (!already && current.items.length >= quotas.GroupsPerUser)
          throw iamErrors.quota('GroupsPerUser', quotas.GroupsPerUser);
        await tx.groups.addMember(group.groupId, user.userId);
      });
      // The group's policies now apply to the user.
      bus.publish('user', user.userId);
      return {};
    },

    async RemoveUserFromGroup(input, ctx) {
      const { group, user } = await membership(store, ctx, input, 'iam:RemoveUserFromGroup');
      await store.transaction((tx) => tx.groups.removeMember(group.groupId, user.userId));
      bus.publish('user', user.userId);
      return {};
    },

    async ListGroupsForUser(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:ListGroupsForUser');
      const page = await store.groups.groupsOfUser(user.userId, pageOf(input));
      return { Groups: page.items.map(wireGroup), ...truncation(page.marker) };
    },
  };
}

/**
 * The group and user of a membership change, authorized on the group. AWS looks the user up
 * first: when neither exists, NoSuchEntity names the user.
 */
async function membership(
  store: IamStore,
  ctx: CallContext,
  input: { GroupName: string; UserName: string },
  action: string,
) {
  const accountId = ctx.principal.accountId;
  const found = await store.groups.getByName(accountId, input.GroupName);
  await ctx.authorize(action, found ? groupArn(found) : iamArn(accountId, 'group', '/', input.GroupName));
  const user = await store.users.getByName(accountId, input.UserName);
  if (!user) throw iamErrors.noSuchUser(input.UserName);
  if (!found) throw iamErrors.noSuchGroup(input.GroupName);
  return { group: found, user };
}
