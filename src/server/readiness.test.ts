import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretBox } from '../shared/secret-box.js';
import { openSqliteStore } from '../store/sqlite.js';
import { Readiness, type ReadinessDeps } from './readiness.js';

const deps = (over: Partial<ReadinessDeps>): ReadinessDeps => ({
  ping: async () => undefined,
  audit: { notReady: () => undefined },
  closing: () => false,
  timeoutMs: 1_000,
  ...over,
});

describe('readiness', () => {
  it('is ready while a real store answers, and names the store once it is closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ward-ready-'));
    try {
      const opened = await openSqliteStore(dir, new SecretBox(Buffer.alloc(32, 7)));
      const changes: Array<[boolean, Record<string, string>, unknown]> = [];
      const readiness = new Readiness(
        deps({ ping: opened.ping, onChange: (ready, problems, err) => changes.push([ready, problems, err]) }),
      );
      expect(await readiness.check()).toEqual({ ready: true, problems: {} });
      await opened.close();
      expect(await readiness.check()).toEqual({ ready: false, problems: { store: 'unreachable' } });
      expect(await readiness.check()).toEqual({ ready: false, problems: { store: 'unreachable' } });
      // Told once per change, with the cause for the log.
      expect(changes.map(([ready, problems]) => [ready, problems])).toEqual([
        [true, {}],
        [false, { store: 'unreachable' }],
      ]);
      expect(changes[1]![2]).toBeInstanceOf(Error);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('calls a store that does not answer in time not ready, and probes meanwhile share the one ping', async () => {
    let pings = 0;
    const readiness = new Readiness(deps({ ping: () => (pings++, new Promise<void>(() => undefined)), timeoutMs: 20 }));
    const [a, b] = await Promise.all([readiness.check(), readiness.check()]);
    expect(a).toEqual({ ready: false, problems: { store: 'timed out' } });
    expect(b).toEqual(a);
    expect(pings).toBe(1);
  });

  it('names the audit trail and a shutdown alongside the store', async () => {
    const readiness = new Readiness(deps({ audit: { notReady: () => 'writer failed' }, closing: () => true }));
    expect(await readiness.check()).toEqual({
      ready: false,
      problems: { server: 'shutting down', audit: 'writer failed' },
    });
  });
});
