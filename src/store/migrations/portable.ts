import { type Expression, type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Helpers that keep one migration valid on SQLite and PostgreSQL. Both stores hold the same
 * column types (text for ISO timestamps and IDs, integer 0/1 for booleans); only what a
 * type means differs, and that is handled here.
 */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Text that listings sort and page by (`name_lower`, `key_lower`). SQLite compares text
 * bytewise; a PostgreSQL database created with a language locale (en_US.UTF-8, say) would
 * sort by that language's rules instead, so such columns take the "C" collation there and
 * both stores list in the same (code point) order.
 */
export function sortableText(db: Kysely<unknown>): 'text' | Expression<unknown> {
  return isPostgres(db) ? sql`text collate "C"` : 'text';
}
