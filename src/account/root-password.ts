/**
 * The root user's password change: the console's "Change password" for a signed-in root user.
 * Root has no API for it (IAM's ChangePassword is for IAM users), so this is its operation: the
 * root password rules (src/iam/core/root-password-rules.ts, shared with recovery) decide,
 * and the outcome is recorded as AWS records it, a `PasswordUpdated` sign-in event.
 */
import type { SignIn, SignInEventName } from '../audit/trail.js';
import type { CredentialRepo } from '../iam/credentials-store.js';
import type { AccountRepo } from '../iam/iam-store.js';
import { hashPassword, verifyPassword } from '../iam/core/password-hash.js';
import { rootPasswordProblem } from '../iam/core/root-password-rules.js';
import { rootArn } from '../shared/arn.js';
import type { Principal } from '../shared/principal.js';

/** Where root password events go: the audit trail's sign-in records (src/audit/trail.ts). */
export interface SignInAudit {
  recordSignIn(signIn: SignIn): void;
}

/** Who asked, as the console saw it. */
export interface RequestOrigin {
  sourceIp: string;
  userAgent: string;
}

/** A password the root password rules refuse; the message says which rule, never the password. */
export class RootPasswordRejectedError extends Error {
  readonly code = 'RootPasswordRejected';
  constructor(message: string) {
    super(message);
    this.name = 'RootPasswordRejectedError';
  }
}

export interface RootPasswordStore {
  accounts: AccountRepo;
  credentials: CredentialRepo;
  transaction<T>(fn: (tx: RootPasswordStore) => Promise<T>): Promise<T>;
}

/**
 * Records a root password event in the account's trail. Only names and outcomes go in: never a
 * password, a recovery token or the email that was typed.
 */
export function recordRootPasswordEvent(
  audit: SignInAudit,
  event: {
    eventName: Exclude<SignInEventName, 'ConsoleLogin'>;
    accountId: string;
    at: Date;
    origin: RequestOrigin;
    principal?: Principal;
    failure?: string;
  },
): void {
  const principal: Principal = event.principal ?? {
    kind: 'root',
    accountId: event.accountId,
    arn: rootArn(event.accountId),
    userId: event.accountId,
  };
  audit.recordSignIn({
    eventName: event.eventName,
    at: event.at,
    accountId: event.accountId,
    principal,
    sourceIp: event.origin.sourceIp,
    userAgent: event.origin.userAgent,
    success: event.failure === undefined,
    mfaUsed: false,
    ...(event.failure !== undefined ? { errorMessage: event.failure } : {}),
  });
}

export const CURRENT_PASSWORD_INCORRECT = 'The current password is incorrect.';

/**
 * Changes the root password of `principal`'s account after checking the current one; returns
 * what was wrong, if anything. Success and failure are both recorded (PasswordUpdated).
 */
export async function changeRootPassword(
  deps: { store: RootPasswordStore; audit: SignInAudit },
  principal: Principal,
  oldPassword: string,
  newPassword: string,
  now: Date,
  origin: RequestOrigin,
): Promise<string | undefined> {
  const { store } = deps;
  const accountId = principal.accountId;
  const record = (failure?: string) =>
    recordRootPasswordEvent(deps.audit, {
      eventName: 'PasswordUpdated',
      accountId,
      at: now,
      origin,
      principal,
      ...(failure !== undefined ? { failure } : {}),
    });
  if (principal.kind !== 'root')
    throw new Error('changeRootPassword is for the root user; IAM users change theirs with iam:ChangePassword');
  const [account, profile] = await Promise.all([
    store.accounts.get(accountId),
    store.credentials.getLoginProfile(accountId, undefined),
  ]);
  if (!account || !profile || !(await verifyPassword(oldPassword, profile.passwordHash))) {
    record(CURRENT_PASSWORD_INCORRECT);
    return CURRENT_PASSWORD_INCORRECT;
  }
  const problem = rootPasswordProblem(newPassword, account);
  if (problem) {
    record(problem);
    return problem;
  }
  const passwordHash = await hashPassword(newPassword);
  await store.transaction((tx) =>
    tx.credentials.putLoginProfile({ ...profile, passwordHash, passwordChangedAt: now, resetRequired: false }),
  );
  record();
  return undefined;
}
