import { parentPort, workerData } from 'node:worker_threads';
import { SqliteWriteLock } from '../sqlite-write-lock.js';

// A thread that takes the shared write lock as the audit writer does (sqlite-write-lock.test.ts):
// `hold` holds it once for `ms`; `churn` takes and releases it `times` times, counting in `counter`.
const { lock, counter } = workerData as { lock: SharedArrayBuffer; counter: SharedArrayBuffer };
const writeLock = new SqliteWriteLock(lock);
const count = new Int32Array(counter);
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

parentPort!.on('message', (m: { hold?: number; churn?: number }) => {
  if (m.hold !== undefined) {
    writeLock.acquireSync();
    parentPort!.postMessage('held');
    sleep(m.hold);
    writeLock.release();
    parentPort!.postMessage('released');
  } else if (m.churn !== undefined) {
    for (let i = 0; i < m.churn; i++) {
      writeLock.acquireSync();
      sleep(1);
      Atomics.add(count, 0, 1);
      writeLock.release();
    }
    parentPort!.postMessage('churned');
  }
});
