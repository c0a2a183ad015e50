import { inlinePolicySizeMessage, policySizeForQuota } from '../../policy/index.js';
import { iamErrors } from '../errors.js';
import type { IamStore } from '../iam-store.js';
import type { PolicyEntity, PolicyEntityKind } from '../records.js';
import type { IamQuotas } from '../quotas.js';
import { boundaryConditionKey, entityPolicyRules } from '../core/policy-support.js';
import { encodePolicyDocument } from '../core/shapes.js';
import { authorizedGroup, authorizedUser } from '../core/resolve.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import { validateIdentityDocument } from '../core/policy-documents.js';
import { pageOf, truncation } from '../core/paging.js';

/** The entity an inline-policy call names, with what the shared steps need to know about it. */
export interface InlineTarget {
  entity: PolicyEntity;
  name: string;
}

/**
 * Put*Policy's write: the document parses as an identity policy, and all the entity's inline
 * policies together (this one replacing any of the same name) stay within the aggregate quota.
 */
export async function putInline(
  store: IamStore,
  quotas: IamQuotas,
  target: InlineTarget,
  policyName: string,
  document: string,
): Promise<void> {
  validateIdentityDocument(document);
  const { inlineSizeLimit } = entityPolicyRules(target.entity.kind, quotas);
  await store.transaction(async (tx) => {
    const others = (await tx.inlinePolicies.documents(target.entity)).filter((p) => p.policyName !== policyName);
    const total = others.reduce((n, p) => n + policySizeForQuota(p.document), policySizeForQuota(document));
    if (total > inlineSizeLimit)
      throw iamErrors.limitExceeded(inlinePolicySizeMessage(target.entity.kind, target.name, inlineSizeLimit));
    await tx.inlinePolicies.put(target.entity, policyName, document);
  });
}

export async function getInline(store: IamStore, target: InlineTarget, policyName: string): Promise<string> {
  const document = await store.inlinePolicies.get(target.entity, policyName);
  if (document === undefined) throw iamErrors.noSuchInlinePolicy(target.entity.kind, policyName);
  return encodePolicyDocument(document);
}

export async function deleteInline(store: IamStore, target: InlineTarget, policyName: string): Promise<void> {
  const deleted = await store.transaction((tx) => tx.inlinePolicies.delete(target.entity, policyName));
  if (!deleted) throw iamErrors.noSuchInlinePolicy(target.entity.kind, policyName);
}

export async function listInline(store: IamStore, target: InlineTarget, input: { Marker?: string; MaxItems?: number }) {
  const page = await store.inlinePolicies.list(target.entity, pageOf(input));
  return { PolicyNames: page.items, ...truncation(page.marker) };
}

const entity = (kind: PolicyEntityKind, id: string): PolicyEntity => ({ kind, id });

/**
 * Inline policies of users and groups (roles follow the same steps with their own lookup).
 * A user's change drops that user's cached policies; a group's drops every principal's.
 */
export function inlinePolicyHandlers({ store, bus, quotas }: IamDeps): IamHandlers {
  return {
    async PutUserPolicy(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:PutUserPolicy', boundaryConditionKey);
      await putInline(
        store,
        quotas,
        { entity: entity('user', user.userId), name: user.userName },
        input.PolicyName,
        input.PolicyDocument,
      );
      bus.publish('user', user.userId);
      return {};
    },

    async GetUserPolicy(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:GetUserPolicy');
      const document = await getInline(
        store,
        { entity: entity('user', user.userId), name: user.userName },
        input.PolicyName,
      );
      return { UserName: user.userName, PolicyName: input.PolicyName, PolicyDocument: document };
    },

    async ListUserPolicies(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:ListUserPolicies');
      return listInline(store, { entity: entity('user', user.userId), name: user.userName }, input);
    },

    async DeleteUserPolicy(input, ctx) {
      const user = await authorizedUser(store, ctx, input.UserName, 'iam:DeleteUserPolicy', boundaryConditionKey);
      await deleteInline(store, { entity: entity('user', user.userId), name: user.userName }, input.PolicyName);
      bus.publish('user', user.userId);
      return {};
    },

    async PutGroupPolicy(input, ctx) {
      const group = await authorizedGroup(store, ctx, input.GroupName, 'iam:PutGroupPolicy');
      await putInline(
        store,
        quotas,
        { entity: entity('group', group.groupId), name: group.groupName },
        input.PolicyName,
        input.PolicyDocument,
      );
      bus.publish('policies', '*');
      return {};
    },

    async GetGroupPolicy(input, ctx) {
      const group = await authorizedGroup(store, ctx, input.GroupName, 'iam:GetGroupPolicy');
      const document = await getInline(
        store,
        { entity: entity('group', group.groupId), name: group.groupName },
        input.PolicyName,
      );
      return { GroupName: group.groupName, PolicyName: input.PolicyName, PolicyDocument: document };
    },

    async ListGroupPolicies(input, ctx) {
      const group = await authorizedGroup(store, ctx, input.GroupName, 'iam:ListGroupPolicies');
      return listInline(store, { entity: entity('group', group.groupId), name: group.groupName }, input);
    },

    async DeleteGroupPolicy(input, ctx) {
      const group = await authorizedGroup(store, ctx, input.GroupName, 'iam:DeleteGroupPolicy');
      await deleteInline(store, { entity: entity('group', group.groupId), name: group.groupName }, input.PolicyName);
      bus.publish('policies', '*');
      return {};
    },
  };
}
