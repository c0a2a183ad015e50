import { iamArn } from '../../shared/arn.js';
import { newUniqueId } from '../../shared/ids.js';
import { UniqueViolation } from '../../shared/unique-violation.js';
import { iamErrors } from '../errors.js';
import type { Tag, UserRecord } from '../records.js';
import { boundaryPolicy } from './policy-support.js';
import { checkTagLimit, tagsFromWire } from './tags.js';
import { authorizedUser, nonUserCredentials } from './resolve.js';
import { tagConditionKeys } from './policy-support.js';
import { wireRootUser, wireTags, wireUser } from './shapes.js';
import { type IamDeps, type IamHandlers, pageOf, truncation } from './types.js';

export function userHandlers({ store, bus, quotas }: IamDeps): IamHandlers {
  return {
    async CreateUser(input, ctx) {
      const accountId = ctx.principal.accountId;
      const path = input.Path ?? '/';
      const boundaryArn = input.PermissionsBoundary;
      const tags: Tag[] = tagsFromWire(input.Tags);
      await ctx.authorize('iam:CreateUser', iamArn(accountId, 'user', path, input.UserName), {
        ...tagConditionKeys(tags),
        ...(boundaryArn !== undefined ? { 'iam:PermissionsBoundary': boundaryArn } : {}),
      });
      // Creating a user with tags needs iam:TagUser as well ("Tagging IAM users").
      if (tags.length > 0) await ctx.authorize('iam:TagUser', iamArn(accountId, 'user', path, input.UserName), tagConditionKeys(tags));
      checkTagLimit(tags.length);
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
        if ((await tx.users.count(accountId)) >= quotas.UsersPerAccount) throw iamErrors.quota('UsersPerAccount', quotas.UsersPerAccount);
        await tx.users.create(user, tags).catch(rethrowAs(iamErrors.userExists(input.UserName)));
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
      return { User: wireUser(user, await store.users.tags(user.userId)) };
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
          .update(user.userId, { ...(newName !== undefined ? { userName: newName } : {}), ...(input.NewPath !== undefined ? { path: input.NewPath } : {}) })
          .catch(rethrowAs(iamErrors.userExists(newName ?? user.userName)));
      });
      bus.publish('user', user.userId);
      return {};
    },

    async DeleteUser(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:DeleteUser');
      await store.transaction(async (tx) => {
        // IAM refuses while anything still hangs off the user; the order follows IAM's checks.
        const entity = { kind: 'user' as const, id: user.userId };
        if (await tx.credentials.getLoginProfile(user.accountId, user.userId)) throw iamErrors.deleteConflict('delete login profile');
        if ((await tx.policies.inlineCount(entity)) > 0) throw iamErrors.deleteConflict('delete policies');
        if ((await tx.policies.attachedCount(entity)) > 0) throw iamErrors.deleteConflict('detach all policies');
        if ((await tx.accessKeys.listForOwner(user.accountId, user.userId)).length > 0) throw iamErrors.deleteConflict('delete access keys');
        if ((await tx.credentials.signingCertificatesOf(user.accountId, user.userId)).length > 0) throw iamErrors.deleteConflict('delete signing certificates');
        if ((await tx.credentials.sshPublicKeysOf(user.userId)).length > 0) throw iamErrors.deleteConflict('delete SSH public keys');
        if ((await tx.credentials.mfaDevicesOf(user.accountId, user.userId)).length > 0) throw iamErrors.deleteConflict('delete MFA device');
        if ((await tx.groups.groupsOfUser(user.userId, { maxItems: 1 })).items.length > 0) throw iamErrors.deleteConflict('remove user from all groups');
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
      return { Users: page.items.map((u) => wireUser(u)), ...truncation(page.marker) };
    },

    async TagUser(input, ctx) {
      const tags = tagsFromWire(input.Tags);
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:TagUser', () => tagConditionKeys(tags));
      await store.transaction(async (tx) => {
        const existing = new Set((await tx.users.tags(user.userId)).map((t) => t.key.toLowerCase()));
        for (const t of tags) existing.add(t.key.toLowerCase());
        checkTagLimit(existing.size);
        await tx.users.putTags(user.userId, tags);
      });
      // Tags are aws:PrincipalTag values in the user's own requests.
      bus.publish('user', user.userId);
      return {};
    },

    async UntagUser(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:UntagUser', () => ({ 'aws:TagKeys': input.TagKeys }));
      await store.transaction((tx) => tx.users.removeTags(user.userId, input.TagKeys));
      bus.publish('user', user.userId);
      return {};
    },

    async ListUserTags(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:ListUserTags');
      const all = await store.users.tags(user.userId);
      const { marker, maxItems } = pageOf(input);
      const start = marker === undefined ? 0 : Number.parseInt(marker, 10) || 0;
      const slice = all.slice(start, start + maxItems);
      const next = start + maxItems < all.length ? String(start + maxItems) : undefined;
      return { Tags: wireTags(slice), ...truncation(next) };
    },
  };
}

/** A uniqueness race lost to another writer reads as the same error the pre-check gives. */
export function rethrowAs(error: Error) {
  return (err: unknown): never => {
    if (err instanceof UniqueViolation) throw error;
    throw err;
  };
}
