import { iamArn, rootArn } from '../../shared/arn.js';
import type { GroupRecord, Tag, UserRecord } from '../records.js';

export const userArn = (u: Pick<UserRecord, 'accountId' | 'path' | 'userName'>): string => iamArn(u.accountId, 'user', u.path, u.userName);
export const groupArn = (g: Pick<GroupRecord, 'accountId' | 'path' | 'groupName'>): string => iamArn(g.accountId, 'group', g.path, g.groupName);

export function wireUser(u: UserRecord, tags?: Tag[]) {
  return {
    Path: u.path,
    UserName: u.userName,
    UserId: u.userId,
    Arn: userArn(u),
    CreateDate: u.createdAt,
    ...(u.passwordLastUsed ? { PasswordLastUsed: u.passwordLastUsed } : {}),
    ...(u.permissionsBoundaryArn
      ? { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy' as const, PermissionsBoundaryArn: u.permissionsBoundaryArn } }
      : {}),
    ...(tags && tags.length > 0 ? { Tags: wireTags(tags) } : {}),
  };
}

export function wireRootUser(accountId: string, createdAt: Date) {
  // AWS answers GetUser for root with the account ID as UserId and no UserName or Path.
  return { UserId: accountId, Arn: rootArn(accountId), CreateDate: createdAt } as unknown as ReturnType<typeof wireUser>;
}

export function wireGroup(g: GroupRecord) {
  return { Path: g.path, GroupName: g.groupName, GroupId: g.groupId, Arn: groupArn(g), CreateDate: g.createdAt };
}

export const wireTags = (tags: Tag[]) => tags.map((t) => ({ Key: t.key, Value: t.value }));
