import type { Kysely } from 'kysely';
// kysely 0.29 moved the migrator out of the main entry.
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import * as initial from './migrations/001-initial.js';
import * as policies from './migrations/002-policies.js';
import * as roles from './migrations/003-roles.js';
import * as credentials from './migrations/004-credentials.js';
import * as sessions from './migrations/005-sessions.js';
import * as audit from './migrations/006-audit.js';
import * as organizations from './migrations/007-organizations.js';
import * as rootAccess from './migrations/008-root-access.js';
import * as account from './migrations/009-account.js';
import * as consoleSessions from './migrations/010-console.js';
import * as rootPasswordRecovery from './migrations/011-root-password-recovery.js';
import * as accountClosed from './migrations/012-account-closed.js';
import * as saml from './migrations/013-saml.js';
import * as gateway from './migrations/015-gateway.js';
import * as accountCounts from './migrations/016-account-counts.js';
import * as serverCertificates from './migrations/017-server-certificates.js';
import * as orgPolicyCreated from './migrations/018-org-policy-created.js';

/** Migrations are compiled in, not read from disk, so a bundled or tsx-run Ward finds them alike. */
const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-policies': policies,
  '003-roles': roles,
  '004-credentials': credentials,
  '005-sessions': sessions,
  '006-audit': audit,
  '007-organizations': organizations,
  '008-root-access': rootAccess,
  '009-account': account,
  '010-console': consoleSessions,
  '011-root-password-recovery': rootPasswordRecovery,
  '012-account-closed': accountClosed,
  '013-saml': saml,
  '015-gateway': gateway,
  '016-account-counts': accountCounts,
  '017-server-certificates': serverCertificates,
  '018-org-policy-created': orgPolicyCreated,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Migrations run on any typed connection: they define the schema, whatever type it is later read by. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
