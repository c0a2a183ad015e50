import { iamArn, rootArn } from '../../shared/arn.js';
import { AwsError } from '../../shared/aws-error.js';
import type { AuthorizeOptions, CallContext, RequestConditionKeys } from '../../shared/call-context.js';
import { iamErrors } from '../errors.js';
import type { IamStore } from '../iam-store.js';
import type { GroupRecord, InstanceProfileRecord, RoleRecord, Tag, UserRecord } from '../records.js';
import { groupArn, instanceProfileArn, roleArn, userArn } from './arns.js';

/** Condition keys an operation adds once it knows the entity (undefined while it may not exist). */
export type EntityConditionKeys<E> = (entity: E | undefined) => RequestConditionKeys | undefined;

/**
 * Finds the named user in the caller's account and authorizes `action` on it. The
 * authorization comes first, so a caller without permission learns nothing about
 * whether the user exists.
 */
export async function authorizedUser(
  store: IamStore,
  ctx: CallContext,
  userName: string,
  action: string,
  context?: EntityConditionKeys<UserRecord>,
  options?: AuthorizeOptions,
): Promise<UserRecord> {
  const accountId = ctx.principal.accountId;
  const user = await store.users.getByName(accountId, userName);
  const resourceTags = user ? resourceTagKeys(await store.tags.list('user', user.userId)) : undefined;
  await ctx.authorize(
    action,
    user ? userArn(user) : iamArn(accountId, 'user', '/', userName),
    { ...resourceTags, ...context?.(user) },
    options,
  );
  if (!user) throw iamErrors.noSuchUser(userName);
  return user;
}

/** aws:ResourceTag/<key> and iam:ResourceTag/<key>: the tags of the entity a request acts on. */
function resourceTagKeys(tags: Tag[]): RequestConditionKeys {
  const keys: RequestConditionKeys = {};
  for (const t of tags) {
    keys[`aws:ResourceTag/${t.key}`] = t.value;
    keys[`iam:ResourceTag/${t.key}`] = t.value;
  }
  return keys;
}

/** The named group of the caller's account, authorized like `authorizedUser`. */
export async function authorizedGroup(
  store: IamStore,
  ctx: CallContext,
  groupName: string,
  action: string,
  context?: EntityConditionKeys<GroupRecord>,
): Promise<GroupRecord> {
  const accountId = ctx.principal.accountId;
  const group = await store.groups.getByName(accountId, groupName);
  await ctx.authorize(action, group ? groupArn(group) : iamArn(accountId, 'group', '/', groupName), context?.(group));
  if (!group) throw iamErrors.noSuchGroup(groupName);
  return group;
}

/**
 * The owner of credentials an operation acts on: the named user, or with no name the
 * caller itself (an IAM user, or the account's root user).
 */
export type CredentialOwner = { kind: 'root'; accountId: string } | { kind: 'user'; user: UserRecord };

export async function authorizedOwner(
  store: IamStore,
  ctx: CallContext,
  userName: string | undefined,
  action: string,
): Promise<CredentialOwner> {
  if (userName !== undefined) return { kind: 'user', user: await authorizedUser(store, ctx, userName, action) };
  const p = ctx.principal;
  if (p.kind === 'root') {
    await ctx.authorize(action, rootArn(p.accountId));
    return { kind: 'root', accountId: p.accountId };
  }
  if (p.kind !== 'user') throw nonUserCredentials();
  return { kind: 'user', user: await authorizedUser(store, ctx, p.userName, action) };
}

/** AWS's answer when an operation that defaults to the calling user is called by a role or federated session. */
export const nonUserCredentials = (): AwsError =>
  new AwsError('ValidationError', 'Must specify userName when calling with non-User credentials', 400);

export const ownerUserId = (o: CredentialOwner): string | undefined => (o.kind === 'user' ? o.user.userId : undefined);
export const ownerAccountId = (o: CredentialOwner): string => (o.kind === 'user' ? o.user.accountId : o.accountId);
/** The UserName IAM reports for a key's owner; root keys report `root`. */
export const ownerUserName = (o: CredentialOwner): string => (o.kind === 'user' ? o.user.userName : 'root');

/** The named role of the caller's account, authorized like `authorizedUser` (its tags are aws:ResourceTag). */
export async function authorizedRole(
  store: IamStore,
  ctx: CallContext,
  roleName: string,
  action: string,
  context?: EntityConditionKeys<RoleRecord>,
): Promise<RoleRecord> {
  const accountId = ctx.principal.accountId;
  const role = await store.roles.getByName(accountId, roleName);
  const resourceTags = role ? resourceTagKeys(await store.tags.list('role', role.roleId)) : undefined;
  await ctx.authorize(action, role ? roleArn(role) : iamArn(accountId, 'role', '/', roleName), {
    ...resourceTags,
    ...context?.(role),
  });
  if (!role) throw iamErrors.noSuchRole(roleName);
  return role;
}

/** The named instance profile of the caller's account, authorized like `authorizedUser`. */
export async function authorizedInstanceProfile(
  store: IamStore,
  ctx: CallContext,
  name: string,
  action: string,
  context?: EntityConditionKeys<InstanceProfileRecord>,
): Promise<InstanceProfileRecord> {
  const accountId = ctx.principal.accountId;
  const profile = await store.instanceProfiles.getByName(accountId, name);
  const resourceTags = profile
    ? resourceTagKeys(await store.tags.list('instance-profile', profile.instanceProfileId))
    : undefined;
  await ctx.authorize(
    action,
    profile ? instanceProfileArn(profile) : iamArn(accountId, 'instance-profile', '/', name),
    { ...resourceTags, ...context?.(profile) },
  );
  if (!profile) throw iamErrors.noSuchInstanceProfile(name);
  return profile;
}
