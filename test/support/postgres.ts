import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The throwaway PostgreSQL server scripts/test.sh starts for its second pass
 * (postgres://postgres@127.0.0.1:PORT/postgres); unset on the SQLite pass.
 */
export const TEST_DATABASE_URL = process.env.WARD_TEST_DATABASE_URL || undefined;

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function onServer<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  if (!TEST_DATABASE_URL) throw new Error('WARD_TEST_DATABASE_URL is not set');
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, application_name: 'ward-test-admin' });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the test server, for one Ward (or several nodes of one). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `ward_${randomBytes(6).toString('hex')}`;
  await onServer((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    // FORCE ends the connections of any node still open on it.
    drop: () => onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Runs SQL on the test server's admin database (to end a node's connection, say). */
export function adminQuery(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  return onServer((c) => c.query(text, values));
}
