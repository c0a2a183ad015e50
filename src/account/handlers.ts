import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { AccountRepo } from '../iam/iam-store.js';
import type { AwsError } from '../shared/aws-error.js';
import type { CallContext, OperationHandler } from '../shared/call-context.js';
import type { OrganizationsRepo } from '../organizations/store.js';
import type {
  AccountErrorShape,
  AccountOperationName,
  AccountOperations,
  AlternateContactType,
} from '../wire/generated/account.js';
import type { Outbox } from './outbox.js';
import type { AccountSettingsRepo } from './store.js';

/** What the Account handlers need of the store. */
export interface AccountStore {
  accounts: AccountRepo;
  organizations: OrganizationsRepo;
  accountSettings: AccountSettingsRepo;
  transaction<T>(fn: (tx: AccountStore) => Promise<T>): Promise<T>;
}

export interface AccountDeps {
  store: AccountStore;
  /** Where the primary-email one-time codes go (Ward sends no mail). */
  outbox: Outbox;
  /** `accountError` from wire: handlers never import `wire` at run time (ARCHITECTURE.md). */
  error: (shape: AccountErrorShape, message: string, fields?: Record<string, unknown>) => AwsError;
}

export type AccountHandlers = {
  [Op in AccountOperationName]?: OperationHandler<AccountOperations[Op]['input'], AccountOperations[Op]['output']>;
};

/** The service principal an organization registers as the Account service's delegated administrator. */
const ACCOUNT_SERVICE_PRINCIPAL = 'account.amazonaws.com';
/** How long a primary-email one-time code is good for. */
const OTP_LIFETIME_MS = 24 * 60 * 60 * 1000;
const OTP_ALPHABET = '0123456789';

interface Target {
  accountId: string;
  /** `arn:aws:account::ACCT:account`, or `arn:aws:account::MGMT:account/o-…/MEMBER` for a member. */
  resourceArn: string;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export function createAccountHandlers(deps: AccountDeps): AccountHandlers {
  const { store, error } = deps;

  const notAuthorizedFor = (ctx: CallContext, action: string, accountId: string): AwsError =>
    error(
      'AccessDeniedException',
      `User: ${ctx.principal.arn} is not authorized to perform: account:${action} on account ${accountId}: ` +
        'only the management account or a delegated administrator of its organization can act on a member account.',
    );

  /**
   * The account an operation acts on, authorized: the caller's own (no AccountId, or its own), or a
   * member of the caller's organization when the caller is its management account or the Account
   * service's delegated administrator.
   */
  async function resolve(
    ctx: CallContext,
    action: string,
    accountId: string | undefined,
    context?: Record<string, string | string[]>,
  ): Promise<Target> {
    const own = ctx.principal.accountId;
    if (accountId === undefined || accountId === own) {
      const target = { accountId: own, resourceArn: `arn:aws:account::${own}:account` };
      await ctx.authorize(`account:${action}`, target.resourceArn, context);
      return target;
    }
    const org = await store.organizations.orgOfAccount(own);
    const member = org && (await store.organizations.getAccount(accountId));
    let allowed = false;
    if (org && member && member.orgId === org.orgId) {
      allowed =
        org.managementAccountId === own ||
        (await store.organizations.delegatedAdmins(org.orgId)).some(
          (d) => d.accountId === own && d.servicePrincipal === ACCOUNT_SERVICE_PRINCIPAL,
        );
    }
    if (!org || !allowed) throw notAuthorizedFor(ctx, action, accountId);
    const target = {
      accountId,
      resourceArn: `arn:aws:account::${org.managementAccountId}:account/${org.orgId}/${accountId}`,
    };
    await ctx.authorize(`account:${action}`, target.resourceArn, context);
    return target;
  }

  async function accountRecord(accountId: string) {
    const account = await store.accounts.get(accountId);
    if (!account) throw error('ResourceNotFoundException', `The account ${accountId} was not found.`);
    return account;
  }

  const contactKeys = (type: AlternateContactType) => ({ 'account:AlternateContactTypes': [type] });

  return {
    async GetAccountInformation(input, ctx) {
      const t = await resolve(ctx, 'GetAccountInformation', input.AccountId);
      const account = await accountRecord(t.accountId);
      const member = await store.organizations.getAccount(t.accountId);
      return {
        AccountId: account.accountId,
        AccountName: account.name,
        AccountCreatedDate: account.createdAt,
        AccountState:
          member?.status === 'SUSPENDED' ? 'SUSPENDED' : member?.status === 'PENDING_CLOSURE' ? 'CLOSED' : 'ACTIVE',
      };
    },

    async PutAccountName(input, ctx) {
      const t = await resolve(ctx, 'PutAccountName', input.AccountId);
      await store.transaction(async (tx) => {
        if (!(await tx.accounts.get(t.accountId)))
          throw error('ResourceNotFoundException', `The account ${t.accountId} was not found.`);
        await tx.accountSettings.setName(t.accountId, input.AccountName);
      });
      return {};
    },

    async GetPrimaryEmail(input, ctx) {
      const t = await resolve(ctx, 'GetPrimaryEmail', input.AccountId);
      const account = await accountRecord(t.accountId);
      return { PrimaryEmail: account.email };
    },

    async StartPrimaryEmailUpdate(input, ctx) {
      const t = await resolve(ctx, 'StartPrimaryEmailUpdate', input.AccountId);
      const email = input.PrimaryEmail.trim();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
        throw error('ValidationException', 'Invalid email address.', {
          reason: 'fieldValidationFailed',
          fieldList: [{ name: 'primaryEmail', message: 'Invalid email address.' }],
        });
      }
      let otp = '';
      for (let i = 0; i < 6; i++) otp += OTP_ALPHABET[randomInt(OTP_ALPHABET.length)];
      await store.transaction(async (tx) => {
        const account = await tx.accounts.get(t.accountId);
        if (!account) throw error('ResourceNotFoundException', `The account ${t.accountId} was not found.`);
        if (account.email.toLowerCase() === email.toLowerCase()) {
          throw error(
            'ConflictException',
            'The new primary email address is the account\u2019s current primary email address.',
          );
        }
        await tx.accountSettings.putPendingEmailUpdate({
          accountId: t.accountId,
          email,
          otpHash: sha256(otp),
          expiresAt: new Date(ctx.now.getTime() + OTP_LIFETIME_MS),
        });
      });
      // After the transaction: a retried transaction must have no effects outside the database.
      await deps.outbox.send({
        to: email,
        subject: `Verify the new primary email address of AWS account ${t.accountId}`,
        id: ctx.requestId,
        date: ctx.now,
        text: [
          `A request was made to change the primary email address of AWS account ${t.accountId} to ${email}.`,
          '',
          `Your one-time verification code: ${otp}`,
          '',
          'The code expires in 24 hours. If you did not ask for this change, ignore this message.',
        ].join('\n'),
      });
      return { Status: 'PENDING' };
    },

    async AcceptPrimaryEmailUpdate(input, ctx) {
      const t = await resolve(ctx, 'AcceptPrimaryEmailUpdate', input.AccountId);
      await store.transaction(async (tx) => {
        const pending = await tx.accountSettings.getPendingEmailUpdate(t.accountId);
        if (
          !pending ||
          pending.expiresAt.getTime() <= ctx.now.getTime() ||
          pending.email.toLowerCase() !== input.PrimaryEmail.trim().toLowerCase()
        ) {
          throw error(
            'ResourceNotFoundException',
            `There is no pending primary email update to ${input.PrimaryEmail} for account ${t.accountId}.`,
          );
        }
        const given = Buffer.from(sha256(input.Otp), 'hex');
        if (!timingSafeEqual(given, Buffer.from(pending.otpHash, 'hex'))) {
          throw error('ValidationException', 'The one-time password is incorrect.', {
            reason: 'fieldValidationFailed',
            fieldList: [{ name: 'otp', message: 'The one-time password is incorrect.' }],
          });
        }
        await tx.accountSettings.setEmail(t.accountId, pending.email);
        await tx.accountSettings.deletePendingEmailUpdate(t.accountId);
      });
      return { Status: 'ACCEPTED' };
    },

    async GetAlternateContact(input, ctx) {
      const t = await resolve(ctx, 'GetAlternateContact', input.AccountId, contactKeys(input.AlternateContactType));
      const contact = await store.accountSettings.getAlternateContact(t.accountId, input.AlternateContactType);
      if (!contact)
        throw error('ResourceNotFoundException', 'No contact of the inputted alternate contact type found.');
      return { AlternateContact: contact };
    },

    async PutAlternateContact(input, ctx) {
      const t = await resolve(ctx, 'PutAlternateContact', input.AccountId, contactKeys(input.AlternateContactType));
      await store.accountSettings.putAlternateContact(t.accountId, {
        AlternateContactType: input.AlternateContactType,
        Name: input.Name,
        Title: input.Title,
        EmailAddress: input.EmailAddress,
        PhoneNumber: input.PhoneNumber,
      });
      return {};
    },

    async DeleteAlternateContact(input, ctx) {
      const t = await resolve(ctx, 'DeleteAlternateContact', input.AccountId, contactKeys(input.AlternateContactType));
      const deleted = await store.accountSettings.deleteAlternateContact(t.accountId, input.AlternateContactType);
      if (!deleted)
        throw error('ResourceNotFoundException', 'No contact of the inputted alternate contact type found.');
      return {};
    },

    async GetContactInformation(input, ctx) {
      const t = await resolve(ctx, 'GetContactInformation', input.AccountId);
      const info = await store.accountSettings.getContactInformation(t.accountId);
      if (!info) throw error('ResourceNotFoundException', 'No contact information found for this account.');
      return { ContactInformation: info };
    },

    async PutContactInformation(input, ctx) {
      const t = await resolve(ctx, 'PutContactInformation', input.AccountId);
      await store.accountSettings.putContactInformation(t.accountId, input.ContactInformation);
      return {};
    },
  };
}
