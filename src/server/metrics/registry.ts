import { Counter, Gauge, type Metric, Registry, collectDefaultMetrics } from 'prom-client';
import type { CacheStats } from '../../auth/cache-stats.js';
import type { StorePool } from '../../store/open-store.js';
import { type CallMetrics, DURATION_BUCKETS, OUTCOMES } from './call-metrics.js';

/** What /metrics reads, each only when scraped. */
export interface MetricSources {
  calls: CallMetrics;
  /** Hits and misses of Ward's in-memory caches, by the cache's label value. */
  caches: Readonly<Record<string, CacheStats>>;
  /** Calls buffered by the audit trail or handed to its writer and not yet stored. */
  auditBacklog(): number;
  pool(): StorePool;
}

/**
 * Node's process metrics (CPU, memory, event-loop lag, GC, handles) belong to the process, not to
 * one Ward: collected once, however many Wards a process starts (the tests start many), so the
 * event-loop monitor and the GC observer are not multiplied.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'ward_' });
  }
  return processRegistry;
}

/** Ward's metrics and the process's, in Prometheus text format; every value is read at scrape time. */
export function createMetricsRegistry(sources: MetricSources): Registry {
  const ward = new Registry();
  const registers = [ward];

  new Counter({
    name: 'ward_requests_total',
    help: 'Calls through the pipeline by door (api, console, authorize), service, operation and outcome.',
    labelNames: ['entry', 'service', 'operation', 'outcome'],
    registers,
    collect() {
      this.reset();
      for (const s of sources.calls.series()) {
        for (let i = 0; i < OUTCOMES.length; i++) {
          const n = s.outcomes[i]!;
          if (n > 0) this.inc({ entry: s.door, service: s.service, operation: s.operation, outcome: OUTCOMES[i]! }, n);
        }
      }
    },
  });

  ward.registerMetric(durationHistogram(sources.calls));

  new Counter({
    name: 'ward_authorization_denials_total',
    help: 'Denied authorization decisions by door, the policy layer that denied, and whether by an explicit Deny.',
    labelNames: ['entry', 'layer', 'decision'],
    registers,
    collect() {
      this.reset();
      for (const d of sources.calls.denials())
        this.inc({ entry: d.door, layer: d.layer, decision: d.explicit ? 'explicit' : 'implicit' }, d.count);
    },
  });

  for (const result of ['hits', 'misses'] as const) {
    new Counter({
      name: `ward_cache_${result}_total`,
      help: `Lookups ${result === 'hits' ? 'answered from' : 'not found in'} Ward's in-memory caches: credential (access keys, their users, STS sessions), policy (a principal's compiled policies, an account's SCP/RCP levels), policy_compile (compiled documents).`,
      labelNames: ['cache'],
      registers,
      collect() {
        this.reset();
        for (const [cache, stats] of Object.entries(sources.caches)) this.inc({ cache }, stats[result]);
      },
    });
  }

  new Gauge({
    name: 'ward_audit_backlog',
    help: 'Calls the audit trail has buffered or handed to its writer and not yet stored (requests wait past 50000).',
    registers,
    collect() {
      this.set(sources.auditBacklog());
    },
  });

  storeGauges(registers, sources.pool);
  return Registry.merge([ward, processMetrics()]);
}

function storeGauges(registers: Registry[], pool: () => StorePool): void {
  new Gauge({
    name: 'ward_store_connections',
    help: "Store connections of this process by state. PostgreSQL: the pool's total and idle. SQLite: the one request-thread connection (no pool).",
    labelNames: ['backend', 'state'],
    registers,
    collect() {
      this.reset();
      const p = pool();
      this.set({ backend: p.backend, state: 'total' }, p.total);
      if (p.backend === 'postgres') this.set({ backend: p.backend, state: 'idle' }, p.idle);
    },
  });
  new Gauge({
    name: 'ward_store_connections_max',
    help: 'Most store connections this process opens (PostgreSQL pool size; 1 on SQLite).',
    labelNames: ['backend'],
    registers,
    collect() {
      this.reset();
      const p = pool();
      this.set({ backend: p.backend }, p.max);
    },
  });
  new Gauge({
    name: 'ward_store_waiting',
    help: 'PostgreSQL: queries waiting for a pooled connection. SQLite: transactions waiting for the write lock shared with the audit writer thread.',
    labelNames: ['backend'],
    registers,
    collect() {
      this.reset();
      const p = pool();
      this.set({ backend: p.backend }, p.waiting);
    },
  });
  new Gauge({
    name: 'ward_store_write_lock_held',
    help: 'SQLite only: 1 while the request thread or the audit writer holds the write lock.',
    labelNames: ['backend'],
    registers,
    collect() {
      this.reset();
      const p = pool();
      if (p.backend === 'sqlite') this.set({ backend: p.backend }, p.writeLockHeld ? 1 : 0);
    },
  });
}

interface HistogramValue {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

/**
 * The duration histogram, built from CallMetrics' bucket counts at scrape time. prom-client's
 * Histogram can only be fed one observation at a time, so this registers a plain metric object
 * (name, help, type and get()), which is how prom-client's own cluster aggregation registers the
 * metrics it builds (lib/cluster.js).
 */
function durationHistogram(calls: CallMetrics): Metric {
  const name = 'ward_request_duration_seconds';
  const metric = {
    name,
    help: "Time from a call's door to its record (SigV4, dispatch, authorization, handler, serialization), by door, service and operation.",
    type: 'histogram',
    aggregator: 'sum',
    get: async () => {
      const values: HistogramValue[] = [];
      for (const s of calls.series()) {
        const labels = { entry: s.door, service: s.service, operation: s.operation };
        let cumulative = 0;
        for (let i = 0; i < DURATION_BUCKETS.length; i++) {
          cumulative += s.buckets[i]!;
          values.push({
            metricName: `${name}_bucket`,
            labels: { ...labels, le: DURATION_BUCKETS[i]! },
            value: cumulative,
          });
        }
        let count = 0;
        for (const n of s.outcomes) count += n;
        values.push({ metricName: `${name}_bucket`, labels: { ...labels, le: '+Inf' }, value: count });
        values.push({ metricName: `${name}_sum`, labels, value: s.sum });
        values.push({ metricName: `${name}_count`, labels, value: count });
      }
      return { name, help: metric.help, type: metric.type, aggregator: metric.aggregator, values };
    },
  };
  // A structural stand-in for prom-client's Metric class, which the registry only reads name, help, type and get() of.
  return metric as unknown as Metric;
}
