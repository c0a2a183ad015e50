import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEvents } from '../audit/build-event.js';
import type { AuditedCall } from '../audit/entries.js';
import type { StoredEvent } from '../audit/event-store.js';
import type { RootPrincipal } from '../shared/principal.js';
import { SecretBox } from '../shared/secret-box.js';
import { modelNamed } from '../wire/index.js';
import { openSqliteStore } from './sqlite.js';
import { TRAIL_FILE } from './sqlite-trail.js';

const ACCOUNT = '123456789012';
const root: RootPrincipal = { kind: 'root', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, userId: ACCOUNT };
const box = new SecretBox(Buffer.alloc(32, 7));
let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'ward-trail-compact-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, s));
function calls(from: number, n: number): AuditedCall[] {
  return Array.from({ length: n }, (_, i) => ({
    requestId: `req-${from + i}`,
    at: at(from + i),
    sourceIp: '198.51.100.7',
    userAgent: 'aws-sdk-js/3',
    service: 'iam',
    operation: i % 3 === 0 ? 'GetUser' : 'CreateUser',
    region: 'eu-west-1',
    principal: root,
    accessKeyId: 'AKIAEXAMPLEROOT00001',
    input: { UserName: `user-${from + i}` },
    output: { User: { UserName: `user-${from + i}` } },
  }));
}
const built = (c: AuditedCall[]) =>
  buildEvents(c, ACCOUNT, modelNamed, (err) => {
    throw err;
  });
/** What a reader sees: the plain fields, the record as text. */
const plain = (e: StoredEvent): StoredEvent => ({
  eventId: e.eventId,
  eventTime: e.eventTime,
  accountId: e.accountId,
  eventName: e.eventName,
  eventSource: e.eventSource,
  ...(e.username !== undefined ? { username: e.username } : {}),
  ...(e.accessKeyId !== undefined ? { accessKeyId: e.accessKeyId } : {}),
  resources: e.resources,
  readOnly: e.readOnly,
  record: e.record,
});

function count(table: string): number {
  const db = new SQLite(join(dir, TRAIL_FILE), { readonly: true });
  try {
    return (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function withEvents<T>(
  fn: (events: Awaited<ReturnType<typeof openSqliteStore>>['store']['events']) => Promise<T>,
) {
  const opened = await openSqliteStore(dir, box);
  try {
    return await fn(opened.store.events);
  } finally {
    await opened.close();
  }
}

describe('compact records in the SQLite trail', () => {
  it('stores a template once for many events, and LookupEvents answers each record byte for byte as built', async () => {
    const events = built(calls(0, 12));
    await withEvents(async (repo) => {
      await repo.append(events);
      const found = (await repo.lookup({ accountId: ACCOUNT }, { limit: 100 })).events;
      expect(found).toEqual(events.map(plain).reverse());
      const byName = await repo.lookup({ attribute: { key: 'EventName', value: 'GetUser' } }, { limit: 100 });
      expect(byName.events.map((e) => e.record)).toEqual(
        events
          .filter((e) => e.eventName === 'GetUser')
          .map((e) => e.record)
          .reverse(),
      );
      const byUser = await repo.lookup({ attribute: { key: 'ResourceName', value: 'user-4' } }, { limit: 100 });
      expect(byUser.events).toEqual([plain(events[4]!)]);
      const byId = await repo.lookup({ attribute: { key: 'EventId', value: events[7]!.eventId } }, { limit: 100 });
      expect(byId.events).toEqual([plain(events[7]!)]);
    });
    // GetUser and CreateUser: two templates for twelve events.
    expect(count('templates')).toBe(2);
  });

  it('retention deletes a template with its newest event; a later event with it stores it again', async () => {
    await withEvents(async (repo) => {
      const first = built(calls(0, 6));
      await repo.append(first);
      // Every CreateUser (1, 2, 4, 5) but the last is past retention; GetUser's newest (3) is too.
      expect(await repo.deleteOlderThan(at(5))).toBe(5);
      expect(count('templates')).toBe(1);
      // The same connection remembered GetUser's template: it finds it gone and stores it anew.
      const later = built(calls(6, 1));
      await repo.append(later);
      expect(count('templates')).toBe(2);
      const left = (await repo.lookup({}, { limit: 10 })).events;
      expect(left.map((e) => e.record)).toEqual([later[0]!.record, first[5]!.record]);
      expect(JSON.parse(left[0]!.record)).toMatchObject({ eventName: 'GetUser', requestID: 'req-6' });
      expect(JSON.parse(left[1]!.record)).toMatchObject({ eventName: 'CreateUser', requestID: 'req-5' });
      expect(await repo.deleteOlderThan(new Date(8.64e15))).toBe(2);
    });
    expect(count('templates')).toBe(0);
  });

  it('upgrades a version 1 trail in place: its whole records stay readable beside compact ones', async () => {
    const old = built(calls(0, 2)).map(plain);
    const db = new SQLite(join(dir, TRAIL_FILE));
    db.exec(`create table events (time_ms integer not null, event_id text not null, account_id text not null,
      event_name text not null, event_source text not null, username text, access_key_id text,
      resource_names text not null, resource_types text not null, read_only integer not null, record text not null);
      create index events_account_name on events (account_id, event_name, time_ms);
      create index events_account_user on events (account_id, username, time_ms);
      create index events_account_key on events (account_id, access_key_id, time_ms);
      pragma user_version = 1`);
    const insert = db.prepare('insert into events values (?,?,?,?,?,?,?,?,?,?,?)');
    for (const e of old) {
      const names = JSON.stringify(e.resources.map((r) => r.name));
      const types = JSON.stringify(e.resources.map((r) => r.type));
      insert.run(Date.parse(e.eventTime), e.eventId, e.accountId, e.eventName, e.eventSource, e.username ?? null,
        e.accessKeyId ?? null, names, types, e.readOnly ? 1 : 0, e.record); // prettier-ignore
    }
    db.close();
    const fresh = built(calls(2, 2));
    await withEvents(async (repo) => {
      await repo.append(fresh);
      const found = (await repo.lookup({ accountId: ACCOUNT }, { limit: 10 })).events;
      expect(found).toEqual([...old, ...fresh.map(plain)].reverse());
    });
    const upgraded = new SQLite(join(dir, TRAIL_FILE), { readonly: true });
    expect(upgraded.pragma('user_version', { simple: true })).toBe(4);
    upgraded.close();
  });

  it('upgrades a version 2 trail: its templates learn their caller and operation, and are found by them', async () => {
    const old = built(calls(0, 3));
    const db = new SQLite(join(dir, TRAIL_FILE));
    db.exec(`create table events (time_ms integer not null, event_id text not null, account_id text not null,
      event_name text not null, event_source text not null, username text, access_key_id text,
      resource_names text not null, resource_types text not null, read_only integer not null, record text not null,
      template integer);
      create index events_account_name on events (account_id, event_name, time_ms);
      create index events_account_user on events (account_id, username, time_ms);
      create index events_account_key on events (account_id, access_key_id, time_ms);
      create table templates (id integer primary key, head text not null, mid text not null, tail text not null,
      last_ms integer not null);
      pragma user_version = 2`);
    const ids = new Map<unknown, number>();
    for (const e of old) {
      const t = e.parts!.template;
      if (!ids.has(t))
        ids.set(t, Number(db.prepare('insert into templates (head, mid, tail, last_ms) values (?,?,?,?)').run(t.head, t.mid, t.tail, e.parts!.timeMs).lastInsertRowid)); // prettier-ignore
      db.prepare('insert into events values (?,?,?,?,?,?,?,?,?,?,?,?)').run(e.parts!.timeMs, e.eventId, e.accountId,
        e.eventName, e.eventSource, e.username ?? null, e.accessKeyId ?? null,
        JSON.stringify(e.resources.map((r) => r.name)), JSON.stringify(e.resources.map((r) => r.type)), e.readOnly ? 1 : 0,
        e.parts!.rest, ids.get(t)!); // prettier-ignore
    }
    db.close();
    await withEvents(async (repo) => {
      const byName = await repo.lookup({ accountId: ACCOUNT, attribute: { key: 'EventName', value: 'CreateUser' } }, { limit: 10 }); // prettier-ignore
      expect(byName.events).toEqual(
        old
          .filter((e) => e.eventName === 'CreateUser')
          .map(plain)
          .reverse(),
      );
      const byKey = await repo.lookup({ accountId: ACCOUNT, attribute: { key: 'AccessKeyId', value: 'AKIAEXAMPLEROOT00001' } }, { limit: 10 }); // prettier-ignore
      expect(byKey.events).toHaveLength(3);
    });
  });

  it('finds events by caller, operation, key and source through their templates, merged with whole records, page by page', async () => {
    // Two callers and two operations in several templates, beside records kept whole (version 1's).
    const alice: AuditedCall['principal'] = {
      kind: 'user',
      accountId: ACCOUNT,
      arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      userId: 'AIDAEXAMPLEALICE0001',
      userName: 'alice',
      path: '/',
    };
    const mixed = calls(0, 9).map((c, i) =>
      i % 2 === 0 ? { ...c, principal: alice, accessKeyId: 'AKIAEXAMPLEALICE0001', userAgent: `ua-${i % 4}` } : c,
    );
    const events = built(mixed);
    const whole = events.slice(0, 3).map(plain);
    await withEvents(async (repo) => {
      await repo.append(whole);
      await repo.append(events.slice(3));
      const expected = (keep: (e: StoredEvent) => boolean) => events.filter(keep).map(plain).reverse();
      const all = async (key: 'Username' | 'EventName' | 'AccessKeyId' | 'EventSource', value: string) => {
        const out: StoredEvent[] = [];
        let cursor: string | undefined;
        do {
          const page = await repo.lookup(
            { accountId: ACCOUNT, attribute: { key, value } },
            { limit: 2, ...(cursor ? { cursor } : {}) },
          );
          out.push(...page.events);
          cursor = page.next;
        } while (cursor);
        return out;
      };
      expect(await all('Username', 'alice')).toEqual(expected((e) => e.username === 'alice'));
      expect(await all('EventName', 'GetUser')).toEqual(expected((e) => e.eventName === 'GetUser'));
      expect(await all('AccessKeyId', 'AKIAEXAMPLEROOT00001')).toEqual(
        expected((e) => e.accessKeyId === 'AKIAEXAMPLEROOT00001'),
      );
      expect(await all('EventSource', 'iam.amazonaws.com')).toHaveLength(9);
      expect(
        await repo.lookup({ accountId: '999999999999', attribute: { key: 'Username', value: 'alice' } }, { limit: 5 }),
      ).toEqual({ events: [] });
    });
  });

  it('stores one batch of a template as blocks, and pages, filters and retains their events one by one', async () => {
    // 2 500 calls of one caller and operation within 250 ms: three blocks (at most 1 000 events each).
    const start = Date.UTC(2026, 10, 23, 12, 0, 0);
    const many = calls(0, 2500).map((c, i) => ({
      ...c,
      operation: 'GetUser',
      at: new Date(start + Math.floor(i / 10)),
      input: { UserName: `user-${i}` },
    }));
    const events = built(many);
    await withEvents(async (repo) => {
      await repo.append(events);
      expect(count('event_blocks')).toBe(3);
      expect(count('events')).toBe(0);
      const newestFirst = events.map(plain).reverse();
      const pages: StoredEvent[] = [];
      let cursor: string | undefined;
      do {
        const page = await repo.lookup({ accountId: ACCOUNT }, { limit: 333, ...(cursor ? { cursor } : {}) });
        pages.push(...page.events);
        cursor = page.next;
      } while (cursor);
      // Events of one millisecond come by event ID, descending, as the cursor orders them.
      const byTimeThenId = [...newestFirst].sort(
        (x, y) => y.eventTime.localeCompare(x.eventTime) || y.eventId.localeCompare(x.eventId),
      );
      expect(pages).toEqual(byTimeThenId);
      const target = events[1234]!;
      expect(
        (await repo.lookup({ attribute: { key: 'EventId', value: target.eventId } }, { limit: 5 })).events,
      ).toEqual([plain(target)]);
      expect(
        (await repo.lookup({ attribute: { key: 'ResourceName', value: 'user-2222' } }, { limit: 5 })).events,
      ).toEqual([plain(events[2222]!)]);
      const window = await repo.lookup(
        { startTime: new Date(start + 100), endTime: new Date(start + 100) },
        { limit: 50 },
      );
      expect(window.events.map((e) => e.eventId).sort()).toEqual(
        events
          .slice(1000, 1010)
          .map((e) => e.eventId)
          .sort(),
      );
      // A cutoff inside a block removes exactly the events before it.
      expect(await repo.deleteOlderThan(new Date(start + 50))).toBe(500);
      const left = await repo.lookup({}, { limit: 5000 });
      expect(left.events).toHaveLength(2000);
      expect(left.events.at(-1)!.eventTime).toBe(new Date(start + 50).toISOString());
      expect(await repo.deleteOlderThan(new Date(8.64e15))).toBe(2000);
    });
    expect(count('events')).toBe(0);
    expect(count('event_blocks')).toBe(0);
  });
});
