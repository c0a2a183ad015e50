import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directoryOutbox } from './outbox.js';

/**
 * Issue 12, item 17 follow-up: `<data>/outbox` holds root password-recovery links and email
 * verification codes, and was left to the umask (0755 and 0644 under the usual 022): any local
 * user could read a recovery link. The directory must be 0700 and each message 0600, also when
 * an earlier run left them looser.
 */
const parent = mkdtempSync(join(tmpdir(), 'ward-outbox-modes-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));
const mode = (path: string) => statSync(path).mode & 0o777;
const message = {
  to: 'root@example.com',
  subject: 'Amazon Web Services Password Assistance',
  text: 'a link',
  date: new Date('2026-03-01T10:00:00Z'),
};

let previousUmask: number;
beforeEach(() => {
  previousUmask = process.umask(0o022);
});
afterEach(() => {
  process.umask(previousUmask);
});

describe('the directory outbox', () => {
  it('is created 0700 at start and writes each message 0600', async () => {
    const dir = join(parent, 'fresh', 'outbox');
    const outbox = directoryOutbox(dir);
    expect(mode(dir)).toBe(0o700);
    await outbox.send({ ...message, id: 'm-1' });
    const [name] = readdirSync(dir);
    expect(name).toMatch(/m-1\.eml$/);
    expect(mode(join(dir, name!))).toBe(0o600);
  });

  it('tightens a directory and messages an earlier run left readable', () => {
    const dir = join(parent, 'loose', 'outbox');
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
    writeFileSync(
      join(dir, 'old.eml'),
      'To: <root@example.com>\r\n\r\nhttps://ward.example/console/reset-password?token=x',
      { mode: 0o644 },
    );
    chmodSync(join(dir, 'old.eml'), 0o644);
    directoryOutbox(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'old.eml'))).toBe(0o600);
  });
});
