import type { Principal } from '../shared/principal.js';
import { keepsOutput } from './build-event.js';
import type { StoredEvent } from './event-store.js';
import type { AuditEntry, AuditedCall } from './entries.js';

/**
 * A batch of calls as it crosses to the audit writer's thread, where everything in it is cloned.
 * It is columnar: per call, REFS integers in one Int32Array and its time in a Float64Array (the
 * clone copies each as one block of bytes, where an array of values is written value by value),
 * its request ID in a list of strings. A value that recurs across calls (a principal, a user
 * agent, an operation, a key ID) is sent once in `shared`, and each call's input, output, error,
 * decisions and gateway facts, when it has them, in `objects`; a call names both by index (-1:
 * none). Only what the record is built from goes: the facts the pipeline learned, never the
 * request's signature or body.
 */
export interface PortableBatch {
  shared: unknown[];
  objects: unknown[];
  refs: Int32Array;
  times: Float64Array;
  requestIds: string[];
  /** Records built already (console sign-ins). */
  built: StoredEvent[];
}

/** A call's slots in `refs`, in order. */
const SOURCE_IP = 0;
const USER_AGENT = 1;
const SERVICE = 2;
const OPERATION = 3;
const PRINCIPAL = 4;
const ACCESS_KEY_ID = 5;
const REGION = 6;
const INPUT = 7;
const OUTPUT = 8;
const ERROR = 9;
const DECISIONS = 10;
const AUTHORIZE_REQUEST = 11;
const GATEWAY = 12;
const REFS = 13;
/** An input with no members (GetCallerIdentity's, a ListUsers without parameters): no object crosses. */
const EMPTY_INPUT = -2;

export function encodeBatch(entries: readonly AuditEntry[]): PortableBatch {
  const shared: unknown[] = [];
  const objects: unknown[] = [];
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
  const object = (value: unknown): number => (value === undefined ? -1 : objects.push(value) - 1);
  const built: StoredEvent[] = [];
  const calls: AuditedCall[] = [];
  for (const entry of entries) {
    if ('record' in entry) built.push(entry);
    else calls.push(entry);
  }
  const refs = new Int32Array(calls.length * REFS);
  const times = new Float64Array(calls.length);
  const requestIds: string[] = [];
  calls.forEach((c, n) => {
    const at = n * REFS;
    times[n] = c.at.getTime();
    requestIds.push(c.requestId);
    refs[at + SOURCE_IP] = intern(c.sourceIp);
    refs[at + USER_AGENT] = intern(c.userAgent);
    refs[at + SERVICE] = maybe(c.service);
    refs[at + OPERATION] = maybe(c.operation);
    refs[at + PRINCIPAL] = c.principal ? intern(c.principal, portablePrincipal) : -1;
    refs[at + ACCESS_KEY_ID] = maybe(c.accessKeyId);
    refs[at + REGION] = maybe(c.region);
    refs[at + INPUT] = isEmptyObject(c.input) ? EMPTY_INPUT : object(c.input);
    refs[at + OUTPUT] = object(keepsOutput(c) ? c.output : undefined);
    refs[at + ERROR] = object(c.error);
    refs[at + DECISIONS] = object(c.decisions);
    refs[at + AUTHORIZE_REQUEST] = c.authorizeRequest ? 1 : -1;
    refs[at + GATEWAY] = object(c.gateway);
  });
  return { shared, objects, refs, times, requestIds, built };
}

export function decodeBatch(batch: PortableBatch): AuditEntry[] {
  const { shared, objects, refs, times, requestIds } = batch;
  const out: AuditEntry[] = [...batch.built];
  const sharedAt = (i: number): unknown => (i >= 0 ? shared[i] : undefined);
  const objectAt = (i: number): unknown => (i >= 0 ? objects[i] : undefined);
  for (let n = 0; n < times.length; n++) {
    const at = n * REFS;
    const call: AuditedCall = {
      requestId: requestIds[n]!,
      at: new Date(times[n]!),
      sourceIp: shared[refs[at + SOURCE_IP]!] as string,
      userAgent: shared[refs[at + USER_AGENT]!] as string,
    };
    set(call, 'service', sharedAt(refs[at + SERVICE]!));
    set(call, 'operation', sharedAt(refs[at + OPERATION]!));
    set(call, 'input', refs[at + INPUT] === EMPTY_INPUT ? {} : objectAt(refs[at + INPUT]!));
    set(call, 'output', objectAt(refs[at + OUTPUT]!));
    set(call, 'error', objectAt(refs[at + ERROR]!));
    set(call, 'principal', sharedAt(refs[at + PRINCIPAL]!));
    set(call, 'accessKeyId', sharedAt(refs[at + ACCESS_KEY_ID]!));
    set(call, 'region', sharedAt(refs[at + REGION]!));
    set(call, 'decisions', objectAt(refs[at + DECISIONS]!));
    if (refs[at + AUTHORIZE_REQUEST] === 1) call.authorizeRequest = true;
    set(call, 'gateway', objectAt(refs[at + GATEWAY]!));
    out.push(call);
  }
  return out;
}

/** A plain object with no members of its own (a prototype-less or ordinary `{}`). */
function isEmptyObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return Object.getOwnPropertySymbols(value).length === 0;
}

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
