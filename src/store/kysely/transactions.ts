import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

/**
 * How `store.transaction()` runs on a dialect.
 *
 * SQLite has one writer: Ward's one connection runs transactions one at a time (kysely's
 * mutex) and `BEGIN IMMEDIATE` (sqlite.ts) makes another process wait on busy_timeout, so
 * a transaction there never needs a second attempt.
 *
 * PostgreSQL serves several stateless nodes at once. Every transaction is SERIALIZABLE, so
 * "read, check an invariant, write" (at most two access keys per owner, a name not yet
 * taken, a quota not yet reached) behaves as if the transactions ran one after another;
 * the database aborts one of two that would interleave badly (SQLSTATE 40001, or 40P01 for
 * a deadlock) and the whole transaction function runs again, on a fresh snapshot where the
 * other writer's rows are visible, a bounded number of times with jittered backoff.
 */
export interface TransactionPolicy {
  isolation?: 'serializable' | 'read committed';
  /** Attempts in all, the first included; 1 means no retry. */
  maxAttempts: number;
  /** Backoff before attempt n+1 is uniform in [0, min(maxDelayMs, baseDelayMs * 2^n)). */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const SINGLE_WRITER: TransactionPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 };

export const SERIALIZABLE_WITH_RETRY: TransactionPolicy = {
  isolation: 'serializable',
  maxAttempts: 20,
  baseDelayMs: 4,
  maxDelayMs: 250,
};

/**
 * PostgreSQL's bookkeeping writes (`store.bookkeeping()`: key last-used, service last-accessed):
 * blind, idempotent, monotonic updates of columns no invariant reads, batched a second at a time.
 * They need atomicity, not serializability: under SERIALIZABLE, one flush that touches a few
 * hundred rows takes relation-level SIRead locks on access_keys and service_last_accessed, so it
 * and every concurrent key write (on any node) abort each other (40001) and are retried from
 * scratch. READ COMMITTED row locks suffice; rows are written in key order, so two nodes' flushes
 * wait for each other instead of deadlocking (a deadlock, should one happen, is still retried).
 */
export const READ_COMMITTED_WITH_RETRY: TransactionPolicy = {
  isolation: 'read committed',
  maxAttempts: 5,
  baseDelayMs: 4,
  maxDelayMs: 250,
};

/** SQLSTATEs after which running the whole transaction again is safe and may succeed. */
const RETRYABLE = new Set(['40001', '40P01']);

export function isSerializationFailure(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/**
 * Runs `fn` in one transaction under `policy`. `fn` may run more than once, so it must not
 * have effects outside the transaction (handlers publish cache invalidations after it returns).
 */
export async function runTransaction<T>(
  db: Kysely<Database>,
  policy: TransactionPolicy,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const builder = policy.isolation ? db.transaction().setIsolationLevel(policy.isolation) : db.transaction();
      return await builder.execute(fn);
    } catch (err) {
      if (attempt >= policy.maxAttempts || !isSerializationFailure(err)) throw err;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }
}
