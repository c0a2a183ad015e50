import type { EventFilter, EventRepo, StoredEvent } from '../audit/event-store.js';
import type { WardConfig } from '../config/config.js';
import { loadMasterKey } from '../config/master-key.js';
import { SecretBox } from '../shared/secret-box.js';
import { openStore } from '../store/open-store.js';

export interface EventsOptions {
  since?: string;
  name?: string;
  follow?: boolean;
  /** Stops following (tests); SIGINT/SIGTERM otherwise. */
  signal?: AbortSignal;
  write?: (line: string) => void;
}

const OVERLAP_MS = 10_000;

/** `ward events`: the audit trail as JSON lines (CloudTrail records), oldest first. */
export async function eventsCommand(config: WardConfig, options: EventsOptions): Promise<number> {
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  let since: Date | undefined;
  if (options.since !== undefined) {
    since = parseSince(options.since, new Date());
    if (!since) {
      process.stderr.write(`--since: expected a duration (30s, 15m, 1h, 7d) or an ISO date, got ${options.since}\n`);
      return 2;
    }
  }
  const opened = await openStore(config, new SecretBox(loadMasterKey(config.dataDir)));
  try {
    const filter: EventFilter = options.name ? { attribute: { key: 'EventName', value: options.name } } : {};
    // IDs printed within the overlap window; older ones can never come back, so they are dropped.
    const seen = new Map<string, number>();
    let newest = since;
    const printNew = async () => {
      // Events are written in batches, so a late batch may hold times just before the newest seen.
      const from = newest ? new Date(Math.max(newest.getTime() - OVERLAP_MS, since?.getTime() ?? 0)) : undefined;
      const events = await allEvents(opened.store.events, { ...filter, ...(from ? { startTime: from } : {}) });
      for (const e of events.reverse()) {
        if (seen.has(e.eventId)) continue;
        const t = new Date(e.eventTime);
        seen.set(e.eventId, t.getTime());
        write(`${e.record}\n`);
        if (!newest || t > newest) newest = t;
      }
      if (from) for (const [id, at] of seen) if (at < from.getTime()) seen.delete(id);
    };
    await printNew();
    if (!options.follow) return 0;
    let stopped = false;
    let wake: (() => void) | undefined;
    const stop = () => {
      stopped = true;
      wake?.();
    };
    options.signal?.addEventListener('abort', stop, { once: true });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      while (!stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1000);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        if (!stopped) await printNew();
      }
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
    return 0;
  } finally {
    await opened.close();
  }
}

async function allEvents(repo: EventRepo, filter: EventFilter): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await repo.lookup(filter, { limit: 500, ...(cursor !== undefined ? { cursor } : {}) });
    out.push(...page.events);
    cursor = page.next;
  } while (cursor !== undefined);
  return out;
}

/** `1h`, `30m`, `7d`, `45s` before `now`, or an ISO date. */
export function parseSince(text: string, now: Date): Date | undefined {
  const m = /^(\d+)\s*([smhd])$/.exec(text.trim());
  if (m) {
    const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
    return new Date(now.getTime() - Number(m[1]) * unit);
  }
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
