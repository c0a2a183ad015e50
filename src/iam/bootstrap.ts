import { randomInt } from 'node:crypto';
import { newAccessKeyId, newSecretAccessKey } from '../shared/ids.js';
import { hashPassword } from './core/password-hash.js';
import { syncAwsManagedPolicies } from './aws-managed/index.js';
import type { IamStore } from './iam-store.js';

export interface BootstrapOptions {
  accountId: string;
  rootEmail: string;
  accountName?: string;
  /** A key the operator chose (`WARD_BOOTSTRAP_ACCESS_KEY_ID` / `..._SECRET_ACCESS_KEY`); generated when absent. */
  accessKey?: { accessKeyId: string; secretAccessKey: string };
  /** Root's console password (`WARD_ROOT_PASSWORD`); generated when absent and neither is `rootPasswordHash`. */
  rootPassword?: string;
  /** A hash kept from before an emulator reset, so root signs in with the same password. */
  rootPasswordHash?: string;
  now: Date;
}

export type BootstrapResult =
  | { created: false }
  | {
      created: true;
      accessKeyId: string;
      /** Present only when Ward generated it: shown once, never again. */
      generatedSecret?: string;
      /** Root's console password, present only when Ward generated it: shown once. */
      generatedRootPassword?: string;
    };

const BOOTSTRAP_KEY = 'bootstrap_access_key_id';

/**
 * Creates the management account, its root user and the root's first access key, once. Every
 * run (each start, each emulator reset) also brings the shipped AWS managed policies up to date.
 */
export async function bootstrap(store: IamStore, opts: BootstrapOptions): Promise<BootstrapResult> {
  await syncAwsManagedPolicies(store);
  if (await store.accounts.get(opts.accountId)) return { created: false };
  const generatedRootPassword =
    opts.rootPassword === undefined && opts.rootPasswordHash === undefined ? generatePassword() : undefined;
  const passwordHash = opts.rootPasswordHash ?? (await hashPassword(opts.rootPassword ?? generatedRootPassword!));
  return store.transaction(async (tx) => {
    if (await tx.accounts.get(opts.accountId)) return { created: false };
    await tx.accounts.create({
      accountId: opts.accountId,
      name: opts.accountName ?? 'Management account',
      email: opts.rootEmail,
      createdAt: opts.now,
    });
    const accessKeyId = opts.accessKey?.accessKeyId ?? newAccessKeyId('AKIA', opts.accountId);
    const secret = opts.accessKey?.secretAccessKey ?? newSecretAccessKey();
    await tx.accessKeys.create(
      { accessKeyId, accountId: opts.accountId, status: 'Active', createdAt: opts.now },
      secret,
    );
    await tx.meta.set(BOOTSTRAP_KEY, accessKeyId);
    await tx.credentials.putLoginProfile({
      accountId: opts.accountId,
      passwordHash,
      createdAt: opts.now,
      passwordChangedAt: opts.now,
      resetRequired: false,
    });
    return {
      created: true,
      accessKeyId,
      ...(opts.accessKey ? {} : { generatedSecret: secret }),
      ...(generatedRootPassword ? { generatedRootPassword } : {}),
    };
  });
}

/** The bootstrap key with its secret, so an emulator reset can restore the same credentials. */
export async function bootstrapKey(
  store: IamStore,
): Promise<{ accessKeyId: string; secretAccessKey: string } | undefined> {
  const id = await store.meta.get(BOOTSTRAP_KEY);
  const key = id === undefined ? undefined : await store.accessKeys.getWithSecret(id);
  return key && { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
}

/** The management root's password hash, which an emulator reset carries over. */
export async function bootstrapRootPasswordHash(store: IamStore, accountId: string): Promise<string | undefined> {
  return (await store.credentials.getLoginProfile(accountId, undefined))?.passwordHash;
}

/** 20 characters from every class AWS's strictest password policy asks for. */
function generatePassword(): string {
  const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%^&*()-_=+'];
  const all = classes.join('');
  const chars = classes.map((c) => c[randomInt(c.length)]!);
  while (chars.length < 20) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
