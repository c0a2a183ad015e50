import { iamArn, rootArn } from '../../shared/arn.js';
import type { CallContext } from '../../shared/call-context.js';
import { iamErrors } from '../errors.js';
import type { IamStore } from '../iam-store.js';
import type { UserRecord } from '../records.js';
import { userArn } from './shapes.js';

/**
 * Finds the named user in the caller's account and authorizes `action` on it. The
 * authorization comes first, so a caller without permission learns nothing about
 * whether the user exists.
 */
export async function authorizedUser(store: IamStore, ctx: CallContext, userName: string, action: string): Promise<UserRecord> {
  const accountId = ctx.principal.accountId;
  const user = await store.users.getByName(accountId, userName);
  await ctx.authorize(action, user ? userArn(user) : iamArn(accountId, 'user', '/', userName));
  if (!user) throw iamErrors.noSuchUser(userName);
  return user;
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
  return { kind: 'user', user: await authorizedUser(store, ctx, p.userName, action) };
}

export const ownerUserId = (o: CredentialOwner): string | undefined => (o.kind === 'user' ? o.user.userId : undefined);
export const ownerAccountId = (o: CredentialOwner): string => (o.kind === 'user' ? o.user.accountId : o.accountId);
/** The UserName IAM reports for a key's owner; root keys report `root`. */
export const ownerUserName = (o: CredentialOwner): string => (o.kind === 'user' ? o.user.userName : 'root');
