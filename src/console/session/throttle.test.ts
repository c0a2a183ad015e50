import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../../shared/secret-box.js';
import type { KyselyStore } from '../../store/kysely/kysely-store.js';
import { openSqliteStore } from '../../store/sqlite.js';
import { ADDRESS_LIMIT, IDENTITY_LIMIT, SignInThrottle, WINDOW_MS } from './throttle.js';

describe('SignInThrottle on SQLite', () => {
  let dir: string;
  let store: KyselyStore;
  let close: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ward-throttle-'));
    ({ store, close } = await openSqliteStore(dir, new SecretBox(Buffer.alloc(32, 7))));
  });
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('locks an identity at the limit until the window after its last failure passes', async () => {
    const throttle = new SignInThrottle(store.signInFailures);
    const s = throttle.subjects('user:111122223333/Alice', '10.0.0.1');
    const t0 = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < IDENTITY_LIMIT - 1; i++) await throttle.failed(s, new Date(t0.getTime() + i * 1000));
    expect(await throttle.locked(s, new Date(t0.getTime() + 10_000))).toBe(false);
    await throttle.failed(s, new Date(t0.getTime() + 10_000));
    expect(await throttle.locked(s, new Date(t0.getTime() + 11_000))).toBe(true);
    // The same identity typed in another case is the same subject.
    expect(await throttle.locked(throttle.subjects('user:111122223333/alice', '10.0.0.9'), new Date(t0.getTime() + 11_000))).toBe(true);
    expect(await throttle.locked(s, new Date(t0.getTime() + WINDOW_MS + 11_000))).toBe(false);
  });

  it('counts an address across identities, and a success clears only the identity', async () => {
    const throttle = new SignInThrottle(store.signInFailures);
    const at = new Date('2026-02-01T00:00:00Z');
    for (let i = 0; i < ADDRESS_LIMIT; i++) await throttle.failed(throttle.subjects(`root:user${i}@example.com`, '192.0.2.7'), at);
    const fresh = throttle.subjects('root:someone-new@example.com', '192.0.2.7');
    expect(await throttle.locked(fresh, at)).toBe(true);
    expect(await throttle.locked(throttle.subjects('root:someone-new@example.com', '192.0.2.8'), at)).toBe(false);
    const one = throttle.subjects('root:user0@example.com', '198.51.100.1');
    await throttle.succeeded(one);
    expect((await store.signInFailures.count(one.identity, new Date(0))).count).toBe(0);
    expect((await store.signInFailures.count(fresh.address, new Date(0))).count).toBe(ADDRESS_LIMIT);
  });
});
