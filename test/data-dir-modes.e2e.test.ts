import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from './support/postgres.js';
import { startTestWard } from './support/ward.js';

/**
 * Issue 12, item 17: the SQLite database (password hashes, sealed secrets, the audit trail), its
 * WAL and shared-memory files and the master key were created with the umask's modes (0644 under
 * the usual 022), readable by every local user. They must be 0600 inside a 0700 directory, also
 * when an earlier run left them looser.
 */

const parent = mkdtempSync(join(tmpdir(), 'ward-modes-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;
// On PostgreSQL the data directory holds only the master key (and the outbox).
const FILES = TEST_DATABASE_URL
  ? ['master.key']
  : [
      'ward.sqlite',
      'ward.sqlite-wal',
      'ward.sqlite-shm',
      'audit.sqlite',
      'audit.sqlite-wal',
      'audit.sqlite-shm',
      'master.key',
    ];
const PRIVATE = Object.fromEntries([['.', 0o700], ...FILES.map((f) => [f, 0o600])]);

async function runOnce(dataDir: string): Promise<Record<string, number>> {
  const t = await startTestWard({ settings: { dataDir } });
  try {
    // Migrations and bootstrap have written: the WAL and shared-memory files exist while Ward runs.
    return Object.fromEntries([['.', mode(dataDir)], ...FILES.map((f) => [f, mode(join(dataDir, f))])]);
  } finally {
    // The directory outlives this Ward (the second test starts another on it); a PostgreSQL database does not.
    await t.close({ keepStore: true });
    await t.database?.drop();
  }
}

describe('data directory modes', () => {
  it('creates the directory 0700 and the database, WAL, SHM and master key 0600, whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      const modes = await runOnce(join(parent, 'fresh', 'data'));
      expect(modes).toEqual(PRIVATE);
    } finally {
      process.umask(previous);
    }
  });

  it('tightens a directory and files an earlier run left readable', async () => {
    const dataDir = join(parent, 'loose');
    await runOnce(dataDir);
    chmodSync(dataDir, 0o755);
    for (const f of FILES.filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))) chmodSync(join(dataDir, f), 0o644);
    const modes = await runOnce(dataDir);
    expect(modes).toEqual(PRIVATE);
  });
});
