// ListUsers over 100 000 users: per-page latency (MaxItems 100) through the real SDK, and the
// server's memory with that many users. The users are written straight into the SQLite store
// (one transaction, bench/seed.ts) so the set-up takes seconds, then Ward serves them.
// Usage: npx tsx bench/list-users.ts   (USERS=100000)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { configSchema } from '../src/config/config.js';
import { startWard } from '../src/server/ward.js';
import { newAccessKeyId, newSecretAccessKey } from '../src/shared/ids.js';
import { seedUsers } from './seed.js';

const users = Number(process.env.USERS ?? 100_000);
const dataDir = mkdtempSync(join(tmpdir(), 'ward-list-'));
const root = { accessKeyId: newAccessKeyId('AKIA', '123456789012'), secretAccessKey: newSecretAccessKey() };
const config = configSchema.parse({
  port: 0,
  dataDir,
  logLevel: 'warn',
  bootstrapAccessKeyId: root.accessKeyId,
  bootstrapSecretAccessKey: root.secretAccessKey,
  usersPerAccountQuota: users + 10,
});

const ward = await startWard(config);
const baseRss = process.memoryUsage().rss;
// All users in one transaction (batch = users).
const { seconds: loadSeconds } = await seedUsers(ward.store, { accountId: '123456789012', users, batch: users });

const iam = new IAMClient({ endpoint: ward.url, region: 'us-east-1', credentials: root, maxAttempts: 1 });
const pageMs: number[] = [];
let marker: string | undefined;
let seen = 0;
do {
  const s = process.hrtime.bigint();
  const page = await iam.send(new ListUsersCommand({ MaxItems: 100, ...(marker ? { Marker: marker } : {}) }));
  pageMs.push(Number(process.hrtime.bigint() - s) / 1e6);
  seen += page.Users!.length;
  marker = page.Marker;
} while (marker);
global.gc?.();
const rss = process.memoryUsage().rss;
pageMs.sort((a, b) => a - b);
const pct = (p: number) => pageMs[Math.min(pageMs.length - 1, Math.floor((p / 100) * pageMs.length))]!.toFixed(2);
process.stdout.write(
  `\nListUsers over ${seen} users (${pageMs.length} pages of 100, SDK client and Ward in one process, SQLite; users inserted in ${loadSeconds.toFixed(1)} s)\n\n` +
    `| p50 ms/page | p99 ms/page | max ms/page | RSS before the users | RSS after paging all | growth per 100k users (SQLite cache, JIT, SDK included) |\n|---:|---:|---:|---:|---:|---:|\n` +
    `| ${pct(50)} | ${pct(99)} | ${pageMs[pageMs.length - 1]!.toFixed(2)} | ${(baseRss / 2 ** 20).toFixed(0)} MiB | ${(rss / 2 ** 20).toFixed(0)} MiB | ${(((rss - baseRss) / 2 ** 20) * (100_000 / users)).toFixed(0)} MiB |\n`,
);
await ward.close();
rmSync(dataDir, { recursive: true, force: true });
