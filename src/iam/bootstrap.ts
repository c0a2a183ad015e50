import { newAccessKeyId, newSecretAccessKey } from '../shared/ids.js';
import { syncAwsManagedPolicies } from './aws-managed/index.js';
import type { IamStore } from './iam-store.js';

export interface BootstrapOptions {
  accountId: string;
  rootEmail: string;
  accountName?: string;
  /** A key the operator chose (`WARD_BOOTSTRAP_ACCESS_KEY_ID` / `..._SECRET_ACCESS_KEY`); generated when absent. */
  accessKey?: { accessKeyId: string; secretAccessKey: string };
  now: Date;
}

export type BootstrapResult =
  | { created: false }
  | { created: true; accessKeyId: string; /** Present only when Ward generated it: shown once, never again. */ generatedSecret?: string };

const BOOTSTRAP_KEY = 'bootstrap_access_key_id';

/**
 * Creates the management account, its root user and the root's first access key, once. Every
 * run (each start, each emulator reset) also brings the shipped AWS managed policies up to date.
 */
export async function bootstrap(store: IamStore, opts: BootstrapOptions): Promise<BootstrapResult> {
  await syncAwsManagedPolicies(store);
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
    await tx.accessKeys.create({ accessKeyId, accountId: opts.accountId, status: 'Active', createdAt: opts.now }, secret);
    await tx.meta.set(BOOTSTRAP_KEY, accessKeyId);
    return { created: true, accessKeyId, ...(opts.accessKey ? {} : { generatedSecret: secret }) };
  });
}

/** The bootstrap key with its secret, so an emulator reset can restore the same credentials. */
export async function bootstrapKey(store: IamStore): Promise<{ accessKeyId: string; secretAccessKey: string } | undefined> {
  const id = await store.meta.get(BOOTSTRAP_KEY);
  const key = id === undefined ? undefined : await store.accessKeys.getWithSecret(id);
  return key && { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
}
