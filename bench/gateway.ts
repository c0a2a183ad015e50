// The gateway against direct access to the same fast backend (a bare node:http S3 stand-in), in one
// run: added latency per small request (p50/p99), Ward's CPU per proxied request, and streaming
// throughput and Ward's peak RSS for a large object both ways.
// Usage: npx tsx bench/gateway.ts   (SMALL=3000 LARGE_MIB=1024 CONNECTIONS=16 DURATION=10 ROUNDS=3)
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { type IncomingMessage, request } from 'node:http';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { newAccessKeyId, newSecretAccessKey } from '../src/shared/ids.js';
import { signRequest } from '../src/sigv4/index.js';
import { load, median, startProcess, stop } from './support.js';

const small = Number(process.env.SMALL ?? 3000);
const largeMiB = Number(process.env.LARGE_MIB ?? 1024);
const connections = Number(process.env.CONNECTIONS ?? 16);
const duration = Number(process.env.DURATION ?? 10);
const rounds = Number(process.env.ROUNDS ?? 3);
const root = { accessKeyId: newAccessKeyId('AKIA', '123456789012'), secretAccessKey: newSecretAccessKey() };

type Key = { accessKeyId: string; secretAccessKey: string };

function signedGet(base: string, path: string, key: Key) {
  const s = signRequest({
    method: 'GET',
    url: `${base}${path}`,
    headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    credentials: key,
    region: 'us-east-1',
    service: 's3',
    normalizePath: false,
  });
  return Object.fromEntries(s.headers);
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** One request's latency in ms, its body drained. */
function timed(base: string, path: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request({ hostname: url.hostname, port: url.port, path: url.pathname, headers, agent }, (res) => {
      res.resume();
      res.once('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${base}${path}: ${res.statusCode}`));
        else resolve(Number(process.hrtime.bigint() - started) / 1e6);
      });
    });
    req.once('error', reject);
    req.end();
  });
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** Alternating sequential runs (one connection each) on both paths; the rounds' medians kept. */
async function latency(direct: string, gateway: string, key: Key) {
  const path = '/bench/small.txt';
  const viaWard = signedGet(gateway, path, key);
  const plain = signedGet(direct, path, key);
  for (let i = 0; i < 300; i++) await timed(gateway, path, viaWard); // warm up
  const d: number[] = [];
  const g: number[] = [];
  for (let i = 0; i < small; i++) {
    d.push(await timed(direct, path, plain));
    g.push(await timed(gateway, path, viaWard));
  }
  d.sort((a, b) => a - b);
  g.sort((a, b) => a - b);
  return {
    direct: { p50: percentile(d, 0.5), p99: percentile(d, 0.99) },
    gateway: { p50: percentile(g, 0.5), p99: percentile(g, 0.99) },
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const peakRssMiB = (pid: number): number =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function stream(base: string, method: 'GET' | 'PUT', key: Key, bytes: number): Promise<number> {
  const path = '/bench/large.bin';
  const headers = signedGet(base, path, key);
  if (method === 'PUT') {
    const s = signRequest({
      method: 'PUT',
      url: `${base}${path}`,
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-length': String(bytes) },
      credentials: key,
      region: 'us-east-1',
      service: 's3',
      normalizePath: false,
    });
    Object.assign(headers, Object.fromEntries(s.headers));
  }
  const url = new URL(path, base);
  const started = process.hrtime.bigint();
  await new Promise<void>((resolve, reject) => {
    const req = request({ hostname: url.hostname, port: url.port, path, method, headers }, (res: IncomingMessage) => {
      let got = 0;
      res.on('data', (c: Buffer) => (got += c.length));
      res.once('end', () =>
        res.statusCode === 200 && (method === 'PUT' || got === bytes)
          ? resolve()
          : reject(new Error(`${method} ${base}: ${res.statusCode}, ${got} bytes`)),
      );
    });
    req.once('error', reject);
    if (method === 'GET') req.end();
    else zeros(bytes).pipe(req);
  });
  return bytes / 1024 / 1024 / (Number(process.hrtime.bigint() - started) / 1e9);
}

function zeros(bytes: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024);
  let left = bytes;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

async function benchUser(wardUrl: string): Promise<Key> {
  const iam = new IAMClient({ endpoint: wardUrl, region: 'us-east-1', credentials: root });
  await iam.send(new CreateUserCommand({ UserName: 'bench-gateway' }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'bench-gateway',
      PolicyName: 'objects',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::bench/*' }],
      }),
    }),
  );
  const k = (await iam.send(new CreateAccessKeyCommand({ UserName: 'bench-gateway' }))).AccessKey!;
  return { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
}

async function main(): Promise<void> {
  const tsx = ['--import', 'tsx'];
  const backendPort = 4900 + Math.floor(Math.random() * 100);
  const wardPort = backendPort + 150;
  const dataDir = mkdtempSync(join(tmpdir(), 'ward-bench-gw-'));
  const backend = await startProcess(process.execPath, [...tsx, 'bench/s3-stand-in.ts', String(backendPort)], {});
  const direct = `http://127.0.0.1:${backendPort}`;
  const proxyPort = backendPort + 75;
  const proxy = await startProcess(
    process.execPath,
    [...tsx, 'bench/bare-proxy.ts', String(proxyPort), String(backendPort)],
    {},
  );
  const bareProxy = `http://127.0.0.1:${proxyPort}`;
  const ward = await startProcess(
    process.execPath,
    ['dist/cli/main.js', 'serve', '--port', String(wardPort), '--data', dataDir, '--log-level', 'warn'],
    {
      WARD_BOOTSTRAP_ACCESS_KEY_ID: root.accessKeyId,
      WARD_BOOTSTRAP_SECRET_ACCESS_KEY: root.secretAccessKey,
      WARD_GATEWAY_TARGETS: `s3=${direct}`,
      WARD_GATEWAY_DATA_EVENTS: 'none',
    },
    `http://127.0.0.1:${wardPort}/health`,
    join(dataDir, 'ward.log'),
  );
  const gateway = `http://127.0.0.1:${wardPort}`;
  try {
    const key = await benchUser(gateway);
    const lat = await latency(direct, gateway, key);

    const path = '/bench/small.txt';
    const cpuRuns: Array<{ rps: number; cpuUs: number; directRps: number; proxyRps: number }> = [];
    for (let round = 0; round < rounds; round++) {
      const directRun = await load('direct', direct, {
        connections,
        duration,
        request: { method: 'GET', path, headers: signedGet(direct, path, key) },
      });
      const before = cpuSeconds(ward.pid!);
      const viaWard = await load('gateway', gateway, {
        connections,
        duration,
        request: { method: 'GET', path, headers: signedGet(gateway, path, key) },
      });
      const used = cpuSeconds(ward.pid!) - before;
      const proxied = await load('bare proxy', bareProxy, {
        connections,
        duration,
        request: { method: 'GET', path, headers: signedGet(direct, path, key) },
      });
      cpuRuns.push({
        rps: viaWard.rps,
        cpuUs: (used / (viaWard.rps * duration)) * 1e6,
        directRps: directRun.rps,
        proxyRps: proxied.rps,
      });
      if (viaWard.non2xx + viaWard.errors > 0)
        throw new Error(`gateway load run had ${viaWard.non2xx} non-2xx answers`);
    }
    const mid = median(cpuRuns.map((r) => ({ ...r, name: '', p50: 0, p99: 0, non2xx: 0, errors: 0 })));
    const cpu = cpuRuns.find((r) => r.rps === mid.rps)!;

    const bytes = largeMiB * 1024 * 1024;
    const getDirect = await stream(direct, 'GET', key, bytes);
    const getGateway = await stream(gateway, 'GET', key, bytes);
    const getProxy = await stream(bareProxy, 'GET', key, bytes);
    const putDirect = await stream(direct, 'PUT', key, bytes);
    const putGateway = await stream(gateway, 'PUT', key, bytes);
    const putProxy = await stream(bareProxy, 'PUT', key, bytes);
    const rss = peakRssMiB(ward.pid!);

    const f = (n: number) => n.toFixed(2);
    const lines = [
      `\nnode ${process.version}; backend: bare node:http S3 stand-in; ${small} sequential GETs per path (1 KiB object, alternating); ${connections} connections × ${duration} s load runs (median of ${rounds}); ${largeMiB} MiB streamed each way\n`,
      '| measure | direct | through the gateway | added / ratio |',
      '|---|---:|---:|---:|',
      `| small GET latency p50 (ms) | ${f(lat.direct.p50)} | ${f(lat.gateway.p50)} | +${f(lat.gateway.p50 - lat.direct.p50)} ms |`,
      `| small GET latency p99 (ms) | ${f(lat.direct.p99)} | ${f(lat.gateway.p99)} | +${f(lat.gateway.p99 - lat.direct.p99)} ms |`,
      `| small GET req/s (${connections} connections) | ${Math.round(cpu.directRps)} | ${Math.round(cpu.rps)} | ${((cpu.rps / cpu.directRps) * 100).toFixed(0)}% |`,
      `| small GET req/s through a bare node:http proxy | ${Math.round(cpu.directRps)} | ${Math.round(cpu.proxyRps)} | ${((cpu.proxyRps / cpu.directRps) * 100).toFixed(0)}% |`,
      `| Ward CPU per proxied GET (µs) | – | ${cpu.cpuUs.toFixed(0)} | – |`,
      `| ${largeMiB} MiB GET (MiB/s) | ${getDirect.toFixed(0)} | ${getGateway.toFixed(0)} | ${((getGateway / getDirect) * 100).toFixed(0)}% |`,
      `| ${largeMiB} MiB GET through a bare node:http proxy (MiB/s) | ${getDirect.toFixed(0)} | ${getProxy.toFixed(0)} | ${((getProxy / getDirect) * 100).toFixed(0)}% |`,
      `| ${largeMiB} MiB PUT (MiB/s) | ${putDirect.toFixed(0)} | ${putGateway.toFixed(0)} | ${((putGateway / putDirect) * 100).toFixed(0)}% |`,
      `| ${largeMiB} MiB PUT through a bare node:http proxy (MiB/s) | ${putDirect.toFixed(0)} | ${putProxy.toFixed(0)} | ${((putProxy / putDirect) * 100).toFixed(0)}% |`,
      `| Ward peak RSS over the whole run (MiB) | – | ${rss.toFixed(0)} | – |`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    agent.destroy();
    await stop(ward);
    await stop(proxy);
    await stop(backend);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
