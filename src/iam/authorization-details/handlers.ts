import type { EntityType } from '../../wire/generated/iam.js';
import { wirePolicy } from '../core/policy-support.js';
import { encodePolicyDocument, wireInstanceProfile, wireRole, wireTags } from '../core/shapes.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import type { IamStore } from '../iam-store.js';
import type { PolicyEntity } from '../records.js';
import { offsetPage } from '../core/paging.js';
import { groupArn, userArn } from '../core/arns.js';

const ALL = { maxItems: 100_000 };
const boundaryOf = (arn: string | undefined) =>
  arn
    ? {
        PermissionsBoundary: {
          PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const,
          PermissionsBoundaryArn: arn,
        },
      }
    : {};

async function inlineAndAttached(store: IamStore, entity: PolicyEntity) {
  const [inline, attached] = await Promise.all([
    store.inlinePolicies.documents(entity),
    store.policyAttachments.attachedTo(entity, '/', ALL),
  ]);
  return {
    inline: inline.map((p) => ({ PolicyName: p.policyName, PolicyDocument: encodePolicyDocument(p.document) })),
    attached: attached.items.map((a) => ({ PolicyName: a.policyName, PolicyArn: a.policyArn })),
  };
}

type Item = { kind: 'user' | 'group' | 'role' | 'policy'; build: () => Promise<object> };

/**
 * GetAccountAuthorizationDetails: every user, group, role and managed policy of the account with
 * their policies and relationships. AWS managed policies are listed when something in the account
 * uses them, and documents are URL-encoded as everywhere else in IAM.
 */
export function authorizationDetailsHandlers({ store }: IamDeps): IamHandlers {
  return {
    async GetAccountAuthorizationDetails(input, ctx) {
      await ctx.authorize('iam:GetAccountAuthorizationDetails', '*');
      const accountId = ctx.principal.accountId;
      const wanted = new Set<EntityType>(
        input.Filter && input.Filter.length > 0
          ? input.Filter
          : ['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy'],
      );
      const items: Item[] = [];

      if (wanted.has('User')) {
        for (const u of (await store.users.list(accountId, '/', ALL)).items) {
          items.push({
            kind: 'user',
            build: async () => {
              const [p, groups, tags] = await Promise.all([
                inlineAndAttached(store, { kind: 'user', id: u.userId }),
                store.groups.groupsOfUser(u.userId, ALL),
                store.users.tags(u.userId),
              ]);
              return {
                Path: u.path,
                UserName: u.userName,
                UserId: u.userId,
                Arn: userArn(u),
                CreateDate: u.createdAt,
                UserPolicyList: p.inline,
                GroupList: groups.items.map((g) => g.groupName),
                AttachedManagedPolicies: p.attached,
                ...boundaryOf(u.permissionsBoundaryArn),
                ...(tags.length > 0 ? { Tags: wireTags(tags) } : {}),
              };
            },
          });
        }
      }
      if (wanted.has('Group')) {
        for (const g of (await store.groups.list(accountId, '/', ALL)).items) {
          items.push({
            kind: 'group',
            build: async () => {
              const p = await inlineAndAttached(store, { kind: 'group', id: g.groupId });
              return {
                Path: g.path,
                GroupName: g.groupName,
                GroupId: g.groupId,
                Arn: groupArn(g),
                CreateDate: g.createdAt,
                GroupPolicyList: p.inline,
                AttachedManagedPolicies: p.attached,
              };
            },
          });
        }
      }
      if (wanted.has('Role')) {
        for (const r of (await store.roles.list(accountId, '/', ALL)).items) {
          items.push({
            kind: 'role',
            build: async () => {
              const [p, profiles, tags] = await Promise.all([
                inlineAndAttached(store, { kind: 'role', id: r.roleId }),
                store.instanceProfiles.forRole(r.roleId, ALL),
                store.roles.tags(r.roleId),
              ]);
              const instanceProfiles = await Promise.all(
                profiles.items.map(async (ip) =>
                  wireInstanceProfile(ip, await store.instanceProfiles.roles(ip.instanceProfileId)),
                ),
              );
              return {
                ...wireRole(r, 'detail', tags),
                InstanceProfileList: instanceProfiles,
                RolePolicyList: p.inline,
                AttachedManagedPolicies: p.attached,
              };
            },
          });
        }
      }
      const scopes = [
        ...(wanted.has('LocalManagedPolicy') ? (['Local'] as const) : []),
        ...(wanted.has('AWSManagedPolicy') ? (['AWS'] as const) : []),
      ];
      for (const scope of scopes) {
        const policies = await store.policies.list(
          { accountId, scope, pathPrefix: '/', onlyAttached: scope === 'AWS' },
          ALL,
        );
        for (const p of policies.items) {
          items.push({
            kind: 'policy',
            build: async () => {
              const versions = await store.policyVersions.versions(p.policyId);
              return {
                ...wirePolicy(p, p, { description: true }),
                PolicyVersionList: versions.map((v) => ({
                  Document: encodePolicyDocument(v.document),
                  VersionId: v.versionId,
                  IsDefaultVersion: v.isDefault,
                  CreateDate: v.createdAt,
                })),
              };
            },
          });
        }
      }

      const page = offsetPage(items, input);
      const built = await Promise.all(page.items.map(async (i) => ({ kind: i.kind, detail: await i.build() })));
      const of = (kind: Item['kind']) => built.filter((b) => b.kind === kind).map((b) => b.detail) as never[];
      return {
        UserDetailList: of('user'),
        GroupDetailList: of('group'),
        RoleDetailList: of('role'),
        Policies: of('policy'),
        IsTruncated: page.IsTruncated,
        ...(page.Marker ? { Marker: page.Marker } : {}),
      };
    },
  };
}
