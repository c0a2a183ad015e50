import { newAccessKeyId, newSecretAccessKey } from '../../src/shared/ids.js';
import type { Credentials, TestWard } from './ward.js';

/**
 * A second account in the same Ward, with a root access key, made directly through the store
 * port (bootstrap makes only one): for cross-account tests.
 */
export async function secondAccount(
  t: TestWard,
  accountId = '210987654321',
): Promise<{ accountId: string; root: Credentials }> {
  const store = t.ward.store;
  await store.accounts.create({
    accountId,
    name: `account-${accountId}`,
    email: `root+${accountId}@example.com`,
    createdAt: new Date(),
  });
  const root = { accessKeyId: newAccessKeyId('AKIA', accountId), secretAccessKey: newSecretAccessKey() };
  await store.accessKeys.create(
    { accessKeyId: root.accessKeyId, accountId, status: 'Active', createdAt: new Date() },
    root.secretAccessKey,
  );
  return { accountId, root };
}
