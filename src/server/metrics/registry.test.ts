import { describe, expect, it } from 'vitest';
import type { AuditedCall } from '../../audit/trail.js';
import type { StorePool } from '../../store/open-store.js';
import { parsePrometheusText, sampleValue } from '../testing/prometheus-text.js';
import { type ServiceDef, serviceDef } from '../services.js';
import { CallMetrics } from './call-metrics.js';
import { createMetricsRegistry } from './registry.js';

const services = new Map<string, ServiceDef>([['iam', serviceDef('iam', 'query', {})]]);
const call = (fields: Partial<AuditedCall>): AuditedCall => ({
  requestId: 'r',
  at: new Date(0),
  sourceIp: '127.0.0.1',
  userAgent: 't',
  service: 'iam',
  operation: 'CreateUser',
  ...fields,
});

async function scrape(pool: StorePool, calls = new CallMetrics(services)) {
  const registry = createMetricsRegistry({
    calls,
    caches: { credential: { hits: 7, misses: 2 }, policy: { hits: 3, misses: 1 } },
    auditBacklog: () => 42,
    pool: () => pool,
  });
  return parsePrometheusText(await registry.metrics());
}

describe('the metrics registry', () => {
  it('renders the calls as counters and a cumulative histogram, read when scraped', async () => {
    const calls = new CallMetrics(services);
    const registry = createMetricsRegistry({
      calls,
      caches: {},
      auditBacklog: () => 0,
      pool: () => ({ backend: 'sqlite', max: 1, total: 1, waiting: 0, writeLockHeld: false }),
    });
    calls.observe('api', call({}), 0.0002);
    calls.observe('api', call({}), 0.002);
    calls.observe(
      'api',
      call({
        error: { code: 'AccessDenied', message: 'no', status: 403 },
        decisions: [
          { action: 'iam:CreateUser', resource: '*', decision: 'ExplicitDeny', denyingLayer: 'boundary', matched: [] },
        ],
      }),
      0.02,
    );
    const samples = parsePrometheusText(await registry.metrics());
    const labels = { entry: 'api', service: 'iam', operation: 'CreateUser' };
    expect(sampleValue(samples, 'ward_requests_total', { ...labels, outcome: 'success' })).toBe(2);
    expect(sampleValue(samples, 'ward_requests_total', { ...labels, outcome: 'denied' })).toBe(1);
    expect(sampleValue(samples, 'ward_requests_total', { ...labels, outcome: 'client_error' })).toBeUndefined();
    expect(sampleValue(samples, 'ward_request_duration_seconds_bucket', { ...labels, le: '0.0001' })).toBe(0);
    expect(sampleValue(samples, 'ward_request_duration_seconds_bucket', { ...labels, le: '0.00025' })).toBe(1);
    expect(sampleValue(samples, 'ward_request_duration_seconds_bucket', { ...labels, le: '0.0025' })).toBe(2);
    expect(sampleValue(samples, 'ward_request_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(3);
    expect(sampleValue(samples, 'ward_request_duration_seconds_count', labels)).toBe(3);
    expect(sampleValue(samples, 'ward_request_duration_seconds_sum', labels)).toBeCloseTo(0.0222, 6);
    expect(
      sampleValue(samples, 'ward_authorization_denials_total', {
        entry: 'api',
        layer: 'boundary',
        decision: 'explicit',
      }),
    ).toBe(1);
    // A second scrape reads the numbers afresh rather than adding them again.
    calls.observe('api', call({}), 0.0002);
    const again = parsePrometheusText(await registry.metrics());
    expect(sampleValue(again, 'ward_requests_total', { ...labels, outcome: 'success' })).toBe(3);
  });

  it('reports cache hits and misses, the audit backlog and Node process metrics with the ward_ prefix', async () => {
    const samples = await scrape({ backend: 'sqlite', max: 1, total: 1, waiting: 0, writeLockHeld: true });
    expect(sampleValue(samples, 'ward_cache_hits_total', { cache: 'credential' })).toBe(7);
    expect(sampleValue(samples, 'ward_cache_misses_total', { cache: 'policy' })).toBe(1);
    expect(sampleValue(samples, 'ward_audit_backlog')).toBe(42);
    expect(sampleValue(samples, 'ward_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(samples.some((s) => s.name.startsWith('ward_nodejs_eventloop_lag'))).toBe(true);
  });

  it("reports SQLite's one connection and its write lock, PostgreSQL's pool, each as it is", async () => {
    const sqlite = await scrape({ backend: 'sqlite', max: 1, total: 1, waiting: 1, writeLockHeld: true });
    expect(sampleValue(sqlite, 'ward_store_connections', { backend: 'sqlite', state: 'total' })).toBe(1);
    expect(sampleValue(sqlite, 'ward_store_connections', { state: 'idle' })).toBeUndefined();
    expect(sampleValue(sqlite, 'ward_store_waiting', { backend: 'sqlite' })).toBe(1);
    expect(sampleValue(sqlite, 'ward_store_write_lock_held', { backend: 'sqlite' })).toBe(1);
    const pg = await scrape({ backend: 'postgres', max: 10, total: 4, idle: 3, waiting: 2 });
    expect(sampleValue(pg, 'ward_store_connections', { backend: 'postgres', state: 'total' })).toBe(4);
    expect(sampleValue(pg, 'ward_store_connections', { backend: 'postgres', state: 'idle' })).toBe(3);
    expect(sampleValue(pg, 'ward_store_connections_max', { backend: 'postgres' })).toBe(10);
    expect(sampleValue(pg, 'ward_store_waiting', { backend: 'postgres' })).toBe(2);
    expect(sampleValue(pg, 'ward_store_write_lock_held')).toBeUndefined();
  });
});
