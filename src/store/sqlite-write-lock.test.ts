import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteWriteLock } from './sqlite-write-lock.js';

const BOOT = new URL('../server/ts-worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./testing/write-lock-holder.ts', import.meta.url).href;

let worker: Worker | undefined;
afterEach(async () => {
  await worker?.terminate();
  worker = undefined;
});

function holder(lock: SqliteWriteLock, counter = new SharedArrayBuffer(4)): Worker {
  worker = new Worker(BOOT, { workerData: { entry: ENTRY, lock: lock.buffer, counter } });
  return worker;
}
const next = async (w: Worker) => ((await once(w, 'message')) as [string])[0];

describe('the write lock shared by the request thread and the audit writer', () => {
  it('the request thread waits for the writer without blocking its event loop', async () => {
    const lock = new SqliteWriteLock();
    const w = holder(lock);
    w.postMessage({ hold: 150 });
    expect(await next(w)).toBe('held');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const released = next(w);
    await lock.acquire();
    clearInterval(timer);
    expect(await released).toBe('released');
    expect(ticks).toBeGreaterThan(3);
    lock.release();
  });

  it('the writer waits while the request thread holds it', async () => {
    const lock = new SqliteWriteLock();
    const w = holder(lock);
    await lock.acquire();
    w.postMessage({ hold: 0 });
    const order: string[] = [];
    const held = next(w).then((m) => order.push(m));
    await new Promise((r) => setTimeout(r, 50));
    order.push('request thread releases');
    lock.release();
    await held;
    expect(order).toEqual(['request thread releases', 'held']);
  });

  it('a writer that keeps taking it steps aside for a waiting request thread', async () => {
    const lock = new SqliteWriteLock();
    const counter = new SharedArrayBuffer(4);
    const w = holder(lock, counter);
    const churned = next(w);
    w.postMessage({ churn: 500 });
    while (Atomics.load(new Int32Array(counter), 0) === 0) await new Promise((r) => setTimeout(r, 1));
    await lock.acquire();
    const doneWhenAcquired = Atomics.load(new Int32Array(counter), 0);
    lock.release();
    expect(doneWhenAcquired).toBeLessThan(500);
    expect(await churned).toBe('churned');
  });
});
