import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoleRecord } from '../../iam/records.js';
import type { SecretBox } from '../../shared/secret-box.js';
import { migrateToLatest } from '../migrate.js';
import type { Database } from '../schema.js';
import { KyselyStore } from './kysely-store.js';

let db: Kysely<Database> | undefined;
afterEach(() => db?.destroy());

async function openStore(): Promise<KyselyStore> {
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
  await migrateToLatest(db as Kysely<unknown>);
  const store = new KyselyStore(db, {} as SecretBox);
  await store.accounts.create({
    accountId: '123456789012',
    name: 'main',
    email: 'root@example.com',
    createdAt: new Date(),
  });
  return store;
}

const role: RoleRecord = {
  roleId: 'AROAEXAMPLEEXAMPLE123',
  accountId: '123456789012',
  roleName: 'Deployer',
  path: '/ci/',
  assumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}',
  maxSessionDuration: 3600,
  createdAt: new Date('2026-01-01T00:00:00Z'),
};

describe('roles in the store', () => {
  it('finds a role by name (ignoring case) and by ID, and records its last use', async () => {
    const store = await openStore();
    await store.roles.create(role, [{ key: 'k', value: 'v' }]);
    expect(await store.roles.getByName('123456789012', 'deployer')).toEqual(role);
    expect(await store.roles.getById(role.roleId)).toEqual(role);
    const at = new Date('2026-02-02T10:00:00Z');
    await store.roles.recordLastUsed(role.roleId, at, 'eu-west-1');
    expect((await store.roles.getById(role.roleId))?.lastUsed).toEqual({ at, region: 'eu-west-1' });
    await store.roles.delete(role.roleId);
    expect(await store.roles.getById(role.roleId)).toBeUndefined();
  });

  it("gathers a role's effective policies: inline, attached default versions and the boundary", async () => {
    const store = await openStore();
    await store.roles.create({ ...role, permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/Boundary' }, []);
    const now = new Date();
    for (const [id, name, doc] of [
      ['ANPAAAAAAAAAAAAAAAAA1', 'Managed', '{"m":1}'],
      ['ANPAAAAAAAAAAAAAAAAA2', 'Boundary', '{"b":1}'],
    ] as const) {
      await store.policies.create(
        {
          policyId: id,
          arn: `arn:aws:iam::123456789012:policy/${name}`,
          accountId: '123456789012',
          policyName: name,
          path: '/',
          defaultVersionId: 'v1',
          createdAt: now,
          updatedAt: now,
        },
        doc,
        [],
      );
    }
    const entity = { kind: 'role' as const, id: role.roleId };
    await store.inlinePolicies.put(entity, 'Inline', '{"i":1}');
    await store.policyAttachments.attach('ANPAAAAAAAAAAAAAAAAA1', entity, '123456789012', now);
    expect(await store.effectivePolicies.forRole(role.roleId)).toEqual({
      identity: [
        { id: 'arn:aws:iam::123456789012:role/ci/Deployer#inline/Inline', document: '{"i":1}' },
        { id: 'arn:aws:iam::123456789012:policy/Managed', document: '{"m":1}' },
      ],
      boundary: { id: 'arn:aws:iam::123456789012:policy/Boundary', document: '{"b":1}' },
    });
    expect(await store.effectivePolicies.forRole('AROANOSUCHROLE')).toEqual({ identity: [] });
  });
});
