import { hashPassword, verifyPassword } from '../../iam/passwords/hash.js';
import { AwsError } from '../../shared/aws-error.js';
import type { ConsoleContext } from '../env.js';
import { rootPasswordProblem } from './root-password.js';

/**
 * Changes the signed-in principal's own password; returns what was wrong, if anything. An IAM
 * user goes through iam:ChangePassword as itself (its policies and the account password policy
 * decide); root has no API for it, so its own rules are applied here.
 */
export async function changeOwnPassword(c: ConsoleContext, oldPassword: string, newPassword: string, confirm: string): Promise<string | undefined> {
  if (newPassword !== confirm) return 'The new passwords do not match.';
  const { session, deps } = c.var;
  if (session.principal.kind === 'user') {
    try {
      await c.var.call('iam', 'ChangePassword', { OldPassword: oldPassword, NewPassword: newPassword });
      return undefined;
    } catch (err) {
      if (err instanceof AwsError) return err.message;
      throw err;
    }
  }
  const accountId = session.record.accountId;
  const [account, profile] = await Promise.all([deps.store.accounts.get(accountId), deps.store.credentials.getLoginProfile(accountId, undefined)]);
  if (!account || !profile || !(await verifyPassword(oldPassword, profile.passwordHash))) return 'The current password is incorrect.';
  const problem = rootPasswordProblem(newPassword, account);
  if (problem) return problem;
  const passwordHash = await hashPassword(newPassword);
  const now = deps.clock();
  await deps.store.transaction((tx) => tx.credentials.putLoginProfile({ ...profile, passwordHash, passwordChangedAt: now, resetRequired: false }));
  return undefined;
}
