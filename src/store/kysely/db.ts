import type { Kysely, Transaction } from 'kysely';
import { UniqueViolation } from '../../shared/unique-violation.js';
import type { Database } from '../schema.js';

export type Db = Kysely<Database> | Transaction<Database>;

/** Maps SQLite's and PostgreSQL's unique-violation errors to one domain error. */
export async function mapUnique<T>(constraint: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505') {
      throw new UniqueViolation(constraint);
    }
    throw err;
  }
}

export const iso = (d: Date): string => d.toISOString();
export const date = (s: string): Date => new Date(s);
export const optionalDate = (s: string | null): Date | undefined => (s === null ? undefined : new Date(s));
