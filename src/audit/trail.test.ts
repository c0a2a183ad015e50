import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  type AuditSink,
  AuditTrail,
  type AuditedCall,
  MAX_AUDIT_BACKLOG,
  MAX_AUDIT_BATCH,
} from './trail.js';

/** A sink that stores a batch only when told to. */
function heldSink() {
  const held: Array<{ batch: AuditEntry[]; store: () => void }> = [];
  const stored: AuditEntry[] = [];
  const sink: AuditSink = {
    write: (batch) =>
      new Promise<void>((resolve) => held.push({ batch, store: () => (stored.push(...batch), resolve()) })),
    backlog: () => held.reduce((n, h) => n + h.batch.length, 0),
    close: async () => {},
  };
  const release = () => {
    for (const h of held.splice(0)) h.store();
  };
  return { sink, stored, release };
}

const call = (n: number): AuditedCall => ({
  requestId: `r${n}`,
  at: new Date(0),
  sourceIp: '127.0.0.1',
  userAgent: 'test',
});
const trailOn = (sink: AuditSink, intervalMs = 5) =>
  new AuditTrail({
    sink,
    events: { deleteOlderThan: async () => 0 },
    clock: () => new Date(0),
    retentionDays: 90,
    onError: () => {},
    intervalMs,
  });

describe('the audit trail', () => {
  it('hands buffered calls to its sink by itself, and flush() waits until they are stored', async () => {
    const { sink, stored, release } = heldSink();
    const trail = trailOn(sink);
    trail.record(call(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(sink.backlog()).toBe(1);
    trail.record(call(2));
    const flushed = trail.flush();
    release();
    await flushed;
    expect(stored.map((e) => (e as AuditedCall).requestId)).toEqual(['r1', 'r2']);
  });

  it('hands a full batch over at once, without waiting for the interval, and keeps the order', async () => {
    const { sink, stored, release } = heldSink();
    const trail = trailOn(sink, 60_000);
    for (let i = 0; i < MAX_AUDIT_BATCH - 1; i++) trail.record(call(i));
    expect(sink.backlog()).toBe(0);
    trail.record(call(MAX_AUDIT_BATCH - 1));
    expect(sink.backlog()).toBe(MAX_AUDIT_BATCH);
    trail.record(call(MAX_AUDIT_BATCH));
    const flushed = trail.flush();
    release();
    await flushed;
    expect(stored.map((e) => (e as AuditedCall).requestId)).toEqual(
      Array.from({ length: MAX_AUDIT_BATCH + 1 }, (_, i) => `r${i}`),
    );
    await trail.close();
  });

  it('asks requests to wait once the backlog passes its bound, until the sink catches up', async () => {
    const { sink, stored, release } = heldSink();
    const trail = trailOn(sink);
    for (let i = 0; i < MAX_AUDIT_BACKLOG - 1; i++) trail.record(call(i));
    expect(trail.pressure()).toBeUndefined();
    trail.record(call(MAX_AUDIT_BACKLOG));
    const waiting = trail.pressure();
    expect(waiting).toBeInstanceOf(Promise);
    let done = false;
    void waiting!.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    release();
    await waiting;
    expect(stored.length).toBe(MAX_AUDIT_BACKLOG);
    expect(trail.pressure()).toBeUndefined();
  });

  it('counts its backlog and says when it is not ready: behind, its sink failing, closed', async () => {
    const { sink, release } = heldSink();
    let failure: string | undefined;
    const trail = trailOn({ ...sink, failure: () => failure });
    trail.record(call(1));
    expect(trail.backlog()).toBe(1);
    expect(trail.notReady()).toBeUndefined();
    for (let i = 1; i < MAX_AUDIT_BACKLOG; i++) trail.record(call(i));
    expect(trail.notReady()).toBe('behind');
    const flushed = trail.flush();
    release();
    await flushed;
    expect(trail.backlog()).toBe(0);
    failure = 'writer failed';
    expect(trail.notReady()).toBe('writer failed');
    failure = undefined;
    await trail.close();
    expect(trail.notReady()).toBe('closed');
  });
});
