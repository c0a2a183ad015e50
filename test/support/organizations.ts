import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { newAccessKeyId, newSecretAccessKey } from '../../src/shared/ids.js';
import type { Credentials, TestWard } from './ward.js';

/** An Organizations client on the test Ward (the management account's root by default). */
export function orgs(t: TestWard, credentials?: Credentials): OrganizationsClient {
  return new OrganizationsClient({
    endpoint: t.url,
    region: 'us-east-1',
    credentials: credentials ?? t.root,
    maxAttempts: 1,
  });
}

/** A root access key for an account Ward already has (CreateAccount makes accounts without credentials). */
export async function rootKeyFor(t: TestWard, accountId: string): Promise<Credentials> {
  const root = { accessKeyId: newAccessKeyId('AKIA', accountId), secretAccessKey: newSecretAccessKey() };
  await t.ward.store.accessKeys.create(
    { accessKeyId: root.accessKeyId, accountId, status: 'Active', createdAt: new Date() },
    root.secretAccessKey,
  );
  return root;
}
