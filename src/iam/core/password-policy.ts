import { credentialErrors } from '../credentials/errors.js';
import type { LoginProfileRecord, PasswordPolicyRecord } from '../credentials-store.js';
import type { IamStore } from '../iam-store.js';
import { verifyPassword } from './password-hash.js';

/** The characters IAM counts as symbols. */
const SYMBOLS = "!@#$%^&*()_+-=[]{}|'";

/** The first rule `password` breaks, worded as IAM's PasswordPolicyViolation says it. */
export function policyViolation(policy: PasswordPolicyRecord | undefined, password: string): string | undefined {
  const min = policy?.MinimumPasswordLength ?? 6;
  if (password.length < min) return `Password should have a minimum length of ${min}`;
  if (policy?.RequireLowercaseCharacters && !/[a-z]/.test(password))
    return 'Password should have at least one lowercase letter';
  if (policy?.RequireUppercaseCharacters && !/[A-Z]/.test(password))
    return 'Password should have at least one uppercase letter';
  if (policy?.RequireNumbers && !/[0-9]/.test(password)) return 'Password should have at least one number';
  if (policy?.RequireSymbols && ![...password].some((c) => SYMBOLS.includes(c)))
    return 'Password should have at least one symbol';
  return undefined;
}

/** Throws PasswordPolicyViolation when `password` breaks the account policy or reuses a remembered password. */
export async function enforcePasswordPolicy(
  store: Pick<IamStore, 'credentials'>,
  accountId: string,
  userId: string | undefined,
  password: string,
): Promise<void> {
  const policy = await store.credentials.getPasswordPolicy(accountId);
  const violation = policyViolation(policy, password);
  if (violation) throw credentialErrors.passwordPolicy(violation);
  const remembered = policy?.PasswordReusePrevention ?? 0;
  for (const old of await store.credentials.passwordHistory(accountId, userId, remembered)) {
    if (await verifyPassword(password, old))
      throw credentialErrors.passwordPolicy(
        'Policy constraint violation with password reuse prevention during password change.',
      );
  }
}

/** Whether the password is past the policy's MaxPasswordAge. */
export function passwordExpired(
  policy: PasswordPolicyRecord | undefined,
  profile: LoginProfileRecord,
  now: Date,
): boolean {
  const days = policy?.MaxPasswordAge;
  return days !== undefined && days > 0 && now.getTime() - profile.passwordChangedAt.getTime() > days * 86_400_000;
}

/**
 * Checks a console sign-in password. `mustChange` when a reset is required or the password has
 * expired (with HardExpiry an expired password fails: only an administrator can reset it).
 */
export async function verifyConsolePassword(
  store: IamStore,
  accountId: string,
  userName: string | undefined,
  password: string,
  now: Date,
): Promise<{ ok: boolean; mustChange: boolean }> {
  let userId: string | undefined;
  if (userName !== undefined) {
    const user = await store.users.getByName(accountId, userName);
    if (!user) return { ok: false, mustChange: false };
    userId = user.userId;
  }
  const profile = await store.credentials.getLoginProfile(accountId, userId);
  if (!profile || !(await verifyPassword(password, profile.passwordHash))) return { ok: false, mustChange: false };
  const policy = await store.credentials.getPasswordPolicy(accountId);
  const expired = passwordExpired(policy, profile, now);
  if (expired && policy?.HardExpiry) return { ok: false, mustChange: true };
  await store.transaction((tx) => tx.credentials.recordPasswordUse(accountId, userId, now));
  return { ok: true, mustChange: profile.resetRequired || expired };
}

/** Whether a signed-in principal must set a new password first: flagged for reset, or expired under the policy. */
export async function mustChangePassword(
  store: Pick<IamStore, 'credentials'>,
  accountId: string,
  userId: string | undefined,
  now: Date,
): Promise<boolean> {
  const profile = await store.credentials.getLoginProfile(accountId, userId);
  if (!profile) return false;
  return profile.resetRequired || passwordExpired(await store.credentials.getPasswordPolicy(accountId), profile, now);
}
