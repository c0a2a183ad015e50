/**
 * The persistence port of the Account service handlers (`store.accountSettings`); the kysely store
 * implements it (src/store/kysely/account-settings.ts, migration 009). The account's name and email
 * themselves live in IAM's `accounts` table (and, for an organization member, `org_accounts`).
 */
import type { AlternateContact, AlternateContactType, ContactInformation } from '../wire/generated/account.js';

export interface PendingEmailUpdate {
  accountId: string;
  email: string;
  /** SHA-256 hex of the one-time code sent to the new address. */
  otpHash: string;
  expiresAt: Date;
}

export interface AccountSettingsRepo {
  /** Renames the account (IAM's account record and the organization's member record). */
  setName(accountId: string, name: string): Promise<void>;
  /** Changes the primary email (IAM's account record and the organization's member record). */
  setEmail(accountId: string, email: string): Promise<void>;
  getAlternateContact(accountId: string, type: AlternateContactType): Promise<AlternateContact | undefined>;
  putAlternateContact(accountId: string, contact: Required<AlternateContact>): Promise<void>;
  /** Whether there was one to delete. */
  deleteAlternateContact(accountId: string, type: AlternateContactType): Promise<boolean>;
  getContactInformation(accountId: string): Promise<ContactInformation | undefined>;
  putContactInformation(accountId: string, info: ContactInformation): Promise<void>;
  getPendingEmailUpdate(accountId: string): Promise<PendingEmailUpdate | undefined>;
  /** Replaces any earlier pending update of the account. */
  putPendingEmailUpdate(update: PendingEmailUpdate): Promise<void>;
  deletePendingEmailUpdate(accountId: string): Promise<void>;
}
