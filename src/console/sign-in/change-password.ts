import { changeRootPassword } from '../../account/root-password.js';
import { AwsError } from '../../shared/aws-error.js';
import { type ConsoleContext, requestOriginOf } from '../env.js';

/**
 * Changes the signed-in principal's own password; returns what was wrong, if anything. An IAM
 * user goes through iam:ChangePassword as itself (its policies and the account password policy
 * decide, and the call is audited as any other); root has no API for it, so it goes through the
 * root password operation (the root password rules, recorded as PasswordUpdated).
 */
export async function changeOwnPassword(
  c: ConsoleContext,
  oldPassword: string,
  newPassword: string,
  confirm: string,
): Promise<string | undefined> {
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
  return changeRootPassword(
    { store: deps.store, audit: deps.audit },
    session.principal,
    oldPassword,
    newPassword,
    deps.clock(),
    requestOriginOf(c),
  );
}
