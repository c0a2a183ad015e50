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

  it('locks an identity at the limit until the window after its last attempt passes', async () => {
    const throttle = new SignInThrottle(store);
    const s = throttle.subjects('user:111122223333/Alice', '10.0.0.1');
    const t0 = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < IDENTITY_LIMIT - 1; i++)
      expect(await throttle.attempt(s, new Date(t0.getTime() + i * 1000))).toBe(true);
    expect(await throttle.attempt(s, new Date(t0.getTime() + 10_000))).toBe(true);
    expect(await throttle.attempt(s, new Date(t0.getTime() + 11_000))).toBe(false);
    // The same identity typed in another case is the same subject.
    expect(
      await throttle.attempt(throttle.subjects('user:111122223333/alice', '10.0.0.9'), new Date(t0.getTime() + 11_000)),
    ).toBe(false);
    // A refused attempt takes no slot: the window runs from the last one taken.
    expect(await throttle.attempt(s, new Date(t0.getTime() + WINDOW_MS + 11_000))).toBe(true);
  });

  it('takes at most IDENTITY_LIMIT slots for attempts made at once', async () => {
    const throttle = new SignInThrottle(store);
    const at = new Date('2026-03-01T00:00:00Z');
    const taken = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        throttle.attempt(throttle.subjects('root:race@example.com', `192.0.2.${i}`), at),
      ),
    );
    expect(taken.filter(Boolean)).toHaveLength(IDENTITY_LIMIT);
  });

  it('counts an address across identities; a success clears the identity and gives back its address slot', async () => {
    const throttle = new SignInThrottle(store);
    const at = new Date('2026-02-01T00:00:00Z');
    for (let i = 0; i < ADDRESS_LIMIT - 1; i++)
      expect(await throttle.attempt(throttle.subjects(`root:user${i}@example.com`, '192.0.2.7'), at)).toBe(true);
    const right = throttle.subjects('root:user0@example.com', '192.0.2.7');
    expect(await throttle.attempt(right, at)).toBe(true);
    await throttle.succeeded(right, at);
    expect((await store.signInFailures.count(right.identity, new Date(0))).count).toBe(0);
    expect((await store.signInFailures.count(right.address, new Date(0))).count).toBe(ADDRESS_LIMIT - 1);
    expect(await throttle.attempt(throttle.subjects('root:one-more@example.com', '192.0.2.7'), at)).toBe(true);
    expect(await throttle.attempt(throttle.subjects('root:someone-new@example.com', '192.0.2.7'), at)).toBe(false);
    expect(await throttle.attempt(throttle.subjects('root:someone-new@example.com', '192.0.2.8'), at)).toBe(true);
  });
});
