import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConsoleHttp } from './support/console-http.js';
import { ROOT_EMAIL, startTestWard } from './support/ward.js';

/**
 * Issue 12, item 17 follow-up, through a running Ward: an outbox an earlier run left readable
 * (0755, messages 0644) is tightened when Ward starts, and the recovery message Ward then mails
 * is 0600 in a 0700 directory.
 */
const parent = mkdtempSync(join(tmpdir(), 'ward-outbox-e2e-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));
const mode = (path: string) => statSync(path).mode & 0o777;

describe('the outbox of a running Ward', () => {
  it('is private from start, and so is each message', async () => {
    const dataDir = join(parent, 'data');
    const outbox = join(dataDir, 'outbox');
    mkdirSync(outbox, { recursive: true, mode: 0o700 });
    chmodSync(outbox, 0o755);
    writeFileSync(join(outbox, 'earlier.eml'), 'To: <root@example.com>\r\n\r\nan old link', { mode: 0o644 });
    chmodSync(join(outbox, 'earlier.eml'), 0o644);

    const t = await startTestWard({ settings: { dataDir } });
    try {
      expect(mode(outbox)).toBe(0o700);
      expect(mode(join(outbox, 'earlier.eml'))).toBe(0o600);
      const client = new ConsoleHttp(t.url);
      expect((await client.postForm('/console/forgot-password', { email: ROOT_EMAIL })).status).toBe(200);
      const mailed = readdirSync(outbox).filter((f) => f !== 'earlier.eml');
      expect(mailed).toHaveLength(1);
      expect(mode(join(outbox, mailed[0]!))).toBe(0o600);
    } finally {
      await t.close();
    }
  });
});
