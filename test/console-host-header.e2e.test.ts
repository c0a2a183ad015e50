import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleHttp } from './support/console-http.js';
import { ROOT_EMAIL, type TestWard, startTestWard } from './support/ward.js';

/** The reset links in the outbox, oldest first. */
function mailedLinks(t: TestWard): string[] {
  const dir = join(t.dataDir, 'outbox');
  let files: string[];
  try {
    files = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return files.flatMap((f) =>
    [...readFileSync(join(dir, f), 'utf8').matchAll(/https?:\/\/\S+\/console\/reset-password\?token=\S+/g)].map(
      (m) => m[0],
    ),
  );
}

/**
 * Attack (issue 12, item 3): POST /console/forgot-password for the real root's email with
 * `Host: attacker.example:8080`. Ward used to build the mailed reset link from the Host header,
 * so the root received a valid token on the attacker's host: one click handed over the account.
 * Expected: links use the configured public URL only, and the console refuses a Host outside
 * the public URL and the listen address (400) before doing anything.
 */
describe('the console and a forged Host header', () => {
  let t: TestWard;
  let port: string;
  beforeAll(async () => {
    t = await startTestWard({ settings: { publicUrl: 'https://ward.example.com' } });
    port = new URL(t.url).port;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a recovery request for the real root sent with an attacker Host, and mails nothing', async () => {
    const client = new ConsoleHttp(t.url);
    const _csrf = await client.csrf('/console/forgot-password');
    const res = await client.post(
      '/console/forgot-password',
      { email: ROOT_EMAIL, _csrf },
      { host: 'attacker.example:8080' },
    );
    expect(res.status).toBe(400);
    expect(res.body).not.toContain('attacker.example');
    await t.ward.flush();
    expect(mailedLinks(t).filter((l) => l.includes('attacker.example'))).toEqual([]);
  });

  it('refuses every console page for a Host outside the allowed set', async () => {
    const client = new ConsoleHttp(t.url);
    for (const host of [
      'attacker.example',
      'attacker.example:8080',
      `127.0.0.1.attacker.example:${port}`,
      `ward.example.com.attacker.example`,
      `127.0.0.1:${Number(port) + 1}`,
    ]) {
      expect((await client.get('/console/signin', { host })).status, host).toBe(400);
    }
  });

  it('answers on the public host and on the listen address, and mails the public URL whichever was used', async () => {
    const client = new ConsoleHttp(t.url);
    for (const host of [
      'ward.example.com',
      'WARD.example.com',
      'ward.example.com:443',
      `127.0.0.1:${port}`,
      `localhost:${port}`,
    ]) {
      expect((await client.get('/console/signin', { host })).status, host).toBe(200);
    }
    const before = mailedLinks(t).length;
    const _csrf = await client.csrf('/console/forgot-password');
    const res = await client.post(
      '/console/forgot-password',
      { email: ROOT_EMAIL, _csrf },
      { host: `localhost:${port}` },
    );
    expect(res.status).toBe(200);
    await t.ward.flush();
    const links = mailedLinks(t).slice(before);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/^https:\/\/ward\.example\.com\/console\/reset-password\?token=[A-Za-z0-9_-]{43}$/);
  });
});

describe('the public URL by default', () => {
  let t: TestWard;
  beforeAll(async () => {
    t = await startTestWard();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is the listen address as bound: links go there, and a foreign Host is refused', async () => {
    const client = new ConsoleHttp(t.url);
    expect((await client.get('/console/signin', { host: 'attacker.example:8080' })).status).toBe(400);
    const _csrf = await client.csrf('/console/forgot-password');
    expect((await client.post('/console/forgot-password', { email: ROOT_EMAIL, _csrf })).status).toBe(200);
    await t.ward.flush();
    const links = mailedLinks(t);
    expect(links).toHaveLength(1);
    expect(links[0]!.startsWith(`${t.url}/console/reset-password?token=`)).toBe(true);
  });
});
