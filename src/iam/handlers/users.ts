import { iamArn } from '../../shared/arn.js';
import { newUniqueId } from '../../shared/ids.js';
import { iamErrors } from '../errors.js';
import type { Tag, UserRecord } from '../records.js';
import { boundaryPolicy } from '../core/policy-support.js';
import { authorizeNewResourceTags, taggingOperations } from '../tagging/taggable.js';
import { tagConditionKeys, tagsFromRequest } from '../tagging/tag-rules.js';
import { authorizedUser, nonUserCredentials } from '../core/resolve.js';
import { wireRootUser, wireUser } from '../core/shapes.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import { pageOf, truncation } from '../core/paging.js';
import { rethrowAs } from '../core/rethrow-as.js';

export function userHandlers({ store, bus, quotas }: IamDeps): IamHandlers {
  const tagging = taggingOperations(store, {
    kind: 'user',
    find: (ctx, input: { UserName: string }, action, keys) =>
      authorizedUser(store, ctx, input.UserName, action, () => keys),
    id: (user) => user.userId,
    // Tags are aws:PrincipalTag values in the user's own requests.
    changed: (user) => bus.publish('user', user.userId),
  });
  return {
    async CreateUser(input, ctx) {
      const accountId = ctx.principal.accountId;
      const path = input.Path ?? '/';
      const boundaryArn = input.PermissionsBoundary;
      const tags: Tag[] = tagsFromRequest('user', input.Tags);
      await ctx.authorize('iam:CreateUser', iamArn(accountId, 'user', path, input.UserName), {
        ...tagConditionKeys(tags),
        ...(boundaryArn !== undefined ? { 'iam:PermissionsBoundary': boundaryArn } : {}),
      });
      await authorizeNewResourceTags(ctx, 'user', iamArn(accountId, 'user', path, input.UserName), tags);
      // The boundary must name a managed policy the account may use (its own or an AWS managed one).
      const boundary = boundaryArn !== undefined ? await boundaryPolicy(store, boundaryArn, accountId) : undefined;
      const user: UserRecord = {
        userId: newUniqueId('AIDA'),
        accountId,
        userName: input.UserName,
        path,
        createdAt: ctx.now,
        ...(boundary ? { permissionsBoundaryArn: boundary.arn } : {}),
      };
      await store.transaction(async (tx) => {
        if (await tx.users.getByName(accountId, input.UserName)) throw iamErrors.userExists(input.UserName);
        if ((await tx.users.count(accountId)) >= quotas.UsersPerAccount)
          throw iamErrors.quota('UsersPerAccount', quotas.UsersPerAccount);
        await tx.users.create(user, tags).catch(rethrowAs(() => iamErrors.userExists(input.UserName)));
      });
      return { User: wireUser(user, tags) };
    },

    async GetUser(input, ctx) {
      const p = ctx.principal;
      if (input.UserName === undefined && p.kind === 'root') {
        await ctx.authorize('iam:GetUser', p.arn);
        const account = await store.accounts.get(p.accountId);
        return { User: wireRootUser(p.accountId, account?.createdAt ?? ctx.now) };
      }
      if (input.UserName === undefined && p.kind !== 'user' && p.kind !== 'root') throw nonUserCredentials();
      const name = input.UserName ?? (p.kind === 'user' ? p.userName : '');
      const user = await authorizedUser(store, ctx, name, 'iam:GetUser');
      return { User: wireUser(user, await store.tags.list('user', user.userId)) };
    },

    async UpdateUser(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:UpdateUser');
      const newName = input.NewUserName;
      if (newName !== undefined) {
        // Renaming needs permission on the new name as well (IAM documents both resources).
        await ctx.authorize('iam:UpdateUser', iamArn(user.accountId, 'user', input.NewPath ?? user.path, newName));
      }
      await store.transaction(async (tx) => {
        if (newName !== undefined && newName.toLowerCase() !== user.userName.toLowerCase()) {
          if (await tx.users.getByName(user.accountId, newName)) throw iamErrors.userExists(newName);
        }
        await tx.users
          .update(user.userId, {
            ...(newName !== undefined ? { userName: newName } : {}),
            ...(input.NewPath !== undefined ? { path: input.NewPath } : {}),
          })
          .catch(rethrowAs(() => iamErrors.userExists(newName ?? user.userName)));
      });
      bus.publish('user', user.userId);
      return {};
    },

    async DeleteUser(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:DeleteUser');
      await store.transaction(async (tx) => {
        // IAM refuses while anything still hangs off the user; the order follows IAM's checks.
        const entity = { kind: 'user' as const, id: user.userId };
        if (await tx.credentials.getLoginProfile(user.accountId, user.userId))
          throw iamErrors.deleteConflict('delete login profile');
        if ((await tx.inlinePolicies.count(entity)) > 0) throw iamErrors.deleteConflict('delete policies');
        if ((await tx.policyAttachments.attachedCount(entity)) > 0)
          throw iamErrors.deleteConflict('detach all policies');
        if ((await tx.accessKeys.listForOwner(user.accountId, user.userId)).length > 0)
          throw iamErrors.deleteConflict('delete access keys');
        if ((await tx.credentials.signingCertificatesOf(user.accountId, user.userId)).length > 0)
          throw iamErrors.deleteConflict('delete signing certificates');
        if ((await tx.credentials.sshPublicKeysOf(user.userId)).length > 0)
          throw iamErrors.deleteConflict('delete SSH public keys');
        if ((await tx.credentials.mfaDevicesOf(user.accountId, user.userId)).length > 0)
          throw iamErrors.deleteConflict('delete MFA device');
        if ((await tx.groups.groupsOfUser(user.userId, { maxItems: 1 })).items.length > 0)
          throw iamErrors.deleteConflict('remove user from all groups');
        await tx.users.delete(user.userId);
      });
      bus.publish('user', user.userId);
      return {};
    },

    async ListUsers(input, ctx) {
      const accountId = ctx.principal.accountId;
      const prefix = input.PathPrefix ?? '/';
      await ctx.authorize('iam:ListUsers', iamArn(accountId, 'user', prefix, ''));
      const page = await store.users.list(accountId, prefix, pageOf(input));
      return { Users: page.items.map((u) => wireUser(u, undefined, 'list')), ...truncation(page.marker) };
    },

    TagUser: (input, ctx) => tagging.tag(input, ctx),
    UntagUser: (input, ctx) => tagging.untag(input, ctx),
    ListUserTags: (input, ctx) => tagging.list(input, ctx),
  };
}
