import type { RequestConditionKeys } from '../../shared/call-context.js';
import { iamErrors } from '../errors.js';
import type { IamStore } from '../iam-store.js';
import type { PolicyEntity, PolicyEntityKind, PolicyEntityRef, UserRecord } from '../records.js';
import type { IamQuotas } from '../quotas.js';
import {
  authorizedPolicy,
  boundaryConditionKey,
  boundaryPolicy,
  entityPolicyRules,
  findPolicy,
} from '../core/policy-support.js';
import { authorizedGroup, authorizedUser } from '../core/resolve.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import { offsetPage, pageOf, truncation } from '../core/paging.js';

/** iam:PolicyARN (and, for users, the user's iam:PermissionsBoundary) on Attach/Detach*Policy. */
export const policyArnKey =
  (policyArn: string) =>
  (user?: UserRecord): RequestConditionKeys => ({ 'iam:PolicyARN': policyArn, ...boundaryConditionKey(user) });

/**
 * Attaches a managed policy to an entity of `accountId`: the policy must be one the account may
 * use; attaching what is attached already changes nothing; at most AttachedPoliciesPerEntity.
 */
export async function attach(
  store: IamStore,
  quotas: IamQuotas,
  entity: PolicyEntity,
  accountId: string,
  policyArn: string,
  now: Date,
): Promise<void> {
  const policy = await findPolicy(store, policyArn, accountId);
  if (!policy) throw iamErrors.policyNotAttachable(policyArn);
  const limit = quotas.AttachedPoliciesPerEntity;
  await store.transaction(async (tx) => {
    if (await tx.policyAttachments.isAttached(policy.policyId, entity)) return;
    if ((await tx.policyAttachments.attachedCount(entity)) >= limit)
      throw iamErrors.quota(entityPolicyRules(entity.kind, quotas).attachQuotaName, limit);
    await tx.policyAttachments.attach(policy.policyId, entity, accountId, now);
  });
}

export async function detach(
  store: IamStore,
  entity: PolicyEntity,
  accountId: string,
  policyArn: string,
): Promise<void> {
  const policy = await findPolicy(store, policyArn, accountId);
  if (!policy) throw iamErrors.noSuchPolicy(policyArn);
  const detached = await store.transaction((tx) => tx.policyAttachments.detach(policy.policyId, entity));
  if (!detached) throw iamErrors.noSuchPolicy(policyArn);
}

export async function listAttached(
  store: IamStore,
  entity: PolicyEntity,
  input: { PathPrefix?: string; Marker?: string; MaxItems?: number },
) {
  const page = await store.policyAttachments.attachedTo(entity, input.PathPrefix ?? '/', pageOf(input));
  return {
    AttachedPolicies: page.items.map((p) => ({ PolicyName: p.policyName, PolicyArn: p.policyArn })),
    ...truncation(page.marker),
  };
}

const ENTITY_FILTER: Record<string, PolicyEntityKind[]> = {
  User: ['user'],
  Group: ['group'],
  Role: ['role'],
  // These two filter by policy type, which a listing of entities has none of: AWS answers empty lists.
  LocalManagedPolicy: [],
  AWSManagedPolicy: [],
};

/** Attachments of managed policies to users and groups, permissions boundaries, ListEntitiesForPolicy. */
export function attachmentHandlers({ store, bus, quotas }: IamDeps): IamHandlers {
  return {
    async AttachUserPolicy(input, ctx) {
      const user = await authorizedUser(
        store,
        ctx,
        input.UserName,
        'iam:AttachUserPolicy',
        policyArnKey(input.PolicyArn),
      );
      await attach(store, quotas, { kind: 'user', id: user.userId }, user.accountId, input.PolicyArn, ctx.now);
      bus.publish('user', user.userId);
      return {};
    },

    async DetachUserPolicy(input, ctx) {
      const user = await authorizedUser(
        store,
        ctx,
        input.UserName,
        'iam:DetachUserPolicy',
        policyArnKey(input.PolicyArn),
      );
      await detach(store, { kind: 'user', id: user.userId }, user.accountId, input.PolicyArn);
      bus.publish('user', user.userId);
      return {};
    },

    async ListAttachedUserPolicies(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:ListAttachedUserPolicies');
      return listAttached(store, { kind: 'user', id: user.userId }, input);
    },

    async AttachGroupPolicy(input, ctx) {
      const group = await authorizedGroup(store, ctx, input.GroupName, 'iam:AttachGroupPolicy', () => ({
        'iam:PolicyARN': input.PolicyArn,
      }));
      await attach(store, quotas, { kind: 'group', id: group.groupId }, group.accountId, input.PolicyArn, ctx.now);
      bus.publish('policies', '*');
      return {};
    },

    async DetachGroupPolicy(input, ctx) {
      const group = await authorizedGroup(store, ctx, input.GroupName, 'iam:DetachGroupPolicy', () => ({
        'iam:PolicyARN': input.PolicyArn,
      }));
      await detach(store, { kind: 'group', id: group.groupId }, group.accountId, input.PolicyArn);
      bus.publish('policies', '*');
      return {};
    },

    async ListAttachedGroupPolicies(input, ctx) {
      const group = await authorizedGroup(store, ctx, input.GroupName, 'iam:ListAttachedGroupPolicies');
      return listAttached(store, { kind: 'group', id: group.groupId }, input);
    },

    async ListEntitiesForPolicy(input, ctx) {
      const policy = await authorizedPolicy(
        store,
        ctx,
        input.PolicyArn,
        'iam:ListEntitiesForPolicy',
        iamErrors.policyNotAttachable,
      );
      const accountId = ctx.principal.accountId;
      const kinds = input.EntityFilter
        ? (ENTITY_FILTER[input.EntityFilter] ?? [])
        : (['group', 'user', 'role'] as PolicyEntityKind[]);
      const prefix = input.PathPrefix ?? '/';
      const usage = input.PolicyUsageFilter;
      const found: PolicyEntityRef[] = [];
      if (usage !== 'PermissionsBoundary')
        found.push(...(await store.policyAttachments.attachedEntities(policy.policyId, accountId, kinds, prefix)));
      if (usage !== 'PermissionsPolicy') {
        const seen = new Set(found.map((e) => `${e.kind}:${e.id}`));
        for (const e of await store.policyAttachments.boundaryEntities(policy.arn, accountId, kinds, prefix)) {
          if (!seen.has(`${e.kind}:${e.id}`)) found.push(e);
        }
      }
      const order: PolicyEntityKind[] = ['group', 'user', 'role'];
      found.sort(
        (a, b) =>
          order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.toLowerCase().localeCompare(b.name.toLowerCase()),
      );
      const { items, ...rest } = offsetPage(found, input);
      return {
        PolicyGroups: items.filter((e) => e.kind === 'group').map((e) => ({ GroupName: e.name, GroupId: e.id })),
        PolicyUsers: items.filter((e) => e.kind === 'user').map((e) => ({ UserName: e.name, UserId: e.id })),
        PolicyRoles: items.filter((e) => e.kind === 'role').map((e) => ({ RoleName: e.name, RoleId: e.id })),
        ...rest,
      };
    },

    async PutUserPermissionsBoundary(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:PutUserPermissionsBoundary', () => ({
        'iam:PermissionsBoundary': input.PermissionsBoundary,
      }));
      const policy = await boundaryPolicy(store, input.PermissionsBoundary, user.accountId);
      await store.transaction((tx) => tx.users.setPermissionsBoundary(user.userId, policy.arn));
      bus.publish('user', user.userId);
      return {};
    },

    async DeleteUserPermissionsBoundary(input, ctx) {
      const user = await authorizedUser(
        store,
        ctx,
        input.UserName,
        'iam:DeleteUserPermissionsBoundary',
        boundaryConditionKey,
      );
      await store.transaction((tx) => tx.users.setPermissionsBoundary(user.userId, undefined));
      bus.publish('user', user.userId);
      return {};
    },
  };
}
