import { iamArn } from '../../shared/arn.js';
import { newUniqueId } from '../../shared/ids.js';
import type { CallContext } from '../../shared/call-context.js';
import { iamErrors } from '../errors.js';
import type { IamStore } from '../iam-store.js';
import type { GroupRecord } from '../records.js';
import { authorizedUser } from './resolve.js';
import { groupArn, wireGroup, wireUser } from './shapes.js';
import { type IamDeps, type IamHandlers, pageOf, truncation } from './types.js';
import { rethrowAs } from './users.js';

async function authorizedGroup(store: IamStore, ctx: CallContext, groupName: string, action: string): Promise<GroupRecord> {
  const accountId = ctx.principal.accountId;
  const group = await store.groups.getByName(accountId, groupName);
  await ctx.authorize(action, group ? groupArn(group) : iamArn(accountId, 'group', '/', groupName));
  if (!group) throw iamErrors.noSuchGroup(groupName);
  return group;
}

export function groupHandlers({ store, quotas }: IamDeps): IamHandlers {
  return {
    async CreateGroup(input, ctx) {
      const accountId = ctx.principal.accountId;
      const path = input.Path ?? '/';
      await ctx.authorize('iam:CreateGroup', iamArn(accountId, 'group', path, input.GroupName));
      const group = { groupId: newUniqueId('AGPA'), accountId, groupName: input.GroupName, path, createdAt: ctx.now };
      await store.transaction(async (tx) => {
        if (await tx.groups.getByName(accountId, input.GroupName)) throw iamErrors.groupExists(input.GroupName);
        if ((await tx.groups.count(accountId)) >= quotas.GroupsPerAccount) throw iamErrors.quota('GroupsPerAccount', quotas.GroupsPerAccount);
        await tx.groups.create(group).catch(rethrowAs(iamErrors.groupExists(input.GroupName)));
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

    async DeleteGroup(input, ctx) {
      const group = await authorizedGroup(store, ctx, input.GroupName, 'iam:DeleteGroup');
      await store.transaction(async (tx) => {
        if ((await tx.groups.memberCount(group.groupId)) > 0) throw iamErrors.deleteConflict('remove users from group');
        await tx.groups.delete(group.groupId);
      });
      return {};
    },

    async AddUserToGroup(input, ctx) {
      const group = await authorizedGroup(store, ctx, input.GroupName, 'iam:AddUserToGroup');
      const user = await store.users.getByName(group.accountId, input.UserName);
      if (!user) throw iamErrors.noSuchUser(input.UserName);
      await store.transaction(async (tx) => {
        const current = await tx.groups.groupsOfUser(user.userId, { maxItems: quotas.GroupsPerUser + 1 });
        const already = current.items.some((g) => g.groupId === group.groupId);
        if (!already && current.items.length >= quotas.GroupsPerUser) throw iamErrors.quota('GroupsPerUser', quotas.GroupsPerUser);
        await tx.groups.addMember(group.groupId, user.userId);
      });
      return {};
    },

    async RemoveUserFromGroup(input, ctx) {
      const group = await authorizedGroup(store, ctx, input.GroupName, 'iam:RemoveUserFromGroup');
      const user = await store.users.getByName(group.accountId, input.UserName);
      if (!user) throw iamErrors.noSuchUser(input.UserName);
      await store.transaction((tx) => tx.groups.removeMember(group.groupId, user.userId));
      return {};
    },

    async ListGroupsForUser(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:ListGroupsForUser');
      const page = await store.groups.groupsOfUser(user.userId, pageOf(input));
      return { Groups: page.items.map(wireGroup), ...truncation(page.marker) };
    },
  };
}
