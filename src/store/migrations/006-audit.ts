import type { Kysely } from 'kysely';

/**
 * The audit trail (CloudTrail-style event history): one row per API call or sign-in, with the
 * columns LookupEvents filters on and the full CloudTrail JSON record. No foreign keys: events
 * outlive the users, keys and accounts they name, and retention deletes by time alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    // ISO-8601 with milliseconds (sorts as text on both stores).
    .addColumn('event_time', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('event_name', 'text', (c) => c.notNull())
    .addColumn('event_source', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('access_key_id', 'text')
    // JSON arrays of the event's resources' names and types (LookupAttributes ResourceName / ResourceType).
    .addColumn('resource_names', 'text', (c) => c.notNull())
    .addColumn('resource_types', 'text', (c) => c.notNull())
    .addColumn('read_only', 'integer', (c) => c.notNull())
    // The CloudTrail event record (JSON), secrets already redacted.
    .addColumn('record', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('events_account_time')
    .on('events')
    .columns(['account_id', 'event_time', 'event_id'])
    .execute();
  await db.schema
    .createIndex('events_account_name')
    .on('events')
    .columns(['account_id', 'event_name', 'event_time'])
    .execute();
  await db.schema
    .createIndex('events_account_user')
    .on('events')
    .columns(['account_id', 'username', 'event_time'])
    .execute();
  await db.schema
    .createIndex('events_account_key')
    .on('events')
    .columns(['account_id', 'access_key_id', 'event_time'])
    .execute();
  // Retention deletes across accounts by time.
  await db.schema.createIndex('events_time').on('events').column('event_time').execute();
}
