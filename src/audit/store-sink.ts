import { type ModelOf, buildEvents } from './build-event.js';
import type { EventRepo } from './event-store.js';
import type { AuditEntry } from './entries.js';
import type { AuditSink } from './trail.js';

export interface StoreSinkOptions {
  events: { transaction<T>(fn: (tx: { events: EventRepo }) => Promise<T>): Promise<T> };
  defaultAccountId: string;
  modelOf: ModelOf;
  onError: (err: unknown, message: string) => void;
}

/**
 * Builds records and stores them on the calling thread, a batch per transaction: for a store
 * that is across a network anyway (PostgreSQL), where the thread only waits on I/O.
 */
export function storeAuditSink(options: StoreSinkOptions): AuditSink {
  let last: Promise<void> = Promise.resolve();
  let inFlight = 0;
  /** The last batch failed to store (the database refused it); cleared by the next one stored. */
  let failing = false;
  return {
    write(batch: AuditEntry[]): Promise<void> {
      const events = buildEvents(batch, options.defaultAccountId, options.modelOf, (err) =>
        options.onError(err, 'building an audit event failed'),
      );
      inFlight += batch.length;
      // A failed batch is reported by the trail; the ones after it still go.
      last = last
        .catch(() => undefined)
        .then(() => options.events.transaction((tx) => tx.events.append(events)))
        .then(
          () => void (failing = false),
          (err: unknown) => {
            failing = true;
            throw err;
          },
        )
        .finally(() => void (inFlight -= batch.length));
      return last;
    },
    backlog: () => inFlight,
    failure: () => (failing ? 'writes failing' : undefined),
    close: () => last.catch(() => undefined),
  };
}
