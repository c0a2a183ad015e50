import { rootArn } from '../../shared/arn.js';
import type { GroupRecord, InstanceProfileRecord, RoleRecord, Tag, UserRecord } from '../records.js';
import { groupArn, instanceProfileArn, roleArn, userArn } from './arns.js';

/**
 * The User shape. `list` (ListUsers, GetGroup's members) leaves out the permissions boundary and
 * tags, as AWS's listings do ("ListUsers … does not return PermissionsBoundary or Tags").
 */
export function wireUser(u: UserRecord, tags?: Tag[], view: 'detail' | 'list' = 'detail') {
  return {
    Path: u.path,
    UserName: u.userName,
    UserId: u.userId,
    Arn: userArn(u),
    CreateDate: u.createdAt,
    ...(u.passwordLastUsed ? { PasswordLastUsed: u.passwordLastUsed } : {}),
    ...(u.permissionsBoundaryArn && view === 'detail'
      ? {
          PermissionsBoundary: {
            PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const,
            PermissionsBoundaryArn: u.permissionsBoundaryArn,
          },
        }
      : {}),
    ...(tags && tags.length > 0 ? { Tags: wireTags(tags) } : {}),
  };
}

export function wireRootUser(accountId: string, createdAt: Date) {
  // AWS answers GetUser for root with the account ID as UserId and no UserName or Path.
  return { UserId: accountId, Arn: rootArn(accountId), CreateDate: createdAt } as unknown as ReturnType<
    typeof wireUser
  >;
}

export function wireGroup(g: GroupRecord) {
  return { Path: g.path, GroupName: g.groupName, GroupId: g.groupId, Arn: groupArn(g), CreateDate: g.createdAt };
}

export const wireTags = (tags: Tag[]) => tags.map((t) => ({ Key: t.key, Value: t.value }));

/**
 * Policy documents travel URL-encoded in IAM responses (GetUserPolicy, GetGroupPolicy,
 * GetPolicyVersion, GetRole, …): botocore's `json_decode_policies` handler unquotes them and the
 * AWS CLI prints JSON, while the JavaScript SDK hands the encoded string to the caller. RFC 3986:
 * every byte but the unreserved characters is percent-encoded (a space is %20, never +).
 */
export function encodePolicyDocument(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The Role shape. `detail` (GetRole, UpdateRoleDescription) adds MaxSessionDuration, the
 * boundary, tags and RoleLastUsed; CreateRole adds the boundary and tags it was given;
 * ListRoles has MaxSessionDuration but no tags, boundary or RoleLastUsed (as AWS documents).
 */
export function wireRole(r: RoleRecord, view: 'create' | 'detail' | 'list', tags?: Tag[]) {
  const boundary = r.permissionsBoundaryArn
    ? {
        PermissionsBoundary: {
          PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const,
          PermissionsBoundaryArn: r.permissionsBoundaryArn,
        },
      }
    : {};
  return {
    Path: r.path,
    RoleName: r.roleName,
    RoleId: r.roleId,
    Arn: roleArn(r),
    CreateDate: r.createdAt,
    AssumeRolePolicyDocument: encodePolicyDocument(r.assumeRolePolicyDocument),
    ...(r.description !== undefined ? { Description: r.description } : {}),
    ...(view !== 'create' ? { MaxSessionDuration: r.maxSessionDuration } : {}),
    ...(view !== 'list' ? boundary : {}),
    ...(view !== 'list' && tags && tags.length > 0 ? { Tags: wireTags(tags) } : {}),
    ...(view === 'detail'
      ? { RoleLastUsed: r.lastUsed ? { LastUsedDate: r.lastUsed.at, Region: r.lastUsed.region } : {} }
      : {}),
  };
}

export function wireInstanceProfile(p: InstanceProfileRecord, roles: RoleRecord[], tags?: Tag[]) {
  return {
    Path: p.path,
    InstanceProfileName: p.instanceProfileName,
    InstanceProfileId: p.instanceProfileId,
    Arn: instanceProfileArn(p),
    CreateDate: p.createdAt,
    Roles: roles.map((r) => wireRole(r, 'list')),
    ...(tags && tags.length > 0 ? { Tags: wireTags(tags) } : {}),
  };
}
