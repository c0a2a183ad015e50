import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * Private files of the data directory, for every part of Ward that writes there (the store, the
 * master key, the mail outbox): shared, so each creates and tightens its files the same way.
 *
 * Ward's data directory holds the store (password hashes, sealed secrets, the audit trail) and,
 * unless WARD_MASTER_KEY is set, the key that unseals them: only its owner may read any of it.
 * Modes are set at creation, whatever the umask, and tightened on files an earlier version (or a
 * copy) left readable.
 */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir, 0o700);
}

/** Creates `path` empty with mode 0600 if absent (so a library opening it later keeps that mode), else tightens it. */
export function privateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  tighten(path, 0o600);
}

/** Tightens `path` if it exists (SQLite's -wal and -shm come and go with connections). */
export function privateIfPresent(path: string): void {
  if (existsSync(path)) tighten(path, 0o600);
}

function tighten(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (err) {
    // A directory the operator owns but Ward does not (a mounted volume) is theirs to secure.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  }
}
