import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretBox } from '../../shared/secret-box.js';
import { migrateToLatest } from '../migrate.js';
import type { Database } from '../schema.js';
import { KyselyStore } from './kysely-store.js';

const ACCOUNT = '123456789012';
let db: Kysely<Database> | undefined;
afterEach(() => db?.destroy());

async function openStore(): Promise<KyselyStore> {
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
  await migrateToLatest(db as Kysely<unknown>);
  const store = new KyselyStore(db, new SecretBox(Buffer.alloc(32, 7)));
  await store.accounts.create({ accountId: ACCOUNT, name: 'main', email: 'root@example.com', createdAt: new Date() });
  return store;
}

describe('the tag repository', () => {
  it('treats keys differing in case as one key, except on policies', async () => {
    const store = await openStore();
    const now = new Date();
    await store.users.create(
      { userId: 'AIDAEXAMPLEEXAMPLE001', accountId: ACCOUNT, userName: 'u', path: '/', createdAt: now },
      [{ key: 'Env', value: 'dev' }],
    );
    await store.tags.put('user', 'AIDAEXAMPLEEXAMPLE001', [{ key: 'env', value: 'prod' }]);
    expect(await store.tags.list('user', 'AIDAEXAMPLEEXAMPLE001')).toEqual([{ key: 'env', value: 'prod' }]);
    await store.tags.remove('user', 'AIDAEXAMPLEEXAMPLE001', ['ENV']);
    expect(await store.users.tags('AIDAEXAMPLEEXAMPLE001')).toEqual([]);

    const policyArn = `arn:aws:iam::${ACCOUNT}:policy/p`;
    await store.policies.create(
      {
        policyId: 'ANPAEXAMPLEEXAMPLE001',
        arn: policyArn,
        accountId: ACCOUNT,
        policyName: 'p',
        path: '/',
        defaultVersionId: 'v1',
        createdAt: now,
        updatedAt: now,
      },
      '{}',
      [{ key: 'env', value: 'a' }],
    );
    await store.tags.put('policy', 'ANPAEXAMPLEEXAMPLE001', [{ key: 'Env', value: 'b' }]);
    expect(await store.tags.list('policy', 'ANPAEXAMPLEEXAMPLE001')).toEqual([
      { key: 'Env', value: 'b' },
      { key: 'env', value: 'a' },
    ]);
    await store.tags.remove('policy', 'ANPAEXAMPLEEXAMPLE001', ['ENV', 'env']);
    expect(await store.tags.list('policy', 'ANPAEXAMPLEEXAMPLE001')).toEqual([{ key: 'Env', value: 'b' }]);
  });

  it('lists each kind in its order and keeps OIDC provider tags in their row', async () => {
    const store = await openStore();
    const arn = `arn:aws:iam::${ACCOUNT}:oidc-provider/example.com`;
    await store.oidcProviders.create({
      arn,
      accountId: ACCOUNT,
      url: 'https://example.com',
      clientIds: [],
      thumbprints: [],
      tags: [{ key: 'zz', value: '1' }],
      createdAt: new Date(),
    });
    await store.tags.put('oidc-provider', arn, [
      { key: 'B', value: '2' },
      { key: 'a', value: '3' },
      { key: 'ZZ', value: '4' },
    ]);
    expect(await store.tags.list('oidc-provider', arn)).toEqual([
      { key: 'a', value: '3' },
      { key: 'B', value: '2' },
      { key: 'ZZ', value: '4' },
    ]);
    expect((await store.oidcProviders.get(arn))?.tags).toEqual(await store.tags.list('oidc-provider', arn));
    // Client ID and thumbprint updates leave the tags alone.
    const provider = (await store.oidcProviders.get(arn))!;
    await store.oidcProviders.update({ ...provider, clientIds: ['app'], tags: [] });
    expect(await store.tags.list('oidc-provider', arn)).toHaveLength(3);

    await store.credentials.createMfaDevice(
      {
        serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/t`,
        accountId: ACCOUNT,
        name: 't',
        path: '/',
        createdAt: new Date(),
        assignedRoot: false,
        lastStep: 0,
        driftSteps: 0,
      },
      'JBSWY3DPEHPK3PXP',
      [
        { key: 'abc', value: '1' },
        { key: 'b', value: '2' },
        { key: 'A', value: '3' },
      ],
    );
    // Shorter keys first, then by code unit.
    expect((await store.tags.list('mfa-device', `arn:aws:iam::${ACCOUNT}:mfa/t`)).map((x) => x.key)).toEqual([
      'A',
      'b',
      'abc',
    ]);
  });
});
