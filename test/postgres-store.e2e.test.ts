import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateUserCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config/config.js';
import { loadMasterKey } from '../src/config/master-key.js';
import { startWard } from '../src/server/ward.js';
import type { InvalidationTopic } from '../src/shared/cache-bus.js';
import { PgCacheBus } from '../src/store/pg-cache-bus.js';
import { TEST_DATABASE_URL, type TestDatabase, adminQuery, createTestDatabase } from './support/postgres.js';
import { ACCOUNT_ID } from './support/ward.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  cleanups.push(() => db.drop());
  return db;
}

async function eventually(boundMs: number, probe: () => boolean | Promise<boolean>): Promise<void> {
  const start = Date.now();
  while (!(await probe())) {
    if (Date.now() - start > boundMs) throw new Error(`not within ${boundMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A cache bus as a Ward node makes it, recording what its subscribers are told. */
async function node(
  url: string,
  options: { failSends?: number } = {},
): Promise<{ bus: PgCacheBus; heard: Array<[InvalidationTopic, string]>; errors: string[] }> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // Dropping the test database ends this pool's connections from the server side; that is expected here.
  pool.on('error', () => undefined);
  let failSends = options.failSends ?? 0;
  // The bus only calls query(); a flaky one stands for a database that is briefly unreachable.
  const flaky = {
    query: (text: string, values: unknown[]) =>
      failSends-- > 0 ? Promise.reject(new Error('connection refused')) : pool.query(text, values),
  } as unknown as pg.Pool;
  const errors: string[] = [];
  const bus = await PgCacheBus.start({
    connectionString: url,
    pool: flaky,
    onError: (_err, message) => errors.push(message),
    reconnectDelayMs: [20, 200],
  });
  cleanups.push(async () => {
    await bus.close();
    await pool.end();
  });
  const heard: Array<[InvalidationTopic, string]> = [];
  bus.subscribe((topic, id) => heard.push([topic, id]));
  return { bus, heard, errors };
}

describe.skipIf(!TEST_DATABASE_URL)('the PostgreSQL cache bus', () => {
  it('delivers at once locally, within a second on the other node, and never twice', async () => {
    const { url } = await database();
    const a = await node(url);
    const b = await node(url);
    expect(a.bus.nodeId).not.toBe(b.bus.nodeId);

    a.bus.publish('access-key', 'AKIAEXAMPLE');
    a.bus.publish('policies', '*');
    expect(a.heard).toEqual([
      ['access-key', 'AKIAEXAMPLE'],
      ['policies', '*'],
    ]);
    await eventually(1000, () => b.heard.length === 2);
    expect(b.heard).toEqual(a.heard);

    b.bus.publish('user', 'AIDAEXAMPLE');
    await eventually(1000, () => a.heard.length === 3);
    // Each node has now seen its own notifications come back from the server, and skipped them.
    await new Promise((r) => setTimeout(r, 100));
    expect(a.heard).toHaveLength(3);
    expect(b.heard).toHaveLength(3);
  });

  it('sends again an invalidation whose NOTIFY failed', async () => {
    const { url } = await database();
    const a = await node(url, { failSends: 2 });
    const b = await node(url);
    a.bus.publish('access-key', 'AKIARETRIED');
    await eventually(2000, () => b.heard.some(([, id]) => id === 'AKIARETRIED'));
    expect(a.errors).toEqual([
      '1 cache invalidation(s) not yet sent to the other nodes; retrying',
      '1 cache invalidation(s) not yet sent to the other nodes; retrying',
    ]);
  });

  it('reconnects a dropped listener, dropping every cached entry, and hears again', async () => {
    const { url, name } = await database();
    const a = await node(url);
    const b = await node(url);

    const ended = await adminQuery(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and application_name = 'ward-cache-bus'`,
      [name],
    );
    expect(ended.rowCount).toBe(2);
    for (const n of [a, b]) {
      // Lost (everything dropped) and, once listening again, everything dropped once more.
      await eventually(2000, () => n.bus.listening && n.heard.filter(([, id]) => id === '*').length >= 10);
      expect(new Set(n.heard.map(([topic]) => topic))).toEqual(
        new Set(['access-key', 'user', 'account', 'policies', 'gateway-resource']),
      );
      expect(n.errors[0]).toMatch(/lost its PostgreSQL connection/);
    }

    a.heard.length = 0;
    b.heard.length = 0;
    a.bus.publish('access-key', 'AKIAAFTER');
    await eventually(1000, () => b.heard.some(([, id]) => id === 'AKIAAFTER'));
  });
});

describe.skipIf(!TEST_DATABASE_URL)('the PostgreSQL store', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('lets two nodes start at once on an empty database: one migrates and bootstraps', async () => {
    const { url } = await database();
    const dataDir = mkdtempSync(join(tmpdir(), 'ward-pg-'));
    dirs.push(dataDir);
    loadMasterKey(dataDir); // both nodes read the one key
    const config = configSchema.parse({
      port: 0,
      dataDir,
      databaseUrl: url,
      logLevel: 'silent',
      accountId: ACCOUNT_ID,
    });
    const nodes = await Promise.all([startWard(config), startWard(config)]);
    cleanups.push(() => Promise.all(nodes.map((n) => n.close())));

    const created = nodes.filter((n) => n.bootstrap.created);
    expect(created).toHaveLength(1);
    const boot = created[0]!.bootstrap;
    if (!boot.created || boot.generatedSecret === undefined) throw new Error('expected a generated bootstrap key');
    const root = { accessKeyId: boot.accessKeyId, secretAccessKey: boot.generatedSecret };
    for (const n of nodes) {
      const iam = new IAMClient({ endpoint: n.url, region: 'us-east-1', credentials: root, maxAttempts: 1 });
      await iam.send(new CreateUserCommand({ UserName: `from-${n.port}` }));
    }
    const iam = new IAMClient({ endpoint: nodes[0].url, region: 'us-east-1', credentials: root, maxAttempts: 1 });
    expect((await iam.send(new ListUsersCommand({}))).Users).toHaveLength(2);
  });

  it('lists in code point order whatever the database locale (sort keys collate "C")', async () => {
    const { url } = await database();
    const dataDir = mkdtempSync(join(tmpdir(), 'ward-pg-'));
    dirs.push(dataDir);
    const ward = await startWard(
      configSchema.parse({ port: 0, dataDir, databaseUrl: url, logLevel: 'silent', accountId: ACCOUNT_ID }),
    );
    cleanups.push(() => ward.close());

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string; column_name: string; collation_name: string | null }>(
        `select table_name, column_name, collation_name from information_schema.columns
          where table_name in ('users', 'groups', 'user_tags') and column_name in ('name_lower', 'key_lower')
          order by table_name, column_name`,
      );
      expect(rows).toEqual([
        { table_name: 'groups', column_name: 'name_lower', collation_name: 'C' },
        { table_name: 'user_tags', column_name: 'key_lower', collation_name: 'C' },
        { table_name: 'users', column_name: 'name_lower', collation_name: 'C' },
      ]);
    } finally {
      await client.end();
    }
  });
});
