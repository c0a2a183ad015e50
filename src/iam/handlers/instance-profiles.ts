import { iamArn } from '../../shared/arn.js';
import { newUniqueId } from '../../shared/ids.js';
import { iamErrors } from '../errors.js';
import type { InstanceProfileRecord } from '../records.js';
import { authorizeNewResourceTags, taggingOperations } from '../tagging/taggable.js';
import { tagConditionKeys, tagsFromRequest } from '../tagging/tag-rules.js';
import { authorizedInstanceProfile, authorizedRole } from '../core/resolve.js';
import { wireInstanceProfile, wireTags } from '../core/shapes.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import { pageOf, truncation } from '../core/paging.js';
import { rethrowAs } from '../core/rethrow-as.js';

/** An instance profile holds at most one role, and AWS does not raise that quota. */
const ROLES_PER_INSTANCE_PROFILE = 1;

/** Instance profiles: containers that pass one role to EC2 instances. */
export function instanceProfileHandlers({ store, bus, quotas }: IamDeps): IamHandlers {
  const withRoles = async (p: InstanceProfileRecord) =>
    wireInstanceProfile(p, await store.instanceProfiles.roles(p.instanceProfileId));
  const tagging = taggingOperations(store, {
    kind: 'instance-profile',
    find: (ctx, input: { InstanceProfileName: string }, action, keys) =>
      authorizedInstanceProfile(store, ctx, input.InstanceProfileName, action, () => keys),
    id: (profile) => profile.instanceProfileId,
  });
  return {
    async CreateInstanceProfile(input, ctx) {
      const accountId = ctx.principal.accountId;
      const path = input.Path ?? '/';
      const arn = iamArn(accountId, 'instance-profile', path, input.InstanceProfileName);
      const tags = tagsFromRequest('instance-profile', input.Tags);
      await ctx.authorize('iam:CreateInstanceProfile', arn, tagConditionKeys(tags));
      await authorizeNewResourceTags(ctx, 'instance-profile', arn, tags);
      const profile: InstanceProfileRecord = {
        instanceProfileId: newUniqueId('AIPA'),
        accountId,
        instanceProfileName: input.InstanceProfileName,
        path,
        createdAt: ctx.now,
      };
      const exists = () => iamErrors.instanceProfileExists(input.InstanceProfileName);
      await store.transaction(async (tx) => {
        if (await tx.instanceProfiles.getByName(accountId, input.InstanceProfileName)) throw exists();
        if ((await tx.instanceProfiles.count(accountId)) >= quotas.InstanceProfiles)
          throw iamErrors.quota('InstanceProfilesPerAccount', quotas.InstanceProfiles);
        await tx.instanceProfiles.create(profile, tags).catch(rethrowAs(exists));
      });
      return { InstanceProfile: wireInstanceProfile(profile, [], tags) };
    },

    async GetInstanceProfile(input, ctx) {
      const profile = await authorizedInstanceProfile(store, ctx, input.InstanceProfileName, 'iam:GetInstanceProfile');
      const [roles, tags] = await Promise.all([
        store.instanceProfiles.roles(profile.instanceProfileId),
        store.tags.list('instance-profile', profile.instanceProfileId),
      ]);
      // GetInstanceProfile always carries Tags, an empty list when there are none (as AWS answers).
      return { InstanceProfile: { ...wireInstanceProfile(profile, roles), Tags: wireTags(tags) } };
    },

    async ListInstanceProfiles(input, ctx) {
      const accountId = ctx.principal.accountId;
      const prefix = input.PathPrefix ?? '/';
      await ctx.authorize('iam:ListInstanceProfiles', iamArn(accountId, 'instance-profile', prefix, ''));
      const page = await store.instanceProfiles.list(accountId, prefix, pageOf(input));
      return { InstanceProfiles: await Promise.all(page.items.map(withRoles)), ...truncation(page.marker) };
    },

    async ListInstanceProfilesForRole(input, ctx) {
      const role = await authorizedRole(store, ctx, input.RoleName, 'iam:ListInstanceProfilesForRole');
      const page = await store.instanceProfiles.forRole(role.roleId, pageOf(input));
      return { InstanceProfiles: await Promise.all(page.items.map(withRoles)), ...truncation(page.marker) };
    },

    async DeleteInstanceProfile(input, ctx) {
      const profile = await authorizedInstanceProfile(
        store,
        ctx,
        input.InstanceProfileName,
        'iam:DeleteInstanceProfile',
      );
      await store.transaction(async (tx) => {
        if ((await tx.instanceProfiles.roles(profile.instanceProfileId)).length > 0)
          throw iamErrors.deleteConflict('remove roles from instance profile');
        await tx.instanceProfiles.delete(profile.instanceProfileId);
      });
      return {};
    },

    async AddRoleToInstanceProfile(input, ctx) {
      const profile = await authorizedInstanceProfile(
        store,
        ctx,
        input.InstanceProfileName,
        'iam:AddRoleToInstanceProfile',
      );
      // "The caller of this operation must be granted the PassRole permission on the IAM role": an
      // instance profile hands its role to EC2, so without it anyone who may edit profiles could
      // give an instance (and themselves through it) any role's permissions. The context is what
      // AWS documents for this call: EC2 as the service, any instance of the caller's account.
      const role = await authorizedRole(store, ctx, input.RoleName, 'iam:PassRole', () => ({
        'iam:PassedToService': 'ec2.amazonaws.com',
        'iam:AssociatedResourceArn': `arn:aws:ec2:*:${profile.accountId}:instance/*`,
      }));
      await store.transaction(async (tx) => {
        const roles = await tx.instanceProfiles.roles(profile.instanceProfileId);
        if (roles.length >= ROLES_PER_INSTANCE_PROFILE)
          throw iamErrors.quota('InstanceSessionsPerInstanceProfile', ROLES_PER_INSTANCE_PROFILE);
        await tx.instanceProfiles.addRole(profile.instanceProfileId, role.roleId);
      });
      bus.publish('policies', '*');
      return {};
    },

    async RemoveRoleFromInstanceProfile(input, ctx) {
      const profile = await authorizedInstanceProfile(
        store,
        ctx,
        input.InstanceProfileName,
        'iam:RemoveRoleFromInstanceProfile',
      );
      const role = await store.roles.getByName(profile.accountId, input.RoleName);
      if (!role) throw iamErrors.noSuchRole(input.RoleName);
      const removed = await store.transaction((tx) =>
        tx.instanceProfiles.removeRole(profile.instanceProfileId, role.roleId),
      );
      if (!removed) throw iamErrors.noSuchRole(input.RoleName);
      bus.publish('policies', '*');
      return {};
    },

    TagInstanceProfile: (input, ctx) => tagging.tag(input, ctx),
    UntagInstanceProfile: (input, ctx) => tagging.untag(input, ctx),
    ListInstanceProfileTags: (input, ctx) => tagging.list(input, ctx),
  };
}
