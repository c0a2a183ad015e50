import { iamArn } from '../../shared/arn.js';
import type { CallContext, RequestConditionKeys } from '../../shared/call-context.js';
import { newUniqueId } from '../../shared/ids.js';
import { iamErrors } from '../errors.js';
import type { PolicyEntity, RoleRecord, Tag } from '../records.js';
import { attach, detach, listAttached } from './attachments.js';
import { deleteInline, getInline, listInline, putInline } from './inline-policies.js';
import { authorizeNewResourceTags, taggingOperations } from '../tagging/taggable.js';
import { tagConditionKeys, tagsFromRequest } from '../tagging/tag-rules.js';
import { boundaryPolicy } from '../core/policy-support.js';
import { authorizedRole } from '../core/resolve.js';
import { wireRole } from '../core/shapes.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import { pageOf, truncation } from '../core/paging.js';
import { rethrowAs } from '../core/rethrow-as.js';
import { validateTrustDocument } from '../core/policy-documents.js';

/** AWS's default MaxSessionDuration (the model bounds it to 3600–43200). */
export const DEFAULT_MAX_SESSION_DURATION = 3600;

/** Service-linked roles live under `/aws-service-role/<service>/` and only AWS may change them. */
export const SERVICE_ROLE_PATH = '/aws-service-role/';
export const isServiceLinked = (role: Pick<RoleRecord, 'path'>): boolean => role.path.startsWith(SERVICE_ROLE_PATH);

export function assertModifiable(role: RoleRecord): void {
  if (isServiceLinked(role)) throw iamErrors.unmodifiableRole(role.roleName);
}

/** iam:PermissionsBoundary: the boundary the role has. */
const roleBoundaryKey = (role: RoleRecord | undefined): RequestConditionKeys | undefined =>
  role?.permissionsBoundaryArn ? { 'iam:PermissionsBoundary': role.permissionsBoundaryArn } : undefined;

const policyArnKey =
  (policyArn: string) =>
  (role: RoleRecord | undefined): RequestConditionKeys => ({
    'iam:PolicyARN': policyArn,
    ...roleBoundaryKey(role),
  });

const roleEntity = (role: RoleRecord): PolicyEntity => ({ kind: 'role', id: role.roleId });
const target = (role: RoleRecord) => ({ entity: roleEntity(role), name: role.roleName });

/** Creates a role (CreateRole and CreateServiceLinkedRole): unique name, RolesPerAccount quota. */
export async function insertRole(
  { store, quotas }: IamDeps,
  role: RoleRecord,
  tags: Tag[],
  exists: () => Error,
): Promise<void> {
  await store.transaction(async (tx) => {
    if (await tx.roles.getByName(role.accountId, role.roleName)) throw exists();
    if ((await tx.roles.count(role.accountId)) >= quotas.Roles) throw iamErrors.quota('RolesPerAccount', quotas.Roles);
    await tx.roles.create(role, tags).catch(rethrowAs(exists));
  });
}

async function authorizedModifiableRole(
  deps: IamDeps,
  ctx: CallContext,
  roleName: string,
  action: string,
  context?: (r: RoleRecord | undefined) => RequestConditionKeys | undefined,
) {
  const role = await authorizedRole(deps.store, ctx, roleName, action, context);
  assertModifiable(role);
  return role;
}

/** Roles, their tags and boundaries, and their inline and attached policies. */
export function roleHandlers(deps: IamDeps): IamHandlers {
  const { store, bus, quotas } = deps;
  const tagging = taggingOperations(store, {
    kind: 'role',
    find: (ctx, input: { RoleName: string }, action, keys) =>
      authorizedRole(store, ctx, input.RoleName, action, () => keys),
    id: (role) => role.roleId,
    // Role tags are aws:PrincipalTag values in the sessions of the role.
    changed: () => bus.publish('policies', '*'),
  });
  return {
    async CreateRole(input, ctx) {
      const accountId = ctx.principal.accountId;
      const path = input.Path ?? '/';
      const arn = iamArn(accountId, 'role', path, input.RoleName);
      const tags = tagsFromRequest('role', input.Tags);
      const boundaryArn = input.PermissionsBoundary;
      await ctx.authorize('iam:CreateRole', arn, {
        ...tagConditionKeys(tags),
        ...(boundaryArn !== undefined ? { 'iam:PermissionsBoundary': boundaryArn } : {}),
      });
      await authorizeNewResourceTags(ctx, 'role', arn, tags);
      // The service-linked path is AWS's: a role made there would pass for a service-linked role
      // (exempt from SCPs, protected from edits), so only CreateServiceLinkedRole may use it.
      if (path.startsWith(SERVICE_ROLE_PATH))
        throw iamErrors.invalidInput(
          `Path prefix '${SERVICE_ROLE_PATH}' can only be used for AWS Service linked Roles`,
        );
      validateTrustDocument(input.AssumeRolePolicyDocument, quotas, deps.emulator);
      const boundary = boundaryArn !== undefined ? await boundaryPolicy(store, boundaryArn, accountId) : undefined;
      const role: RoleRecord = {
        roleId: newUniqueId('AROA'),
        accountId,
        roleName: input.RoleName,
        path,
        assumeRolePolicyDocument: input.AssumeRolePolicyDocument,
        ...(input.Description !== undefined ? { description: input.Description } : {}),
        maxSessionDuration: input.MaxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
        createdAt: ctx.now,
        ...(boundary ? { permissionsBoundaryArn: boundary.arn } : {}),
      };
      await insertRole(deps, role, tags, () => iamErrors.roleExists(input.RoleName));
      return { Role: wireRole(role, 'create', tags) };
    },

    async GetRole(input, ctx) {
      const role = await authorizedRole(store, ctx, input.RoleName, 'iam:GetRole');
      return { Role: wireRole(role, 'detail', await store.tags.list('role', role.roleId)) };
    },

    async ListRoles(input, ctx) {
      const accountId = ctx.principal.accountId;
      const prefix = input.PathPrefix ?? '/';
      await ctx.authorize('iam:ListRoles', iamArn(accountId, 'role', prefix, ''));
      const page = await store.roles.list(accountId, prefix, pageOf(input));
      return { Roles: page.items.map((r) => wireRole(r, 'list')), ...truncation(page.marker) };
    },

    async UpdateRole(input, ctx) {
      const role = await authorizedModifiableRole(deps, ctx, input.RoleName, 'iam:UpdateRole', roleBoundaryKey);
      await store.transaction((tx) =>
        tx.roles.update(role.roleId, {
          ...(input.Description !== undefined ? { description: input.Description } : {}),
          ...(input.MaxSessionDuration !== undefined ? { maxSessionDuration: input.MaxSessionDuration } : {}),
        }),
      );
      return {};
    },

    async UpdateRoleDescription(input, ctx) {
      // AWS lets the description of a service-linked role be edited.
      const role = await authorizedRole(store, ctx, input.RoleName, 'iam:UpdateRoleDescription', roleBoundaryKey);
      await store.transaction((tx) => tx.roles.update(role.roleId, { description: input.Description }));
      const updated = (await store.roles.getById(role.roleId)) ?? { ...role, description: input.Description };
      return { Role: wireRole(updated, 'detail', await store.tags.list('role', role.roleId)) };
    },

    async UpdateAssumeRolePolicy(input, ctx) {
      const role = await authorizedModifiableRole(
        deps,
        ctx,
        input.RoleName,
        'iam:UpdateAssumeRolePolicy',
        roleBoundaryKey,
      );
      validateTrustDocument(input.PolicyDocument, quotas, deps.emulator);
      await store.transaction((tx) => tx.roles.update(role.roleId, { assumeRolePolicyDocument: input.PolicyDocument }));
      bus.publish('policies', '*');
      return {};
    },

    async DeleteRole(input, ctx) {
      const role = await authorizedModifiableRole(deps, ctx, input.RoleName, 'iam:DeleteRole', roleBoundaryKey);
      await store.transaction(async (tx) => {
        const entity = roleEntity(role);
        if ((await tx.inlinePolicies.count(entity)) > 0) throw iamErrors.deleteConflict('delete policies');
        if ((await tx.policyAttachments.attachedCount(entity)) > 0)
          throw iamErrors.deleteConflict('detach all policies');
        if ((await tx.instanceProfiles.forRole(role.roleId, { maxItems: 1 })).items.length > 0) {
          throw iamErrors.deleteConflict('remove roles from instance profile');
        }
        await tx.roles.delete(role.roleId);
      });
      bus.publish('policies', '*');
      return {};
    },

    TagRole: (input, ctx) => tagging.tag(input, ctx),
    UntagRole: (input, ctx) => tagging.untag(input, ctx),
    ListRoleTags: (input, ctx) => tagging.list(input, ctx),

    async PutRolePermissionsBoundary(input, ctx) {
      const role = await authorizedModifiableRole(deps, ctx, input.RoleName, 'iam:PutRolePermissionsBoundary', () => ({
        'iam:PermissionsBoundary': input.PermissionsBoundary,
      }));
      const policy = await boundaryPolicy(store, input.PermissionsBoundary, role.accountId);
      await store.transaction((tx) => tx.roles.setPermissionsBoundary(role.roleId, policy.arn));
      bus.publish('policies', '*');
      return {};
    },

    async DeleteRolePermissionsBoundary(input, ctx) {
      const role = await authorizedModifiableRole(
        deps,
        ctx,
        input.RoleName,
        'iam:DeleteRolePermissionsBoundary',
        roleBoundaryKey,
      );
      await store.transaction((tx) => tx.roles.setPermissionsBoundary(role.roleId, undefined));
      bus.publish('policies', '*');
      return {};
    },

    // ---- Inline policies ----

    async PutRolePolicy(input, ctx) {
      const role = await authorizedModifiableRole(deps, ctx, input.RoleName, 'iam:PutRolePolicy', roleBoundaryKey);
      await putInline(store, quotas, target(role), input.PolicyName, input.PolicyDocument);
      bus.publish('policies', '*');
      return {};
    },

    async GetRolePolicy(input, ctx) {
      const role = await authorizedRole(store, ctx, input.RoleName, 'iam:GetRolePolicy');
      const document = await getInline(store, target(role), input.PolicyName);
      return { RoleName: role.roleName, PolicyName: input.PolicyName, PolicyDocument: document };
    },

    async ListRolePolicies(input, ctx) {
      const role = await authorizedRole(store, ctx, input.RoleName, 'iam:ListRolePolicies');
      return listInline(store, target(role), input);
    },

    async DeleteRolePolicy(input, ctx) {
      const role = await authorizedModifiableRole(deps, ctx, input.RoleName, 'iam:DeleteRolePolicy', roleBoundaryKey);
      await deleteInline(store, target(role), input.PolicyName);
      bus.publish('policies', '*');
      return {};
    },

    // ---- Managed policies ----

    async AttachRolePolicy(input, ctx) {
      const role = await authorizedModifiableRole(
        deps,
        ctx,
        input.RoleName,
        'iam:AttachRolePolicy',
        policyArnKey(input.PolicyArn),
      );
      await attach(store, quotas, roleEntity(role), role.accountId, input.PolicyArn, ctx.now);
      bus.publish('policies', '*');
      return {};
    },

    async DetachRolePolicy(input, ctx) {
      const role = await authorizedModifiableRole(
        deps,
        ctx,
        input.RoleName,
        'iam:DetachRolePolicy',
        policyArnKey(input.PolicyArn),
      );
      await detach(store, roleEntity(role), role.accountId, input.PolicyArn);
      bus.publish('policies', '*');
      return {};
    },

    async ListAttachedRolePolicies(input, ctx) {
      const role = await authorizedRole(store, ctx, input.RoleName, 'iam:ListAttachedRolePolicies');
      return listAttached(store, roleEntity(role), input);
    },
  };
}
