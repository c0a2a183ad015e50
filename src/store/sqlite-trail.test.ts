import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { timeOrderedUuid } from '../audit/event-id.js';
import type { StoredEvent } from '../audit/event-store.js';
import { SecretBox } from '../shared/secret-box.js';
import { openSqliteStore } from './sqlite.js';
import { moveStoreEvents, openTrailDatabase } from './sqlite-trail.js';

const ACCOUNT = '123456789012';
const box = new SecretBox(Buffer.alloc(32, 7));
let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'ward-trail-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function event(n: number, eventId = timeOrderedUuid(new Date(Date.UTC(2026, 10, 23, 12, 0, n)))): StoredEvent {
  const eventTime = new Date(Date.UTC(2026, 10, 23, 12, 0, n)).toISOString();
  return {
    eventId,
    eventTime,
    accountId: ACCOUNT,
    eventName: n % 2 ? 'CreateUser' : 'GetUser',
    eventSource: 'iam.amazonaws.com',
    username: 'root',
    resources: [{ type: 'AWS::IAM::User', name: `user-${n}` }],
    readOnly: n % 2 === 0,
    record: JSON.stringify({ eventID: eventId, n }),
  };
}

/** Writes events into ward.sqlite's `events` table as a Ward before audit.sqlite did. */
function writeOldStyle(events: StoredEvent[]): void {
  const db = new SQLite(join(dir, 'ward.sqlite'));
  const insert = db.prepare('insert into events values (?,?,?,?,?,?,?,?,?,?,?)');
  for (const e of events) {
    insert.run(
      e.eventId,
      e.eventTime,
      e.accountId,
      e.eventName,
      e.eventSource,
      e.username ?? null,
      e.accessKeyId ?? null,
      JSON.stringify(e.resources.map((r) => r.name)),
      JSON.stringify(e.resources.map((r) => r.type)),
      e.readOnly ? 1 : 0,
      e.record,
    );
  }
  db.close();
}

const storeEventCount = () => {
  const db = new SQLite(join(dir, 'ward.sqlite'));
  const n = (db.prepare('select count(*) as n from events').get() as { n: number }).n;
  db.close();
  return n;
};

async function lookupAll(
  filter: Parameters<Awaited<ReturnType<typeof openSqliteStore>>['store']['events']['lookup']>[0] = {},
) {
  const opened = await openSqliteStore(dir, box);
  try {
    return (await opened.store.events.lookup(filter, { limit: 1000 })).events;
  } finally {
    await opened.close();
  }
}

describe("the audit trail's own SQLite file", () => {
  it('on upgrade, moves the events ward.sqlite held into audit.sqlite, once, keeping every field and lookup', async () => {
    await (await openSqliteStore(dir, box)).close();
    // One from before time-ordered IDs (a UUIDv4), as a trail started on an older Ward has.
    const old = [event(1, '3f1c2a9e-5b7d-4c1e-9a2b-0123456789ab'), event(2), event(3)];
    writeOldStyle(old);

    const moved = await lookupAll();
    expect(moved).toEqual([...old].reverse());
    expect(storeEventCount()).toBe(0);
    // Opening again moves nothing twice.
    expect(await lookupAll()).toHaveLength(3);
    expect(await lookupAll({ attribute: { key: 'EventId', value: old[0]!.eventId } })).toEqual([old[0]]);
    expect(await lookupAll({ attribute: { key: 'EventId', value: old[1]!.eventId } })).toEqual([old[1]]);
    expect((await lookupAll({ attribute: { key: 'EventName', value: 'CreateUser' } })).map((e) => e.eventId)).toEqual([
      old[2]!.eventId,
      old[0]!.eventId,
    ]);
    expect(await lookupAll({ attribute: { key: 'ResourceName', value: 'user-2' } })).toEqual([old[1]]);
  });

  it('a move interrupted after the trail committed (ward.sqlite still holding the rows) does not duplicate them', async () => {
    await (await openSqliteStore(dir, box)).close();
    const old = [event(1), event(2)];
    writeOldStyle(old);
    const trail = openTrailDatabase(dir);
    expect(moveStoreEvents(trail, dir)).toBe(2);
    trail.close();
    // As if the process died between the trail's commit and the store's.
    writeOldStyle(old);
    expect(await lookupAll()).toHaveLength(2);
    expect(storeEventCount()).toBe(0);
  });

  it('appends, pages newest first with a cursor (an older ISO-time cursor too), and deletes past a cutoff', async () => {
    const opened = await openSqliteStore(dir, box);
    try {
      const events = opened.store.events;
      const all = Array.from({ length: 5 }, (_, i) => event(i + 1));
      await events.append(all);
      const first = await events.lookup({ accountId: ACCOUNT }, { limit: 2 });
      expect(first.events.map((e) => e.eventId)).toEqual([all[4]!.eventId, all[3]!.eventId]);
      const second = await events.lookup({ accountId: ACCOUNT }, { limit: 2, cursor: first.next! });
      expect(second.events.map((e) => e.eventId)).toEqual([all[2]!.eventId, all[1]!.eventId]);
      const isoCursor = Buffer.from(`${all[3]!.eventTime}|${all[3]!.eventId}`).toString('base64url');
      expect((await events.lookup({ accountId: ACCOUNT }, { limit: 2, cursor: isoCursor })).events).toEqual([
        all[2],
        all[1],
      ]);
      expect(
        await events.lookup(
          { startTime: new Date(all[1]!.eventTime), endTime: new Date(all[2]!.eventTime) },
          { limit: 10 },
        ),
      ).toEqual({ events: [all[2], all[1]] });
      expect(await events.deleteOlderThan(new Date(all[2]!.eventTime))).toBe(2);
      expect((await events.lookup({}, { limit: 10 })).events).toEqual([all[4], all[3], all[2]]);
    } finally {
      await opened.close();
    }
  });
});
