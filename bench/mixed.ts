// Mixed workload at scale: 80% signed reads and authorizations, 20% writes, against (a) one Ward
// node on SQLite and (b) two Ward nodes on one PostgreSQL, with WARD_BENCH_USERS users (default
// 100 000) and WARD_BENCH_KEYS access keys (default 200 000) seeded straight into the store
// (bench/seed.ts), each configuration beside the same workload on a nearly empty store (100 users,
// 200 keys) for the memory comparison.
//
// Every request is signed afresh (SigV4, src/sigv4) by this process, which is the load generator;
// the Ward nodes are child processes. Fixed concurrency (WARD_BENCH_CONCURRENCY, default 16)
// over keep-alive connections, requests spread round-robin over the nodes.
//   reads (80%, 20% each), signed by a random seeded key, allowed by a managed policy on a group
//   every seeded user is in: sts:GetCallerIdentity, iam:GetUser (self), iam:ListAccessKeys
//   (self), POST /authorize of an s3:GetObject request signed by that key;
//   writes (20%, 5% each), signed by the root key: iam:CreateUser (new name), iam:TagUser (random
//   seeded user), iam:UpdateAccessKey (random seeded key, Status=Active), and
//   iam:CreateAccessKey / iam:DeleteAccessKey in turn on users this run created.
//
// Usage: npx tsx bench/mixed.ts
//   WARD_BENCH_USERS=100000 WARD_BENCH_KEYS=200000 WARD_BENCH_DURATION=20 WARD_BENCH_WARMUP=5
//   WARD_BENCH_CONCURRENCY=16 WARD_BENCH_CONFIGS=sqlite,postgres WARD_LOG_LEVEL=info
import { createHash, randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { bootstrap } from '../src/iam/bootstrap.js';
import { newAccessKeyId, newSecretAccessKey } from '../src/shared/ids.js';
import { SecretBox } from '../src/shared/secret-box.js';
import { signRequest } from '../src/sigv4/index.js';
import { openStore } from '../src/store/open-store.js';
import { type ThrowawayPostgres, freePort, startPostgres } from './postgres.js';
import { type SeededKey, seedUsers } from './seed.js';
import { startProcess, stop } from './support.js';

const USERS = Number(process.env.WARD_BENCH_USERS ?? 100_000);
const KEYS = Number(process.env.WARD_BENCH_KEYS ?? 200_000);
const DURATION = Number(process.env.WARD_BENCH_DURATION ?? 20);
const WARMUP = Number(process.env.WARD_BENCH_WARMUP ?? 5);
const CONCURRENCY = Number(process.env.WARD_BENCH_CONCURRENCY ?? 16);
const CONFIGS = (process.env.WARD_BENCH_CONFIGS ?? 'sqlite,postgres').split(',').map((s) => s.trim());
const LOG_LEVEL = process.env.WARD_LOG_LEVEL ?? 'info';
/** Share of reads in percent (the rest are writes); 80 unless WARD_BENCH_READ_PERCENT says otherwise. */
const READ_PERCENT = Number(process.env.WARD_BENCH_READ_PERCENT ?? 80);
const BASE_USERS = 100;
const BASE_KEYS = 200;

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const FORM = 'application/x-www-form-urlencoded; charset=utf-8';
const MASTER_KEY = randomBytes(32).toString('hex');
/** The token /authorize requires; the load generator is the platform service here. */
const AUTHORIZE_TOKEN = randomBytes(24).toString('hex');
const root = { accessKeyId: newAccessKeyId('AKIA', ACCOUNT), secretAccessKey: newSecretAccessKey() };
const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['iam:GetUser', 'iam:ListAccessKeys'],
      Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`,
    },
    { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bench-bucket/*' },
  ],
});

// ---------------------------------------------------------------------------------------------
// Store set-up and Ward nodes

interface Target {
  dataDirs: string[];
  databaseUrl?: string;
  nodes: number;
}

async function seed(
  target: Target,
  users: number,
  keys: number,
): Promise<{ keys: SeededKey[]; userNames: string[]; seconds: number }> {
  const box = new SecretBox(Buffer.from(MASTER_KEY, 'hex'));
  const opened = await openStore(
    { dataDir: target.dataDirs[0]!, ...(target.databaseUrl ? { databaseUrl: target.databaseUrl } : {}) },
    box,
  );
  try {
    await bootstrap(opened.store, {
      accountId: ACCOUNT,
      rootEmail: 'root@ward.local',
      now: new Date(),
      accessKey: root,
    });
    const r = await seedUsers(opened.store, { accountId: ACCOUNT, users, keys, policyDocument: POLICY });
    if (target.databaseUrl) {
      // Planner statistics, as autovacuum would have gathered on a database that grew over time.
      const client = new pg.Client({ connectionString: target.databaseUrl });
      await client.connect();
      await client.query('ANALYZE').finally(() => client.end());
    }
    return { keys: r.keys, userNames: r.userNames, seconds: r.seconds };
  } finally {
    await opened.close();
  }
}

interface Node {
  child: ChildProcess;
  port: number;
  agent: Agent;
}

async function startNodes(target: Target): Promise<Node[]> {
  const nodes: Node[] = [];
  for (let i = 0; i < target.nodes; i++) {
    const port = await freePort();
    const args = [
      'bin/ward.js',
      'serve',
      '--port',
      String(port),
      '--data',
      target.dataDirs[i]!,
      '--log-level',
      LOG_LEVEL,
    ];
    if (target.databaseUrl) args.push('--database', target.databaseUrl);
    const child = await startProcess(
      process.execPath,
      args,
      {
        WARD_MASTER_KEY: MASTER_KEY,
        WARD_BOOTSTRAP_ACCESS_KEY_ID: root.accessKeyId,
        WARD_BOOTSTRAP_SECRET_ACCESS_KEY: root.secretAccessKey,
        WARD_QUOTA_USERS_PER_ACCOUNT: '10000000',
        WARD_AUTHORIZE_TOKEN: AUTHORIZE_TOKEN,
      },
      `http://127.0.0.1:${port}/health`,
      // The request log goes to a file, as in production, not into this process (the load generator).
      join(target.dataDirs[i]!, 'ward.log'),
    );
    nodes.push({ child, port, agent: new Agent({ keepAlive: true, maxSockets: CONCURRENCY }) });
  }
  return nodes;
}

async function stopNodes(nodes: Node[]): Promise<void> {
  for (const n of nodes) {
    n.agent.destroy();
    await stop(n.child);
  }
}

/** VmRSS (resident now) or VmHWM (the peak so far) of a process, in MiB. */
function memMiB(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

// ---------------------------------------------------------------------------------------------
// The workload

interface Req {
  kind: 'read' | 'write';
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Checks a 200 answer; returns an error description, or undefined when it is what was asked. */
  check?: (body: string) => string | undefined;
  onOk?: (body: string) => void;
}

function signedForm(
  port: number,
  service: 'iam' | 'sts',
  body: string,
  as: { accessKeyId: string; secretAccessKey: string },
) {
  const s = signRequest({
    method: 'POST',
    url: `http://127.0.0.1:${port}/`,
    headers: { 'content-type': FORM },
    body,
    credentials: as,
    region: REGION,
    service,
  });
  return {
    method: 'POST',
    path: '/',
    headers: { ...Object.fromEntries(s.headers), 'content-length': String(Buffer.byteLength(body)) },
    body,
  };
}

class Workload {
  #n = 0;
  readonly #run = Date.now().toString(36);
  /** Users this run created that have no access key yet, and keys this run created. */
  readonly #fresh: string[] = [];
  readonly #created: Array<{ userName: string; accessKeyId: string }> = [];
  /** Distinct seeded keys that signed a read so far: how full the nodes' credential caches can be. */
  readonly touched = new Set<string>();

  constructor(
    private readonly keys: SeededKey[],
    private readonly userNames: string[],
  ) {}

  next(port: number): Req {
    const r = Math.random() * 100;
    const n = this.#n++;
    if (r < READ_PERCENT) {
      const key = this.keys[Math.floor(Math.random() * this.keys.length)]!;
      this.touched.add(key.accessKeyId);
      const read = Math.floor((r / READ_PERCENT) * 4);
      if (read === 0)
        return {
          kind: 'read',
          name: 'GetCallerIdentity',
          ...signedForm(port, 'sts', 'Action=GetCallerIdentity&Version=2011-06-15', key),
        };
      if (read === 1)
        return { kind: 'read', name: 'GetUser', ...signedForm(port, 'iam', 'Action=GetUser&Version=2010-05-08', key) };
      if (read === 2)
        return {
          kind: 'read',
          name: 'ListAccessKeys',
          ...signedForm(port, 'iam', 'Action=ListAccessKeys&Version=2010-05-08', key),
        };
      return this.#authorize(port, key, n);
    }
    const form = (body: string) => signedForm(port, 'iam', `${body}&Version=2010-05-08`, root);
    const write = Math.floor(((r - READ_PERCENT) / (100 - READ_PERCENT)) * 4);
    if (write === 0) return this.#createUser(form, n);
    if (write === 1) {
      const user = this.userNames[Math.floor(Math.random() * this.userNames.length)]!;
      return {
        kind: 'write',
        name: 'TagUser',
        ...form(`Action=TagUser&UserName=${user}&Tags.member.1.Key=bench&Tags.member.1.Value=v${n}`),
      };
    }
    if (write === 2) {
      const key = this.keys[Math.floor(Math.random() * this.keys.length)]!;
      return {
        kind: 'write',
        name: 'UpdateAccessKey',
        ...form(`Action=UpdateAccessKey&UserName=${key.userName}&AccessKeyId=${key.accessKeyId}&Status=Active`),
      };
    }
    // Key churn on users this run created: delete a key made earlier, or make one.
    if (this.#created.length > 0 && (this.#fresh.length === 0 || Math.random() < 0.5)) {
      const k = this.#created.shift()!;
      return {
        kind: 'write',
        name: 'DeleteAccessKey',
        ...form(`Action=DeleteAccessKey&UserName=${k.userName}&AccessKeyId=${k.accessKeyId}`),
        onOk: () => this.#fresh.push(k.userName),
      };
    }
    const userName = this.#fresh.shift();
    if (userName === undefined) return this.#createUser(form, n);
    return {
      kind: 'write',
      name: 'CreateAccessKey',
      ...form(`Action=CreateAccessKey&UserName=${userName}`),
      onOk: (body) => {
        const id = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(body)?.[1];
        if (id) this.#created.push({ userName, accessKeyId: id });
      },
    };
  }

  #createUser(form: (body: string) => ReturnType<typeof signedForm>, n: number): Req {
    const userName = `mixed-${this.#run}-${n}`;
    return {
      kind: 'write',
      name: 'CreateUser',
      ...form(`Action=CreateUser&UserName=${userName}`),
      onOk: () => this.#fresh.push(userName),
    };
  }

  /** What a storage service behind Ward would do: hand Ward the request it received, signed by the caller. */
  #authorize(port: number, key: SeededKey, n: number): Req {
    const objectPath = `/bench-bucket/object-${n % 1000}`;
    const s3 = signRequest({
      method: 'GET',
      url: `http://s3.bench.local${objectPath}`,
      credentials: key,
      region: REGION,
      service: 's3',
      signPayloadHeader: true,
    });
    const body = JSON.stringify({
      request: { method: 'GET', url: objectPath, headers: s3.headers, bodySha256: EMPTY_SHA256 },
      action: 's3:GetObject',
      resource: `arn:aws:s3:::bench-bucket/object-${n % 1000}`,
    });
    return {
      kind: 'read',
      name: 'authorize',
      method: 'POST',
      path: '/authorize',
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        host: `127.0.0.1:${port}`,
        authorization: `Bearer ${AUTHORIZE_TOKEN}`,
      },
      body,
      check: (b) => (b.includes('"allowed":true') ? undefined : `not allowed: ${b.slice(0, 200)}`),
    };
  }
}

function send(node: Node, req: Req): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      {
        host: '127.0.0.1',
        port: node.port,
        method: req.method,
        path: req.path,
        headers: req.headers,
        agent: node.agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

interface Measured {
  seconds: number;
  read: number[];
  write: number[];
  errors: number;
  errorSamples: Map<string, number>;
  byName: Map<string, number[]>;
}

async function drive(nodes: Node[], workload: Workload, seconds: number): Promise<Measured> {
  const m: Measured = { seconds, read: [], write: [], errors: 0, errorSamples: new Map(), byName: new Map() };
  let turn = 0;
  const t0 = process.hrtime.bigint();
  const end = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < end) {
      const node = nodes[turn++ % nodes.length]!;
      const req = workload.next(node.port);
      const s = process.hrtime.bigint();
      let problem: string | undefined;
      try {
        const res = await send(node, req);
        if (res.status !== 200) problem = `${req.name} ${res.status}: ${res.body.slice(0, 200)}`;
        else problem = req.check?.(res.body);
        if (problem === undefined) req.onOk?.(res.body);
      } catch (err) {
        problem = `${req.name}: ${(err as Error).message}`;
      }
      const ms = Number(process.hrtime.bigint() - s) / 1e6;
      (req.kind === 'read' ? m.read : m.write).push(ms);
      let list = m.byName.get(req.name);
      if (!list) m.byName.set(req.name, (list = []));
      list.push(ms);
      if (problem !== undefined) {
        m.errors++;
        const sample = problem.replace(/RequestId>[^<]*/g, 'RequestId>');
        m.errorSamples.set(sample, (m.errorSamples.get(sample) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  m.seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return m;
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// ---------------------------------------------------------------------------------------------
// One configuration at one scale

interface Row {
  config: string;
  users: number;
  keys: number;
  seedSeconds: number;
  rps: number;
  p50: number;
  p99: number;
  readP50: number;
  readP99: number;
  writeP50: number;
  writeP99: number;
  readShare: number;
  requests: number;
  errors: number;
  /** Per node: RSS after the warm-up, mean RSS over the measured run (sampled every 250 ms), peak RSS. */
  rssWarm: number[];
  rssRun: number[];
  rssPeak: number[];
  distinctKeys: number;
}

async function measure(configName: string, target: Target, users: number, keys: number): Promise<Row> {
  process.stderr.write(`[mixed] ${configName}: seeding ${users} users, ${keys} keys…\n`);
  const seeded = await seed(target, users, keys);
  process.stderr.write(
    `[mixed] ${configName}: seeded in ${seeded.seconds.toFixed(1)} s; starting ${target.nodes} node(s)\n`,
  );
  const nodes = await startNodes(target);
  try {
    const workload = new Workload(seeded.keys, seeded.userNames);
    await drive(nodes, workload, WARMUP);
    const rssWarm = nodes.map((n) => memMiB(n.child.pid!));
    // One RSS reading swings with the garbage collector; the mean over the run is steadier.
    const samples: number[][] = nodes.map(() => []);
    const sampler = setInterval(() => nodes.forEach((n, i) => samples[i]!.push(memMiB(n.child.pid!))), 250);
    const m = await drive(nodes, workload, DURATION);
    clearInterval(sampler);
    const rssRun = samples.map((xs) => sum(xs) / xs.length);
    const rssPeak = nodes.map((n) => memMiB(n.child.pid!, 'VmHWM'));
    const all = [...m.read, ...m.write].sort((a, b) => a - b);
    m.read.sort((a, b) => a - b);
    m.write.sort((a, b) => a - b);
    if (m.errors > 0) {
      process.stderr.write(`[mixed] ${configName}: ${m.errors} errors\n`);
      for (const [sample, count] of [...m.errorSamples].sort((a, b) => b[1] - a[1]).slice(0, 5))
        process.stderr.write(`  ${count}× ${sample}\n`);
    }
    const perOp = [...m.byName].map(
      ([k, v]) =>
        `${k} ${v.length} (p50 ${fmt(
          pct(
            v.sort((a, b) => a - b),
            50,
          ),
        )} ms)`,
    );
    process.stderr.write(`[mixed] ${configName}: ${perOp.join(', ')}\n`);
    return {
      config: configName,
      users,
      keys,
      seedSeconds: seeded.seconds,
      rps: all.length / m.seconds,
      p50: pct(all, 50),
      p99: pct(all, 99),
      readP50: pct(m.read, 50),
      readP99: pct(m.read, 99),
      writeP50: pct(m.write, 50),
      writeP99: pct(m.write, 99),
      readShare: m.read.length / all.length,
      requests: all.length,
      errors: m.errors,
      rssWarm,
      rssRun,
      rssPeak,
      distinctKeys: workload.touched.size,
    };
  } finally {
    await stopNodes(nodes);
  }
}

// ---------------------------------------------------------------------------------------------

const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');
const thousands = (n: number) =>
  Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

async function main(): Promise<void> {
  const rows: Array<{ base: Row; full: Row }> = [];
  const cleanups: Array<() => void> = [];
  let pgServer: ThrowawayPostgres | undefined;
  try {
    for (const config of CONFIGS) {
      if (config === 'sqlite') {
        const target = (): Target => {
          const dir = mkdtempSync(join(tmpdir(), 'ward-mixed-'));
          cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
          return { dataDirs: [dir], nodes: 1 };
        };
        const base = await measure('1 node, SQLite (base)', target(), BASE_USERS, BASE_KEYS);
        const full = await measure('1 node, SQLite', target(), USERS, KEYS);
        rows.push({ base, full });
      } else if (config === 'postgres') {
        pgServer ??= await startPostgres();
        const server = pgServer;
        const target = async (db: string): Promise<Target> => {
          const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'ward-mixed-')));
          cleanups.push(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
          return { dataDirs: dirs, databaseUrl: await server.createDatabase(db), nodes: 2 };
        };
        const base = await measure('2 nodes, PostgreSQL (base)', await target('ward_base'), BASE_USERS, BASE_KEYS);
        const full = await measure('2 nodes, PostgreSQL', await target('ward_full'), USERS, KEYS);
        rows.push({ base, full });
      } else {
        throw new Error(`unknown configuration ${config} (WARD_BENCH_CONFIGS: sqlite, postgres)`);
      }
    }
  } finally {
    pgServer?.stop();
    for (const c of cleanups) c();
  }

  const lines = [
    '| configuration | users / keys | req/s | p50 ms | p99 ms | reads p50 / p99 ms | writes p50 / p99 ms | errors | Ward RSS, mean over the run (MiB) | MiB per 100k users, per node |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { base, full } of rows) {
    for (const r of [base, full]) {
      const nodes = r.rssRun.length;
      const perNode =
        r === full ? (((sum(full.rssRun) - sum(base.rssRun)) / nodes) * 100_000) / (full.users - base.users) : NaN;
      lines.push(
        `| ${r.config} | ${thousands(r.users)} / ${thousands(r.keys)} | ${thousands(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.readP50)} / ${fmt(r.readP99)} | ${fmt(r.writeP50)} / ${fmt(r.writeP99)} | ${r.errors} | ${r.rssRun.map((x) => fmt(x, 0)).join(' + ')} | ${r === full ? fmt(perNode, 0) : ''} |`,
      );
    }
  }
  const seeding = rows.map(({ full }) => `${full.config}: ${fmt(full.seedSeconds)} s`).join('; ');
  const each = rows.flatMap(({ base, full }) => [base, full]);
  const warm = each.map((r) => `${r.config} ${r.rssWarm.map((x) => fmt(x, 0)).join(' + ')} MiB`).join('; ');
  const distinct = each.map((r) => `${r.config} ${thousands(r.distinctKeys)}`).join('; ');
  const peak = each.map((r) => `${r.config} ${r.rssPeak.map((x) => fmt(x, 0)).join(' + ')} MiB`).join('; ');
  const share = rows.map(({ full }) => `${fmt(full.readShare * 100, 1)}%`).join(', ');
  process.stdout.write(
    `\nmixed workload: node ${process.version}, ${CONCURRENCY} concurrent requests from one load-generator process, ${WARMUP} s warm-up then ${DURATION} s measured, ` +
      `Ward log level ${LOG_LEVEL}; reads share of requests: ${share}\n` +
      `seeding (${thousands(USERS)} users, ${thousands(KEYS)} keys, straight into the store): ${seeding}\n` +
      `RSS after warm-up: ${warm}\n` +
      `peak RSS: ${peak}\n` +
      `distinct keys that signed reads (warm-up and run): ${distinct}\n\n` +
      lines.join('\n') +
      '\n',
  );
}

await main();
