import type { Principal } from '../shared/principal.js';
import { keepsOutput } from './build-event.js';
import type { StoredEvent } from './event-store.js';
import type { AuditEntry, AuditedCall } from './entries.js';

/**
 * A batch of calls as it crosses to the audit writer's thread, where everything in it is cloned.
 * Each call is a fixed run of FIELDS values rather than an object (the clone writes every key of
 * every object), and a value that recurs across calls (a principal, a user agent, an operation, a key ID) is sent once in
 * `shared` and named by its index. Only what the record is built from goes: the facts the pipeline
 * learned, never the request's signature or body.
 */
export interface PortableBatch {
  shared: unknown[];
  calls: unknown[];
  /** Records built already (console sign-ins). */
  built: StoredEvent[];
}

const FIELDS = 15;

export function encodeBatch(entries: readonly AuditEntry[]): PortableBatch {
  const shared: unknown[] = [];
  const index = new Map<unknown, number>();
  const intern = (value: unknown, portable: (v: never) => unknown = (v) => v): number => {
    let i = index.get(value);
    if (i === undefined) {
      i = shared.push(portable(value as never)) - 1;
      index.set(value, i);
    }
    return i;
  };
  // Repeated strings go once: each string a call carries is written, and allocated again, whole.
  const maybe = (value: string | undefined): number => (value === undefined ? -1 : intern(value));
  const calls: unknown[] = [];
  const built: StoredEvent[] = [];
  for (const entry of entries) {
    if ('record' in entry) {
      built.push(entry);
      continue;
    }
    const c = entry;
    calls.push(
      c.requestId,
      c.at.getTime(),
      intern(c.sourceIp),
      intern(c.userAgent),
      maybe(c.service),
      maybe(c.operation),
      c.input,
      keepsOutput(c) ? c.output : undefined,
      c.error,
      c.principal ? intern(c.principal, portablePrincipal) : -1,
      maybe(c.accessKeyId),
      maybe(c.region),
      c.decisions,
      c.authorizeRequest,
      c.gateway,
    );
  }
  return { shared, calls, built };
}

export function decodeBatch(batch: PortableBatch): AuditEntry[] {
  const { shared, calls } = batch;
  const out: AuditEntry[] = [...batch.built];
  for (let i = 0; i < calls.length; i += FIELDS) {
    const call: AuditedCall = {
      requestId: calls[i] as string,
      at: new Date(calls[i + 1] as number),
      sourceIp: shared[calls[i + 2] as number] as string,
      userAgent: shared[calls[i + 3] as number] as string,
    };
    set(call, 'service', sharedAt(shared, calls[i + 4]));
    set(call, 'operation', sharedAt(shared, calls[i + 5]));
    set(call, 'input', calls[i + 6]);
    set(call, 'output', calls[i + 7]);
    set(call, 'error', calls[i + 8]);
    if ((calls[i + 9] as number) >= 0) call.principal = shared[calls[i + 9] as number] as Principal;
    set(call, 'accessKeyId', sharedAt(shared, calls[i + 10]));
    set(call, 'region', sharedAt(shared, calls[i + 11]));
    set(call, 'decisions', calls[i + 12]);
    set(call, 'authorizeRequest', calls[i + 13]);
    set(call, 'gateway', calls[i + 14]);
    out.push(call);
  }
  return out;
}

/** A shared value by index; -1 is undefined. */
const sharedAt = (shared: unknown[], i: unknown): unknown => ((i as number) >= 0 ? shared[i as number] : undefined);

function set<K extends keyof AuditedCall>(call: AuditedCall, key: K, value: unknown): void {
  if (value !== undefined) call[key] = value as AuditedCall[K];
}

/** A session's policies and tags can be kilobytes; the record reads only when and how it began. */
function portablePrincipal(p: Principal): Principal {
  const s = p.session;
  if (!s) return p;
  return {
    ...p,
    session: {
      accessKeyId: s.accessKeyId,
      issuedAt: s.issuedAt,
      expiresAt: s.expiresAt,
      mfaPresent: s.mfaPresent,
      policies: [],
      tags: [],
      transitiveTagKeys: [],
    },
  };
}
