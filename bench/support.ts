import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/**
 * Starts a child process and waits until it prints `marker` (or its health endpoint answers).
 * With `stdoutFile` (only together with `readyUrl`), its stdout goes to that file instead of a pipe
 * into this process, which also runs the load generator: reading a server's request log would
 * otherwise cost the load generator CPU in that server's runs only.
 */
export async function startProcess(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  readyUrl?: string,
  stdoutFile?: string,
): Promise<ChildProcess> {
  const out = readyUrl && stdoutFile ? openSync(stdoutFile, 'a') : undefined;
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', out ?? 'pipe', 'inherit'] });
  if (out !== undefined) closeSync(out);
  else child.stdout!.resume();
  const deadline = Date.now() + 30_000;
  if (readyUrl) {
    for (;;) {
      try {
        if ((await fetch(readyUrl)).ok) break;
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) throw new Error(`${cmd} did not start`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } else {
    await once(child.stdout!, 'data');
  }
  return child;
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** One autocannon run; `setupRequest` may rewrite each request (to sign a fresh one). */
export async function load(
  name: string,
  url: string,
  opts: {
    connections: number;
    duration: number;
    request?: Partial<autocannon.Request> & { setupRequest?: (req: autocannon.Request) => autocannon.Request };
  },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.duration,
    ...(opts.request ? { requests: [opts.request] } : {}),
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export function table(rows: LoadResult[], baseline: LoadResult): string {
  const lines = [
    '| workload | req/s | p50 ms | p99 ms | vs bare node:http | non-2xx |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const ratio = `${((r.rps / baseline.rps) * 100).toFixed(0)}%`;
    lines.push(`| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${ratio} | ${r.non2xx + r.errors} |`);
  }
  return lines.join('\n');
}

/** The run with the median request rate (its latencies come with it, not medians of their own). */
export function median(runs: LoadResult[]): LoadResult {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
