import { newUniqueId } from '../../shared/ids.js';
import { iamErrors } from '../errors.js';
import type { ManagedPolicyRecord } from '../records.js';
import { authorizeNewResourceTags, taggingOperations } from '../tagging/taggable.js';
import { tagConditionKeys, tagsFromRequest } from '../tagging/tag-rules.js';
import { assertCustomerManaged, authorizedPolicy, wirePolicy } from '../core/policy-support.js';
import { encodePolicyDocument } from '../core/shapes.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import { checkManagedPolicySize, validateIdentityDocument } from '../core/policy-documents.js';
import { offsetPage, pageOf, truncation } from '../core/paging.js';
import { policyArnOf } from '../core/arns.js';
import { rethrowAs } from '../core/rethrow-as.js';

/**
 * Customer managed policies (create, read, delete, versions, tags) and read access to AWS
 * managed ones, which every account sees and none may change.
 */
export function managedPolicyHandlers({ store, bus, quotas }: IamDeps): IamHandlers {
  const tagging = taggingOperations(store, {
    kind: 'policy',
    find: async (ctx, input: { PolicyArn: string }, action, keys) => {
      const policy = await authorizedPolicy(store, ctx, input.PolicyArn, action, undefined, keys);
      // Listing an AWS managed policy's tags is a read; changing them is not allowed.
      if (action !== 'iam:ListPolicyTags') assertCustomerManaged(policy, ctx, action);
      return policy;
    },
    id: (policy) => policy.policyId,
  });
  return {
    async CreatePolicy(input, ctx) {
      const accountId = ctx.principal.accountId;
      const path = input.Path ?? '/';
      const arn = policyArnOf(accountId, path, input.PolicyName);
      const tags = tagsFromRequest('policy', input.Tags);
      await ctx.authorize('iam:CreatePolicy', arn, tagConditionKeys(tags));
      await authorizeNewResourceTags(ctx, 'policy', arn, tags);
      validateIdentityDocument(input.PolicyDocument);
      checkManagedPolicySize(input.PolicyDocument, quotas);
      const policy: ManagedPolicyRecord = {
        policyId: newUniqueId('ANPA'),
        arn,
        accountId,
        policyName: input.PolicyName,
        path,
        ...(input.Description ? { description: input.Description } : {}),
        defaultVersionId: 'v1',
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      await store.transaction(async (tx) => {
        if (await tx.policies.getByName(accountId, input.PolicyName)) throw iamErrors.policyExists(input.PolicyName);
        if ((await tx.policies.count(accountId)) >= quotas.CustomerManagedPolicies) {
          throw iamErrors.quota('PoliciesPerAccount', quotas.CustomerManagedPolicies);
        }
        await tx.policies
          .create(policy, input.PolicyDocument, tags)
          .catch(rethrowAs(() => iamErrors.policyExists(input.PolicyName)));
      });
      // AWS's CreatePolicy answer leaves out Description (GetPolicy has it) and has Tags only when some were given.
      return {
        Policy: wirePolicy(policy, { attachmentCount: 0, boundaryUsageCount: 0 }, tags.length > 0 ? { tags } : {}),
      };
    },

    async GetPolicy(input, ctx) {
      const policy = await authorizedPolicy(store, ctx, input.PolicyArn, 'iam:GetPolicy');
      const [usage, tags] = await Promise.all([
        store.policies.usage(policy.policyId, ctx.principal.accountId),
        store.tags.list('policy', policy.policyId),
      ]);
      return { Policy: wirePolicy(policy, usage, { description: true, tags }) };
    },

    async DeletePolicy(input, ctx) {
      const policy = await authorizedPolicy(store, ctx, input.PolicyArn, 'iam:DeletePolicy');
      assertCustomerManaged(policy, ctx, 'iam:DeletePolicy');
      await store.transaction(async (tx) => {
        const usage = await tx.policies.usage(policy.policyId, policy.accountId);
        // A permissions boundary counts as a use: IAM refuses to delete the policy while it is one.
        if (usage.attachmentCount > 0 || usage.boundaryUsageCount > 0) throw iamErrors.policyInUse();
        if ((await tx.policyVersions.versions(policy.policyId)).length > 1) throw iamErrors.policyHasVersions();
        await tx.policies.delete(policy.policyId);
      });
      bus.publish('policies', '*');
      return {};
    },

    async ListPolicies(input, ctx) {
      await ctx.authorize('iam:ListPolicies', '*');
      const page = await store.policies.list(
        {
          accountId: ctx.principal.accountId,
          scope: input.Scope ?? 'All',
          pathPrefix: input.PathPrefix ?? '/',
          onlyAttached: input.OnlyAttached === true,
          ...(input.PolicyUsageFilter ? { usage: input.PolicyUsageFilter } : {}),
        },
        pageOf(input),
      );
      return { Policies: page.items.map((p) => wirePolicy(p, p)), ...truncation(page.marker) };
    },

    async CreatePolicyVersion(input, ctx) {
      const policy = await authorizedPolicy(store, ctx, input.PolicyArn, 'iam:CreatePolicyVersion');
      assertCustomerManaged(policy, ctx, 'iam:CreatePolicyVersion');
      validateIdentityDocument(input.PolicyDocument);
      checkManagedPolicySize(input.PolicyDocument, quotas);
      const setAsDefault = input.SetAsDefault === true;
      const versionId = await store.transaction(async (tx) => {
        if ((await tx.policyVersions.versions(policy.policyId)).length >= quotas.VersionsPerPolicy)
          throw iamErrors.versionLimit(quotas.VersionsPerPolicy);
        return tx.policyVersions.addVersion(policy.policyId, input.PolicyDocument, ctx.now, setAsDefault);
      });
      if (setAsDefault) bus.publish('policies', '*');
      // Like AWS, the answer does not repeat the document.
      return { PolicyVersion: { VersionId: versionId, IsDefaultVersion: setAsDefault, CreateDate: ctx.now } };
    },

    async GetPolicyVersion(input, ctx) {
      const notFound = (arn: string) => iamErrors.noSuchPolicyVersion(arn, input.VersionId);
      const policy = await authorizedPolicy(store, ctx, input.PolicyArn, 'iam:GetPolicyVersion', notFound);
      const version = await store.policyVersions.version(policy.policyId, input.VersionId);
      if (!version) throw notFound(input.PolicyArn);
      return {
        PolicyVersion: {
          Document: encodePolicyDocument(version.document),
          VersionId: version.versionId,
          IsDefaultVersion: version.isDefault,
          CreateDate: version.createdAt,
        },
      };
    },

    async ListPolicyVersions(input, ctx) {
      const policy = await authorizedPolicy(store, ctx, input.PolicyArn, 'iam:ListPolicyVersions');
      const versions = await store.policyVersions.versions(policy.policyId);
      const { items, ...rest } = offsetPage(versions, input);
      // AWS lists versions newest first and without their documents (GetPolicyVersion returns those).
      return {
        Versions: items.map((v) => ({
          VersionId: v.versionId,
          IsDefaultVersion: v.isDefault,
          CreateDate: v.createdAt,
        })),
        ...rest,
      };
    },

    async DeletePolicyVersion(input, ctx) {
      const notFound = (arn: string) => iamErrors.noSuchPolicyVersion(arn, input.VersionId);
      const policy = await authorizedPolicy(store, ctx, input.PolicyArn, 'iam:DeletePolicyVersion', notFound);
      assertCustomerManaged(policy, ctx, 'iam:DeletePolicyVersion');
      await store.transaction(async (tx) => {
        const version = await tx.policyVersions.version(policy.policyId, input.VersionId);
        if (!version) throw notFound(input.PolicyArn);
        if (version.isDefault) throw iamErrors.deleteDefaultVersion();
        await tx.policyVersions.deleteVersion(policy.policyId, input.VersionId);
      });
      return {};
    },

    async SetDefaultPolicyVersion(input, ctx) {
      const notFound = (arn: string) => iamErrors.noSuchPolicyVersion(arn, input.VersionId);
      const policy = await authorizedPolicy(store, ctx, input.PolicyArn, 'iam:SetDefaultPolicyVersion', notFound);
      assertCustomerManaged(policy, ctx, 'iam:SetDefaultPolicyVersion');
      await store.transaction(async (tx) => {
        if (!(await tx.policyVersions.version(policy.policyId, input.VersionId))) throw notFound(input.PolicyArn);
        await tx.policyVersions.setDefaultVersion(policy.policyId, input.VersionId);
      });
      bus.publish('policies', '*');
      return {};
    },

    TagPolicy: (input, ctx) => tagging.tag(input, ctx),
    UntagPolicy: (input, ctx) => tagging.untag(input, ctx),
    ListPolicyTags: (input, ctx) => tagging.list(input, ctx),
  };
}
