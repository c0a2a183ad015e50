import type { AccountTables } from './schema-account.js';
import type { AuditTables } from './schema-audit.js';
import type { ConsoleTables } from './schema-console.js';
import type { CredentialTables } from './schema-credentials.js';
import type { GatewayTables } from './schema-gateway.js';
import type { IamTables } from './schema-iam.js';
import type { OrganizationTables } from './schema-organizations.js';
import type { SamlTables } from './schema-saml.js';
import type { SessionTables } from './schema-sessions.js';

/**
 * Every table of the migrations, for kysely: one type, so each repository queries the same
 * `Db` without casting it to a narrower schema of its own. Timestamps are ISO-8601 strings
 * (sortable, identical on SQLite and PostgreSQL); booleans are 0/1 integers for the same reason.
 * schema.test.ts checks it against the migrated schema, table by table and column by column.
 */
export interface Database
  extends
    IamTables,
    CredentialTables,
    SessionTables,
    AuditTables,
    OrganizationTables,
    AccountTables,
    ConsoleTables,
    SamlTables,
    GatewayTables {}
