import { parsePolicyDocument } from '../policy/index.js';
import type {
  OrganizationalUnit,
  Policy,
  PolicySummary,
  PolicyTargetSummary,
  Root,
  TargetType,
} from '../wire/generated/organizations.js';
import {
  NON_DETACHABLE,
  RCP_FULL_AWS_ACCESS_ID,
  attachDefaults,
  defaultPolicyOf,
  lookupPolicy,
  policiesOfType,
} from './managed-policies.js';
import { MAX_POLICY_CHARS, POLICY_TOO_LARGE, RCP } from './policy-types.js';
import { isValidRcp } from './rcp-grammar.js';
import type { OrgPolicyRecord, OrgRecord, OuRecord } from './store.js';
import {
  MSG,
  type OrgDeps,
  type OrgHandlers,
  type OrgStore,
  SCP,
  accountArn,
  managementOrg,
  newOuId,
  newPolicyId,
  ouArn,
  paginate,
  policyArn,
  rootArn,
  scpsChanged,
} from './support.js';

/** Organizations' one message for a policy document its type refuses (policy/messages.ts, MSG.scp). */
const MALFORMED = 'The provided policy document does not meet the requirements of the specified policy type.';

export async function rootShape(store: OrgStore, o: OrgRecord): Promise<Root> {
  const types = await store.organizations.enabledPolicyTypes(o.orgId);
  return {
    Id: o.rootId,
    Arn: rootArn(o),
    Name: o.rootName,
    PolicyTypes: types.map((t) => ({ Type: t as never, Status: 'ENABLED' })),
  };
}

const ouShape = (o: OrgRecord, ou: OuRecord): OrganizationalUnit => ({
  Id: ou.ouId,
  Arn: ouArn(o, ou.ouId),
  Name: ou.name,
});

const summary = (o: OrgRecord, p: OrgPolicyRecord): PolicySummary => ({
  Id: p.policyId,
  Arn: policyArn(o, p.policyId, p.policyType, p.awsManaged),
  Name: p.name,
  Description: p.description,
  Type: p.policyType as PolicySummary['Type'] & string,
  AwsManaged: p.awsManaged,
});

const policyShape = (o: OrgRecord, p: OrgPolicyRecord): Policy => ({
  PolicySummary: summary(o, p),
  Content: p.content,
});

/** A root, OU or account of the organization, as a policy target. */
async function target(
  deps: OrgDeps,
  o: OrgRecord,
  id: string,
  repo = deps.store.organizations,
): Promise<PolicyTargetSummary & { Type: TargetType }> {
  if (id === o.rootId) return { TargetId: id, Arn: rootArn(o), Name: o.rootName, Type: 'ROOT' };
  if (id.startsWith('ou-')) {
    const ou = await repo.getOu(id);
    if (ou && ou.orgId === o.orgId)
      return { TargetId: id, Arn: ouArn(o, id), Name: ou.name, Type: 'ORGANIZATIONAL_UNIT' };
  } else if (/^\d{12}$/.test(id)) {
    const a = await repo.getAccount(id);
    if (a && a.orgId === o.orgId) return { TargetId: id, Arn: accountArn(o, id), Name: a.name, Type: 'ACCOUNT' };
  }
  throw deps.error('TargetNotFoundException', MSG.targetNotFound);
}

/** Every OU and account under the root, for EnablePolicyType's reset to FullAWSAccess. */
async function allNodes(tx: OrgStore, o: OrgRecord): Promise<string[]> {
  const ids: string[] = [o.rootId];
  const queue = [o.rootId];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const ou of await tx.organizations.listOus(o.orgId, parent)) {
      ids.push(ou.ouId);
      queue.push(ou.ouId);
    }
  }
  for (const a of await tx.organizations.listAccounts(o.orgId)) ids.push(a.accountId);
  return ids;
}

export function treePolicyHandlers(deps: OrgDeps): OrgHandlers {
  const { store } = deps;
  const parentExists = async (o: OrgRecord, parentId: string, repo = store.organizations): Promise<boolean> => {
    if (parentId === o.rootId) return true;
    const ou = await repo.getOu(parentId);
    return ou !== undefined && ou.orgId === o.orgId;
  };
  const ouOf = async (o: OrgRecord, ouId: string, repo = store.organizations): Promise<OuRecord> => {
    const ou = await repo.getOu(ouId);
    if (!ou || ou.orgId !== o.orgId) throw deps.error('OrganizationalUnitNotFoundException', MSG.ouNotFound);
    return ou;
  };
  const policyOf = async (o: OrgRecord, policyId: string, repo = store.organizations): Promise<OrgPolicyRecord> => {
    const p = await lookupPolicy(repo, o.orgId, policyId);
    if (!p) throw deps.error('PolicyNotFoundException', MSG.policyNotFound);
    return p;
  };
  const checkContent = (type: string, content: string): void => {
    const max = MAX_POLICY_CHARS[type];
    if (max !== undefined && content.length > max)
      throw deps.error('ConstraintViolationException', POLICY_TOO_LARGE, { Reason: 'POLICY_CONTENT_LIMIT_EXCEEDED' });
    if (type === SCP) {
      if (!parsePolicyDocument(content, 'scp').ok) throw deps.error('MalformedPolicyDocumentException', MALFORMED);
      return;
    }
    if (type === RCP) {
      if (!isValidRcp(content)) throw deps.error('MalformedPolicyDocumentException', MALFORMED);
      return;
    }
    // Declarative, tag, backup, AI opt-out and chat policies are stored, not enforced: they must be JSON objects.
    let doc: unknown;
    try {
      doc = JSON.parse(content);
    } catch {
      throw deps.error('MalformedPolicyDocumentException', MALFORMED);
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
      throw deps.error('MalformedPolicyDocumentException', MALFORMED);
  };

  return {
    async ListRoots(input, ctx) {
      const org = await managementOrg(deps, ctx, 'ListRoots');
      const { page, NextToken } = paginate([await rootShape(store, org)], input, deps);
      return { Roots: page, ...(NextToken ? { NextToken } : {}) };
    },

    async CreateOrganizationalUnit(input, ctx) {
      const org = await managementOrg(deps, ctx, 'CreateOrganizationalUnit', (o) =>
        input.ParentId === o.rootId ? rootArn(o) : ouArn(o, input.ParentId),
      );
      const ou = await store.transaction(async (tx) => {
        if (!(await parentExists(org, input.ParentId, tx.organizations)))
          throw deps.error('ParentNotFoundException', MSG.parentNotFound);
        const siblings = await tx.organizations.listOus(org.orgId, input.ParentId);
        if (siblings.some((s) => s.name === input.Name))
          throw deps.error('DuplicateOrganizationalUnitException', MSG.duplicateOu);
        const record: OuRecord = {
          ouId: newOuId(org.rootId),
          orgId: org.orgId,
          parentId: input.ParentId,
          name: input.Name,
          createdAt: ctx.now,
        };
        await tx.organizations.createOu(record);
        await attachDefaults(tx.organizations, org.orgId, record.ouId);
        if (input.Tags?.length)
          await tx.organizations.putTags(
            org.orgId,
            record.ouId,
            input.Tags.map((t) => ({ key: t.Key, value: t.Value })),
          );
        return record;
      });
      scpsChanged(deps);
      return { OrganizationalUnit: ouShape(org, ou) };
    },

    async UpdateOrganizationalUnit(input, ctx) {
      const org = await managementOrg(deps, ctx, 'UpdateOrganizationalUnit', (o) =>
        ouArn(o, input.OrganizationalUnitId),
      );
      const ou = await ouOf(org, input.OrganizationalUnitId);
      if (input.Name !== undefined && input.Name !== ou.name) {
        const siblings = await store.organizations.listOus(org.orgId, ou.parentId);
        if (siblings.some((s) => s.name === input.Name))
          throw deps.error('DuplicateOrganizationalUnitException', MSG.duplicateOu);
        await store.organizations.renameOu(ou.ouId, input.Name);
        ou.name = input.Name;
      }
      return { OrganizationalUnit: ouShape(org, ou) };
    },

    async DeleteOrganizationalUnit(input, ctx) {
      const org = await managementOrg(deps, ctx, 'DeleteOrganizationalUnit', (o) =>
        ouArn(o, input.OrganizationalUnitId),
      );
      await store.transaction(async (tx) => {
        const ou = await ouOf(org, input.OrganizationalUnitId, tx.organizations);
        const children = [
          ...(await tx.organizations.listOus(org.orgId, ou.ouId)),
          ...(await tx.organizations.listAccounts(org.orgId, ou.ouId)),
        ];
        if (children.length > 0) throw deps.error('OrganizationalUnitNotEmptyException', MSG.ouNotEmpty);
        for (const a of await tx.organizations.attachments(org.orgId, { targetId: ou.ouId }))
          await tx.organizations.detach(org.orgId, a.policyId, ou.ouId);
        await tx.organizations.removeTags(
          org.orgId,
          ou.ouId,
          (await tx.organizations.tags(org.orgId, ou.ouId)).map((t) => t.key),
        );
        await tx.organizations.deleteOu(ou.ouId);
      });
      scpsChanged(deps);
      return {};
    },

    async DescribeOrganizationalUnit(input, ctx) {
      const org = await managementOrg(deps, ctx, 'DescribeOrganizationalUnit', (o) =>
        ouArn(o, input.OrganizationalUnitId),
      );
      return { OrganizationalUnit: ouShape(org, await ouOf(org, input.OrganizationalUnitId)) };
    },

    async ListOrganizationalUnitsForParent(input, ctx) {
      const org = await managementOrg(deps, ctx, 'ListOrganizationalUnitsForParent');
      if (!(await parentExists(org, input.ParentId))) throw deps.error('ParentNotFoundException', MSG.parentNotFound);
      const { page, NextToken } = paginate(await store.organizations.listOus(org.orgId, input.ParentId), input, deps);
      return { OrganizationalUnits: page.map((ou) => ouShape(org, ou)), ...(NextToken ? { NextToken } : {}) };
    },

    async ListParents(input, ctx) {
      const org = await managementOrg(deps, ctx, 'ListParents');
      let parentId: string | undefined;
      if (input.ChildId.startsWith('ou-')) {
        const ou = await store.organizations.getOu(input.ChildId);
        if (ou && ou.orgId === org.orgId) parentId = ou.parentId;
      } else {
        const a = await store.organizations.getAccount(input.ChildId);
        if (a && a.orgId === org.orgId) parentId = a.parentId;
      }
      if (parentId === undefined) throw deps.error('ChildNotFoundException', MSG.childNotFound);
      return { Parents: [{ Id: parentId, Type: parentId === org.rootId ? 'ROOT' : 'ORGANIZATIONAL_UNIT' }] };
    },

    async ListChildren(input, ctx) {
      const org = await managementOrg(deps, ctx, 'ListChildren');
      if (!(await parentExists(org, input.ParentId))) throw deps.error('ParentNotFoundException', MSG.parentNotFound);
      const ids =
        input.ChildType === 'ACCOUNT'
          ? (await store.organizations.listAccounts(org.orgId, input.ParentId)).map((a) => a.accountId)
          : (await store.organizations.listOus(org.orgId, input.ParentId)).map((ou) => ou.ouId);
      const { page, NextToken } = paginate(ids, input, deps);
      return { Children: page.map((Id) => ({ Id, Type: input.ChildType })), ...(NextToken ? { NextToken } : {}) };
    },

    async EnablePolicyType(input, ctx) {
      const org = await managementOrg(deps, ctx, 'EnablePolicyType', rootArn);
      if (input.RootId !== org.rootId) throw deps.error('RootNotFoundException', MSG.rootNotFound);
      await store.transaction(async (tx) => {
        if ((await tx.organizations.enabledPolicyTypes(org.orgId)).includes(input.PolicyType))
          throw deps.error('PolicyTypeAlreadyEnabledException', MSG.typeAlreadyEnabled);
        await tx.organizations.setPolicyType(org.orgId, input.PolicyType, true);
        const managed = defaultPolicyOf(input.PolicyType);
        if (managed) {
          // Every root, OU and account starts (again) with FullAWSAccess (SCPs) or RCPFullAWSAccess (RCPs) attached.
          const attached = new Set(
            (await tx.organizations.attachments(org.orgId, { policyId: managed })).map((a) => a.targetId),
          );
          for (const id of await allNodes(tx, org))
            if (!attached.has(id)) await tx.organizations.attach(org.orgId, managed, id);
        }
      });
      scpsChanged(deps);
      return { Root: await rootShape(store, org) };
    },

    async DisablePolicyType(input, ctx) {
      const org = await managementOrg(deps, ctx, 'DisablePolicyType', rootArn);
      if (input.RootId !== org.rootId) throw deps.error('RootNotFoundException', MSG.rootNotFound);
      await store.transaction(async (tx) => {
        if (!(await tx.organizations.enabledPolicyTypes(org.orgId)).includes(input.PolicyType))
          throw deps.error('PolicyTypeNotEnabledException', MSG.typeNotEnabled);
        await tx.organizations.setPolicyType(org.orgId, input.PolicyType, false);
        // Disabling detaches every policy of the type from every target.
        for (const p of await policiesOfType(tx.organizations, org.orgId, input.PolicyType)) {
          for (const a of await tx.organizations.attachments(org.orgId, { policyId: p.policyId }))
            await tx.organizations.detach(org.orgId, a.policyId, a.targetId);
        }
      });
      scpsChanged(deps);
      return { Root: await rootShape(store, org) };
    },

    async CreatePolicy(input, ctx) {
      const org = await managementOrg(deps, ctx, 'CreatePolicy');
      checkContent(input.Type, input.Content);
      const p = await store.transaction(async (tx) => {
        const same = await policiesOfType(tx.organizations, org.orgId, input.Type);
        if (same.some((x) => x.name === input.Name)) throw deps.error('DuplicatePolicyException', MSG.duplicatePolicy);
        const record: OrgPolicyRecord = {
          orgId: org.orgId,
          policyId: newPolicyId(),
          name: input.Name,
          description: input.Description,
          policyType: input.Type,
          awsManaged: false,
          content: input.Content,
          createdAt: ctx.now,
        };
        await tx.organizations.createPolicy(record);
        if (input.Tags?.length)
          await tx.organizations.putTags(
            org.orgId,
            record.policyId,
            input.Tags.map((t) => ({ key: t.Key, value: t.Value })),
          );
        return record;
      });
      return { Policy: policyShape(org, p) };
    },

    async DescribePolicy(input, ctx) {
      const org = await managementOrg(deps, ctx, 'DescribePolicy');
      return { Policy: policyShape(org, await policyOf(org, input.PolicyId)) };
    },

    async UpdatePolicy(input, ctx) {
      const org = await managementOrg(deps, ctx, 'UpdatePolicy');
      const p = await policyOf(org, input.PolicyId);
      if (p.awsManaged) throw deps.error('AccessDeniedException', MSG.accessDenied);
      if (input.Content !== undefined && !deps.emulator?.organizations.anyUpdateContent)
        checkContent(p.policyType, input.Content);
      if (input.Name !== undefined && input.Name !== p.name) {
        const same = await policiesOfType(store.organizations, org.orgId, p.policyType);
        if (same.some((x) => x.name === input.Name)) throw deps.error('DuplicatePolicyException', MSG.duplicatePolicy);
      }
      const changes = {
        ...(input.Name !== undefined ? { name: input.Name } : {}),
        ...(input.Description !== undefined ? { description: input.Description } : {}),
        ...(input.Content !== undefined ? { content: input.Content } : {}),
      };
      await store.organizations.updatePolicy(org.orgId, p.policyId, changes);
      scpsChanged(deps);
      return { Policy: policyShape(org, { ...p, ...changes }) };
    },

    async DeletePolicy(input, ctx) {
      const org = await managementOrg(deps, ctx, 'DeletePolicy');
      await store.transaction(async (tx) => {
        const p = await policyOf(org, input.PolicyId, tx.organizations);
        if (p.awsManaged) throw deps.error('AccessDeniedException', MSG.accessDenied);
        if ((await tx.organizations.attachments(org.orgId, { policyId: p.policyId })).length > 0)
          throw deps.error('PolicyInUseException', MSG.policyInUse);
        await tx.organizations.deletePolicy(org.orgId, p.policyId);
      });
      return {};
    },

    async ListPolicies(input, ctx) {
      const org = await managementOrg(deps, ctx, 'ListPolicies');
      const { page, NextToken } = paginate(
        // moto lists in creation order; emulator mode does too (AWS: by name).
        await policiesOfType(
          store.organizations,
          org.orgId,
          input.Filter,
          deps.emulator?.creationOrder ? 'created' : 'name',
        ),
        input,
        deps,
      );
      return { Policies: page.map((p) => summary(org, p)), ...(NextToken ? { NextToken } : {}) };
    },

    async AttachPolicy(input, ctx) {
      const org = await managementOrg(deps, ctx, 'AttachPolicy');
      await store.transaction(async (tx) => {
        const p = await policyOf(org, input.PolicyId, tx.organizations);
        await target(deps, org, input.TargetId, tx.organizations);
        if (
          !deps.emulator?.organizations.attachDisabledTypes &&
          !(await tx.organizations.enabledPolicyTypes(org.orgId)).includes(p.policyType)
        )
          throw deps.error('PolicyTypeNotEnabledException', MSG.typeNotEnabled);
        if (
          (await tx.organizations.attachments(org.orgId, { policyId: p.policyId, targetId: input.TargetId })).length > 0
        ) {
          throw deps.error('DuplicatePolicyAttachmentException', MSG.duplicateAttachment);
        }
        await tx.organizations.attach(org.orgId, p.policyId, input.TargetId);
      });
      scpsChanged(deps);
      return {};
    },

    async DetachPolicy(input, ctx) {
      const org = await managementOrg(deps, ctx, 'DetachPolicy');
      await store.transaction(async (tx) => {
        const p = await policyOf(org, input.PolicyId, tx.organizations);
        await target(deps, org, input.TargetId, tx.organizations);
        // "You cannot detach this policy" (RCP syntax): RCPFullAWSAccess stays while RCPs are enabled.
        if (p.policyId === RCP_FULL_AWS_ACCESS_ID)
          throw deps.error('InvalidInputException', NON_DETACHABLE, { Reason: 'NON_DETACHABLE_POLICY' });
        if (
          (await tx.organizations.attachments(org.orgId, { policyId: p.policyId, targetId: input.TargetId })).length ===
          0
        ) {
          throw deps.error('PolicyNotAttachedException', MSG.notAttached);
        }
        if (p.policyType === SCP) {
          // Every target keeps at least one SCP while the type is enabled.
          const onTarget = await tx.organizations.attachments(org.orgId, { targetId: input.TargetId });
          let scps = 0;
          for (const a of onTarget)
            if ((await lookupPolicy(tx.organizations, org.orgId, a.policyId))?.policyType === SCP) scps++;
          if (scps <= 1)
            throw deps.error('ConstraintViolationException', MSG.minAttachments, {
              Reason: 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED',
            });
        }
        await tx.organizations.detach(org.orgId, p.policyId, input.TargetId);
      });
      scpsChanged(deps);
      return {};
    },

    async ListPoliciesForTarget(input, ctx) {
      const org = await managementOrg(deps, ctx, 'ListPoliciesForTarget');
      await target(deps, org, input.TargetId);
      const policies: OrgPolicyRecord[] = [];
      for (const a of await store.organizations.attachments(org.orgId, { targetId: input.TargetId })) {
        const p = await lookupPolicy(store.organizations, org.orgId, a.policyId);
        if (p && p.policyType === input.Filter) policies.push(p);
      }
      const { page, NextToken } = paginate(policies, input, deps);
      return { Policies: page.map((p) => summary(org, p)), ...(NextToken ? { NextToken } : {}) };
    },

    async ListTargetsForPolicy(input, ctx) {
      const org = await managementOrg(deps, ctx, 'ListTargetsForPolicy');
      await policyOf(org, input.PolicyId);
      const targets: PolicyTargetSummary[] = [];
      for (const a of await store.organizations.attachments(org.orgId, { policyId: input.PolicyId })) {
        targets.push(await target(deps, org, a.targetId).catch(() => ({ TargetId: a.targetId })));
      }
      const { page, NextToken } = paginate(targets, input, deps);
      return { Targets: page, ...(NextToken ? { NextToken } : {}) };
    },

    async DescribeEffectivePolicy(input, ctx) {
      const org = await managementOrg(deps, ctx, 'DescribeEffectivePolicy');
      if ((input.PolicyType as string) === SCP) {
        throw deps.error('InvalidInputException', 'You specified an invalid value.', {
          Reason: 'INVALID_ENUM_POLICY_TYPE',
        });
      }
      if (input.TargetId !== undefined) await target(deps, org, input.TargetId);
      throw deps.error(
        'EffectivePolicyNotFoundException',
        "We can't find an effective policy for the specified target.",
      );
    },

    async TagResource(input, ctx) {
      const org = await managementOrg(deps, ctx, 'TagResource');
      await taggable(deps, org, input.ResourceId);
      await store.organizations.putTags(
        org.orgId,
        input.ResourceId,
        input.Tags.map((t) => ({ key: t.Key, value: t.Value })),
      );
      return {};
    },

    async UntagResource(input, ctx) {
      const org = await managementOrg(deps, ctx, 'UntagResource');
      await taggable(deps, org, input.ResourceId);
      await store.organizations.removeTags(org.orgId, input.ResourceId, input.TagKeys);
      return {};
    },

    async ListTagsForResource(input, ctx) {
      const org = await managementOrg(deps, ctx, 'ListTagsForResource');
      await taggable(deps, org, input.ResourceId);
      const tags = (await store.organizations.tags(org.orgId, input.ResourceId)).map((t) => ({
        Key: t.key,
        Value: t.value,
      }));
      const { page, NextToken } = paginate(tags, input, deps);
      return { Tags: page, ...(NextToken ? { NextToken } : {}) };
    },
  };
}

/** Tag targets: the root, an OU, an account or a policy of the organization. */
async function taggable(deps: OrgDeps, org: OrgRecord, id: string): Promise<void> {
  if (id.startsWith('p-')) {
    if (await deps.store.organizations.getPolicy(org.orgId, id)) return;
    throw deps.error('TargetNotFoundException', MSG.targetNotFound);
  }
  await target(deps, org, id);
}
