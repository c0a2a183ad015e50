import type { AuditedCall } from '../../audit/trail.js';
import { modelled } from '../../wire/dispatch.js';
import type { ServiceDef } from '../services.js';

/** The pipeline's three doors (ARCHITECTURE.md): a signed API request, a console action, `POST /authorize`. */
export type Door = 'api' | 'console' | 'authorize' | 'gateway';
export const DOORS: readonly Door[] = ['api', 'console', 'authorize', 'gateway'];
const DOOR_INDEX: Record<Door, number> = { api: 0, console: 1, authorize: 2, gateway: 3 };

export const OUTCOMES = ['success', 'client_error', 'server_error', 'denied'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * Upper bounds of the duration buckets, in seconds: a cached signed read takes tens of µs, a
 * write a few ms, a PostgreSQL transaction retried under contention up to seconds.
 */
export const DURATION_BUCKETS: readonly number[] = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** The policy layers a decision may be denied by (auth/policy-evaluation.ts's DenyingLayer). */
export const DENYING_LAYERS = ['identity', 'resource', 'boundary', 'session', 'scp', 'rcp'] as const;
const LAYER_INDEX: Readonly<Record<string, number>> = Object.fromEntries(DENYING_LAYERS.map((l, i) => [l, i]));

/** The label value that stands for an operation or service no model names (never the raw input). */
export const UNKNOWN = 'unknown';
/** The label value `/authorize` actions fall into once `maxAuthorizeSeries` distinct ones were seen. */
export const OTHER = 'other';

/** One (door, service, operation): counts by outcome and a duration histogram, as plain numbers. */
export interface CallSeries {
  readonly door: Door;
  readonly service: string;
  readonly operation: string;
  /** Calls by outcome, in `OUTCOMES` order. */
  readonly outcomes: Float64Array;
  /** Observations per bucket (not cumulative); the last slot is above the largest bound (+Inf). */
  readonly buckets: Float64Array;
  sum: number;
}

export interface CallMetricsOptions {
  /**
   * Distinct `/authorize` actions given series of their own. Its actions are the platform's
   * (any service's), not Ward's models, so a cap is what bounds the label values.
   */
  maxAuthorizeSeries?: number;
}

/**
 * What the record step tells the metrics about each call. The request path only looks up its
 * series (two Map reads, built once per operation) and bumps numbers: prom-client's own label
 * children hash their labels on every call, about 1 µs for a counter and a histogram, where this
 * and the door's two clock reads cost about 0.2 µs. prom-client reads these numbers when /metrics is scraped (registry.ts).
 */
export class CallMetrics {
  /** Per door: service → operation → series. Only label values that passed `#admit` are keys. */
  readonly #index: Array<Map<string, Map<string, CallSeries>>> = DOORS.map(
    () => new Map<string, Map<string, CallSeries>>(),
  );
  readonly #all: CallSeries[] = [];
  /** Denied decisions by door, layer and explicit (1) or implicit (0). */
  readonly #denials = new Float64Array(DOORS.length * DENYING_LAYERS.length * 2);
  readonly #maxAuthorizeSeries: number;
  #authorizeSeries = 0;

  constructor(
    private readonly services: ReadonlyMap<string, ServiceDef>,
    options: CallMetricsOptions = {},
  ) {
    this.#maxAuthorizeSeries = options.maxAuthorizeSeries ?? 256;
  }

  /** One call, as the record step saw it, that took `seconds` from its door to its record. */
  observe(door: Door, facts: AuditedCall, seconds: number): void {
    const d = DOOR_INDEX[door];
    const series = this.#seriesOf(d, facts.service, facts.operation);
    series.outcomes[outcomeIndex(facts.error)]!++;
    series.sum += seconds;
    series.buckets[bucketIndex(seconds)]!++;
    const decisions = facts.decisions;
    if (decisions) {
      for (const decision of decisions) {
        if (decision.decision === 'Allowed') continue;
        const layer = LAYER_INDEX[decision.denyingLayer ?? 'identity'];
        if (layer !== undefined)
          this.#denials[(d * DENYING_LAYERS.length + layer) * 2 + (decision.decision === 'ExplicitDeny' ? 1 : 0)]!++;
      }
    }
  }

  /** Every series seen so far (for the scrape). */
  series(): readonly CallSeries[] {
    return this.#all;
  }

  /** Denied decisions so far, one entry per (door, layer, explicit) with a count above zero. */
  denials(): Array<{ door: Door; layer: string; explicit: boolean; count: number }> {
    const out: Array<{ door: Door; layer: string; explicit: boolean; count: number }> = [];
    for (let i = 0; i < this.#denials.length; i++) {
      const count = this.#denials[i]!;
      if (count === 0) continue;
      const slot = i >> 1;
      out.push({
        door: DOORS[Math.floor(slot / DENYING_LAYERS.length)]!,
        layer: DENYING_LAYERS[slot % DENYING_LAYERS.length]!,
        explicit: (i & 1) === 1,
        count,
      });
    }
    return out;
  }

  #seriesOf(door: number, service: string | undefined, operation: string | undefined): CallSeries {
    if (service !== undefined && operation !== undefined) {
      const hit = this.#index[door]!.get(service)?.get(operation);
      if (hit) return hit;
    }
    return this.#admit(door, service, operation);
  }

  /**
   * A call whose labels have no series yet: its own series when the labels are bounded (a modelled
   * operation of a service Ward serves; an `/authorize` action under the cap), else the shared
   * `unknown`/`other` one. Raw input never becomes a key, so garbage cannot grow the index.
   */
  #admit(door: number, service: string | undefined, operation: string | undefined): CallSeries {
    let labels: [string, string];
    if (DOORS[door] === 'authorize') {
      const fresh =
        service !== undefined && operation !== undefined && this.#authorizeSeries < this.#maxAuthorizeSeries;
      labels = fresh ? [service, operation] : [OTHER, OTHER];
      if (fresh) this.#authorizeSeries++;
    } else {
      const def = service === undefined ? undefined : this.services.get(service);
      if (!def) labels = [UNKNOWN, UNKNOWN];
      else labels = operation !== undefined && modelled(def, operation) ? [def.name, operation] : [def.name, UNKNOWN];
    }
    const byService = this.#index[door]!;
    let byOperation = byService.get(labels[0]);
    if (!byOperation) byService.set(labels[0], (byOperation = new Map<string, CallSeries>()));
    let series = byOperation.get(labels[1]);
    if (!series) {
      series = {
        door: DOORS[door]!,
        service: labels[0],
        operation: labels[1],
        outcomes: new Float64Array(OUTCOMES.length),
        buckets: new Float64Array(DURATION_BUCKETS.length + 1),
        sum: 0,
      };
      byOperation.set(labels[1], series);
      this.#all.push(series);
    }
    return series;
  }
}

/** success, client_error, server_error or denied (AWS's AccessDenied, whichever layer). */
export function outcomeIndex(error: AuditedCall['error']): number {
  if (!error) return 0;
  if (error.code === 'AccessDenied' || error.code === 'AccessDeniedException') return 3;
  return (error.status ?? 400) >= 500 ? 2 : 1;
}

function bucketIndex(seconds: number): number {
  let i = 0;
  while (i < DURATION_BUCKETS.length && seconds > DURATION_BUCKETS[i]!) i++;
  return i;
}
