import { parentPort, workerData } from 'node:worker_threads';
import { buildEvents } from '../audit/build-event.js';
import { decodeBatch } from '../audit/portable-batch.js';
import { storeCheckpointer } from '../store/sqlite.js';
import { openTrailAppender } from '../store/sqlite-trail.js';
import { SqliteWriteLock } from '../store/sqlite-write-lock.js';
import { modelNamed } from '../wire/index.js';
import type { AuditWorkerData, FromAuditWorker, ToAuditWorker } from './audit-worker-protocol.js';

// The audit writer thread: builds CloudTrail records for the batches the request thread hands
// over and appends them on its own connection to the trail's SQLite file (store/sqlite-trail.ts).
const port = parentPort!;
const { dataDir, writeLock, defaultAccountId } = workerData as AuditWorkerData;
const log = openTrailAppender(dataDir, new SqliteWriteLock(writeLock));
const store = storeCheckpointer(dataDir);
const send = (m: FromAuditWorker) => port.postMessage(m);
const report = (err: unknown, message: string) =>
  send({ error: err instanceof Error ? (err.stack ?? err.message) : String(err), message });

let queue: Promise<void> = Promise.resolve();
port.on('message', (m: ToAuditWorker) => {
  queue = queue.then(() => handle(m));
});

async function handle(m: ToAuditWorker): Promise<void> {
  if ('close' in m) {
    log.close();
    store.close();
    port.close();
    return;
  }
  const events = buildEvents(decodeBatch(m.batch), defaultAccountId, modelNamed, (err) =>
    report(err, 'building an audit event failed'),
  );
  try {
    log.append(events);
  } catch (err) {
    report(err, 'writing audit events failed');
  }
  try {
    store.checkpoint();
  } catch (err) {
    report(err, 'checkpointing the store failed');
  }
  send({ ack: m.seq });
}
