/**
 * Root user password recovery: the console's "Forgot your password?" for an account's root user.
 *
 * AWS's rules, as Ward applies them:
 * - The root user of a standalone account, of an organization's management account, or of a
 *   member account whose organization does not manage root credentials centrally can always
 *   recover its password by email.
 * - A member account of an organization with centralized root credentials management
 *   (`RootCredentialsManagement`) has no root credentials, and its root user cannot recover a
 *   password, until a privileged root session with the IAMCreateRootUserPassword task ("Allow
 *   password recovery") calls CreateLoginProfile without a user name. Ward records that as the
 *   root's login profile (src/iam/passwords/handlers.ts); IAMDeleteRootUserCredentials deleting
 *   the profile takes recovery away again.
 * - Suspended or closing member accounts cannot recover.
 *
 * The link carries a random single-use token; the store keeps only its SHA-256. It is good for
 * one hour (AWS's reset links are "time sensitive"; Ward takes the hour its emails announce), and
 * using one invalidates every other link of the account. Asking for a link answers the same
 * whether or not the email belongs to a root user that may recover, so the page cannot be used
 * to find accounts. Tokens are never logged.
 *
 * Both steps are recorded in the account's trail as AWS records them (PasswordRecoveryRequested,
 * PasswordRecoveryCompleted), and the new password obeys the root password rules, the same ones
 * as a change in the console; the account password policy is for IAM users and does not apply.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { CredentialRepo } from '../iam/credentials-store.js';
import { ROOT_CREDENTIALS_MANAGEMENT } from '../iam/core/org-features.js';
import type { AccountRepo } from '../iam/iam-store.js';
import { hashPassword } from '../iam/core/password-hash.js';
import { rootPasswordProblem } from '../iam/core/root-password-rules.js';
import type { OrganizationsRepo } from '../organizations/store.js';
import type { Outbox } from './outbox.js';
import type { RootRecoveryRepo } from './recovery-store.js';
import {
  type RequestOrigin,
  RootPasswordRejectedError,
  type SignInAudit,
  recordRootPasswordEvent,
} from './root-password.js';

export { listOutbox, readOutboxMessage, type StoredOutboxMessage } from './outbox.js';

/** What recovery needs of the store (the kysely store is one). */
export interface RecoveryStore {
  accounts: AccountRepo;
  credentials: CredentialRepo;
  organizations: OrganizationsRepo;
  rootRecovery: RootRecoveryRepo;
  /** The console's sessions: a reset ends the root's (src/console/store.ts). */
  consoleSessions: { deleteForPrincipal(accountId: string, userId: string | undefined): Promise<void> };
  transaction<T>(fn: (tx: RecoveryStore) => Promise<T>): Promise<T>;
}

export interface RecoveryDeps {
  store: RecoveryStore;
  /** Where the reset link goes (the directory outbox, and SMTP when configured). */
  outbox: Outbox;
  /** Where the PasswordRecoveryRequested/Completed events go. */
  audit: SignInAudit;
  /** Told when a message could not be handed to the outbox; the caller's answer does not change. */
  onError?: (err: unknown, message: string) => void;
}

/** How long a reset link is good for. */
export const RECOVERY_LINK_LIFETIME_MS = 60 * 60 * 1000;
/** 32 random bytes, base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The answer to every recovery request, whoever's the email. */
export const RECOVERY_REQUESTED_MESSAGE =
  'If the email address belongs to the root user of an AWS account that can recover its password, we sent a message to it with a link to reset the password. The link expires in 1 hour.';

export interface RecoveryStartResult {
  message: string;
}

/** Unknown, expired, already used, or no longer allowed: one error for all of them. */
export class RecoveryLinkInvalidError extends Error {
  readonly code = 'InvalidRecoveryLink';
  constructor() {
    super(
      'This password reset link is not valid: it may have expired or have been used already. Request a new link from the root user sign-in page.',
    );
    this.name = 'RecoveryLinkInvalidError';
  }
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Whether the root user of `accountId` may reset its password by email now. */
export async function rootMayRecoverPassword(
  store: Pick<RecoveryStore, 'accounts' | 'organizations' | 'credentials'>,
  accountId: string,
): Promise<boolean> {
  if (!(await store.accounts.get(accountId))) return false;
  const member = await store.organizations.getAccount(accountId);
  if (member && member.status !== 'ACTIVE') return false;
  const org = await store.organizations.orgOfAccount(accountId);
  if (!org || org.managementAccountId === accountId) return true;
  if (!(await store.organizations.iamFeatures(org.orgId)).includes(ROOT_CREDENTIALS_MANAGEMENT)) return true;
  // Centrally managed member: only after IAMCreateRootUserPassword ("allow password recovery").
  return (await store.credentials.getLoginProfile(accountId, undefined)) !== undefined;
}

/**
 * "Forgot your password?" for the root user whose email is `email`: when that root user may
 * recover, stores a new single-use link and sends it to the email through the outbox. Answers
 * the same in every case. `baseUrl` is the console's origin (no trailing slash needed).
 */
export async function startRootPasswordRecovery(
  deps: RecoveryDeps,
  email: string,
  now: Date,
  baseUrl: string,
  origin: RequestOrigin,
): Promise<RecoveryStartResult> {
  const { store } = deps;
  const address = email.trim();
  const result = { message: RECOVERY_REQUESTED_MESSAGE };
  if (address === '' || address.length > 254) return result;
  const messages: Array<{ accountId: string; to: string; token: string }> = [];
  const requested: Array<{ accountId: string; failure?: string }> = [];
  for (const accountId of await store.rootRecovery.accountIdsByEmail(address)) {
    if (!(await rootMayRecoverPassword(store, accountId))) {
      requested.push({ accountId, failure: 'The root user of this account cannot recover its password.' });
      continue;
    }
    requested.push({ accountId });
    const token = randomBytes(32).toString('base64url');
    const to = (await store.accounts.get(accountId))!.email;
    await store.transaction(async (tx) => {
      await tx.rootRecovery.deleteExpired(now);
      await tx.rootRecovery.putToken({
        tokenHash: sha256(token),
        accountId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + RECOVERY_LINK_LIFETIME_MS),
      });
    });
    messages.push({ accountId, to, token });
  }
  // After the transactions: a retried transaction must have no effects outside the database.
  for (const r of requested)
    recordRootPasswordEvent(deps.audit, {
      eventName: 'PasswordRecoveryRequested',
      accountId: r.accountId,
      at: now,
      origin,
      ...(r.failure ? { failure: r.failure } : {}),
    });
  const base = baseUrl.replace(/\/+$/, '');
  for (const m of messages) {
    const link = `${base}/console/reset-password?token=${m.token}`;
    try {
      await deps.outbox.send({
        to: m.to,
        subject: 'Amazon Web Services Password Assistance',
        id: randomUUID(),
        date: now,
        text: [
          'Hello,',
          '',
          `We received a request to reset the password of the root user of AWS account ${m.accountId}.`,
          '',
          'To choose a new password, open this link:',
          '',
          link,
          '',
          'The link expires in 1 hour and works once. If you did not ask to reset your password, ignore this message: your password stays as it is.',
          '',
          'Ward (AWS Identity and Access Management)',
        ].join('\n'),
      });
    } catch (err) {
      deps.onError?.(err, `sending the root password recovery message for account ${m.accountId} failed`);
    }
  }
  return result;
}

/**
 * Resets the root password with the link's token: the token must be known, unused and
 * unexpired, and the root user still allowed to recover (else RecoveryLinkInvalidError); the
 * password must satisfy the root password rules (else RootPasswordRejectedError, the link
 * staying usable). The token becomes used, the account's other links stop working, and the
 * root's console sessions end: whoever knew the old password is signed out with it.
 */
export async function completeRootPasswordRecovery(
  deps: RecoveryDeps,
  token: string,
  newPassword: string,
  now: Date,
  origin: RequestOrigin,
): Promise<{ accountId: string }> {
  const { store } = deps;
  if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) throw new RecoveryLinkInvalidError();
  const tokenHash = sha256(token);
  const usable = async (s: RecoveryStore): Promise<string> => {
    const record = await s.rootRecovery.getToken(tokenHash);
    if (!record || record.usedAt || record.expiresAt.getTime() <= now.getTime()) throw new RecoveryLinkInvalidError();
    if (!(await rootMayRecoverPassword(s, record.accountId))) throw new RecoveryLinkInvalidError();
    return record.accountId;
  };
  const accountId = await usable(store);
  const account = await store.accounts.get(accountId);
  if (!account) throw new RecoveryLinkInvalidError();
  const problem = rootPasswordProblem(newPassword, account);
  if (problem) {
    recordRootPasswordEvent(deps.audit, {
      eventName: 'PasswordRecoveryCompleted',
      accountId,
      at: now,
      origin,
      failure: problem,
    });
    throw new RootPasswordRejectedError(problem);
  }
  // Rules and hashing (scrypt) outside the transaction; the token is checked again inside it.
  const passwordHash = await hashPassword(newPassword);
  await store.transaction(async (tx) => {
    if ((await usable(tx)) !== accountId || !(await tx.rootRecovery.markUsed(tokenHash, now)))
      throw new RecoveryLinkInvalidError();
    const profile = await tx.credentials.getLoginProfile(accountId, undefined);
    await tx.credentials.putLoginProfile({
      accountId,
      passwordHash,
      createdAt: profile?.createdAt ?? now,
      passwordChangedAt: now,
      resetRequired: false,
      ...(profile?.lastUsedAt ? { lastUsedAt: profile.lastUsedAt } : {}),
    });
    await tx.consoleSessions.deleteForPrincipal(accountId, undefined);
    await tx.rootRecovery.deleteOtherTokens(accountId, tokenHash);
    await tx.rootRecovery.deleteExpired(now);
  });
  recordRootPasswordEvent(deps.audit, { eventName: 'PasswordRecoveryCompleted', accountId, at: now, origin });
  return { accountId };
}
