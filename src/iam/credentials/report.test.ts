import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../console/pages/credential-report/csv.js';
import type { SecretBox } from '../../shared/secret-box.js';
import { migrateToLatest } from '../../store/migrate.js';
import { KyselyStore } from '../../store/kysely/kysely-store.js';
import type { Database } from '../../store/schema.js';
import { CREDENTIAL_REPORT_COLUMNS, credentialReportCsv } from './report.js';

const ACCOUNT = '123456789012';
let db: Kysely<Database> | undefined;
afterEach(() => db?.destroy());

describe('credentialReportCsv', () => {
  // IAM's name pattern admits only commas of these; the store is written directly so quotes and
  // line breaks, which a future field (or an imported name) could carry, are covered too.
  it('quotes commas, quotes and line breaks so each user stays one row of 22 columns', async () => {
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    await migrateToLatest(db as Kysely<unknown>);
    const store = new KyselyStore(db, {} as SecretBox);
    const createdAt = new Date('2026-01-02T03:04:05Z');
    await store.accounts.create({ accountId: ACCOUNT, name: 'main', email: 'root@example.com', createdAt });
    const names = ['a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf'];
    for (const [i, userName] of names.entries()) {
      await store.users.create(
        { userId: `AIDAEXAMPLEEXAMPLE00${i}`, accountId: ACCOUNT, userName, path: '/', createdAt },
        [],
      );
    }

    const [header, ...rows] = parseCsv(await credentialReportCsv(store, ACCOUNT, createdAt));
    expect(header).toEqual([...CREDENTIAL_REPORT_COLUMNS]);
    expect(rows).toHaveLength(1 + names.length);
    for (const row of rows) expect(row).toHaveLength(CREDENTIAL_REPORT_COLUMNS.length);
    expect(rows[0]?.[0]).toBe('<root_account>');
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...names].sort());
    for (const name of names) {
      const row = rows.find((r) => r[0] === name);
      expect(row?.[1]).toBe(`arn:aws:iam::${ACCOUNT}:user/${name}`);
      expect(row?.[2]).toBe('2026-01-02T03:04:05+00:00');
      expect(row?.slice(3)).toEqual([
        'false',
        'N/A',
        'N/A',
        'N/A',
        'false',
        'false',
        'N/A',
        'N/A',
        'N/A',
        'N/A',
        'false',
        'N/A',
        'N/A',
        'N/A',
        'N/A',
        'false',
        'N/A',
        'false',
        'N/A',
      ]);
    }
  });
});
