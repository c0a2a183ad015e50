/**
 * Who may write to the SQLite file next, between the request thread's connection and the audit
 * writer thread's. SQLite's own lock would do, but its busy handler sleeps in whole milliseconds
 * and, better-sqlite3 being synchronous, the request thread's event loop sleeps with it: every
 * request on the node stalled whenever a write met an audit commit. Here the request thread waits
 * asynchronously (Atomics.waitAsync) and is woken the moment the writer lets go; the writer thread
 * steps aside while the request thread waits. SQLite's lock still guards against other processes.
 */
export class SqliteWriteLock {
  readonly buffer: SharedArrayBuffer;
  readonly #words: Int32Array;

  /** A new lock, or the one another thread shares through `buffer`. */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(8)) {
    this.buffer = buffer;
    this.#words = new Int32Array(buffer);
  }

  /** The request thread: resolves once the lock is ours, never blocking the event loop. */
  async acquire(): Promise<void> {
    const w = this.#words;
    if (Atomics.compareExchange(w, STATE, FREE, HELD) === FREE) return;
    Atomics.add(w, WAITING, 1);
    try {
      while (Atomics.compareExchange(w, STATE, FREE, HELD) !== FREE) {
        const wait = Atomics.waitAsync(w, STATE, HELD);
        if (wait.async) await wait.value;
      }
    } finally {
      Atomics.sub(w, WAITING, 1);
      Atomics.notify(w, WAITING);
    }
  }

  /** The writer thread (which may block): waits while the request thread wants the lock or has it. */
  acquireSync(): void {
    const w = this.#words;
    for (;;) {
      const waiting = Atomics.load(w, WAITING);
      if (waiting > 0) {
        Atomics.wait(w, WAITING, waiting, RECHECK_MS);
        continue;
      }
      if (Atomics.compareExchange(w, STATE, FREE, HELD) === FREE) return;
      Atomics.wait(w, STATE, HELD, RECHECK_MS);
    }
  }

  /** Whether either thread holds the lock now (for /metrics). */
  held(): boolean {
    return Atomics.load(this.#words, STATE) === HELD;
  }

  /** Request-thread transactions waiting for the lock now (for /metrics). */
  waiting(): number {
    return Atomics.load(this.#words, WAITING);
  }

  release(): void {
    Atomics.store(this.#words, STATE, FREE);
    Atomics.notify(this.#words, STATE);
  }
}

const STATE = 0;
const WAITING = 1;
const FREE = 0;
const HELD = 1;
/** A bound on any one wait, in case a wake-up is missed between a check and the wait. */
const RECHECK_MS = 5;
