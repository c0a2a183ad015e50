import { sql } from 'kysely';
import type { AccessKeyRepo } from '../../iam/iam-store.js';
import type { AccessKeyRecord, AccessKeyStatus, AccessKeyWithSecret } from '../../iam/records.js';
import type { SecretBox } from '../../shared/secret-box.js';
import { type Db, iso, mapUnique } from './db.js';
import { toAccessKey } from './rows.js';

/** Keys per UPDATE in `recordLastUsed` (4 parameters each, well under either database's limit). */
const LAST_USED_CHUNK = 500;

export class KyselyAccessKeyRepo implements AccessKeyRepo {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  async create(k: AccessKeyRecord, secretAccessKey: string): Promise<void> {
    await mapUnique('access_key_id', () =>
      this.db
        .insertInto('access_keys')
        .values({
          access_key_id: k.accessKeyId,
          account_id: k.accountId,
          user_id: k.userId ?? null,
          secret_sealed: this.box.seal(secretAccessKey, k.accessKeyId),
          status: k.status,
          created_at: iso(k.createdAt),
          last_used_at: null,
          last_used_service: null,
          last_used_region: null,
        })
        .execute(),
    );
  }

  async get(accessKeyId: string): Promise<AccessKeyRecord | undefined> {
    const row = await this.db
      .selectFrom('access_keys')
      .selectAll()
      .where('access_key_id', '=', accessKeyId)
      .executeTakeFirst();
    return row && toAccessKey(row);
  }

  async getWithSecret(accessKeyId: string): Promise<AccessKeyWithSecret | undefined> {
    const row = await this.db
      .selectFrom('access_keys')
      .selectAll()
      .where('access_key_id', '=', accessKeyId)
      .executeTakeFirst();
    return row && { ...toAccessKey(row), secretAccessKey: this.box.open(row.secret_sealed, row.access_key_id) };
  }

  async listForOwner(accountId: string, userId: string | undefined): Promise<AccessKeyRecord[]> {
    let q = this.db.selectFrom('access_keys').selectAll().where('account_id', '=', accountId);
    q = userId === undefined ? q.where('user_id', 'is', null) : q.where('user_id', '=', userId);
    const rows = await q.orderBy('created_at').execute();
    return rows.map(toAccessKey);
  }

  async setStatus(accessKeyId: string, status: AccessKeyStatus): Promise<void> {
    await this.db.updateTable('access_keys').set({ status }).where('access_key_id', '=', accessKeyId).execute();
  }

  async delete(accessKeyId: string): Promise<void> {
    await this.db.deleteFrom('access_keys').where('access_key_id', '=', accessKeyId).execute();
  }

  /**
   * One UPDATE per chunk of keys, not one per key (a flush carries every key used in the last
   * second). Rows go in key order, so two nodes flushing overlapping keys wait rather than
   * deadlock; a use older than the one stored (another node's flush came first) changes nothing.
   */
  async recordLastUsed(
    entries: Array<{ accessKeyId: string; at: Date; service: string; region: string }>,
  ): Promise<void> {
    const latest = new Map<string, { accessKeyId: string; at: Date; service: string; region: string }>();
    for (const e of entries) {
      const seen = latest.get(e.accessKeyId);
      if (!seen || seen.at < e.at) latest.set(e.accessKeyId, e);
    }
    const sorted = [...latest.values()].sort((a, b) =>
      a.accessKeyId < b.accessKeyId ? -1 : a.accessKeyId > b.accessKeyId ? 1 : 0,
    );
    for (let i = 0; i < sorted.length; i += LAST_USED_CHUNK) {
      const rows = sql.join(
        sorted
          .slice(i, i + LAST_USED_CHUNK)
          .map((e) => sql`(${e.accessKeyId}, ${iso(e.at)}, ${e.service}, ${e.region})`),
      );
      // VALUES columns are column1… on both SQLite (3.33+ for UPDATE … FROM) and PostgreSQL; ISO-8601 UTC text sorts by time.
      await sql`update access_keys set last_used_at = v.column2, last_used_service = v.column3, last_used_region = v.column4
        from (values ${rows}) as v
        where access_keys.access_key_id = v.column1 and (access_keys.last_used_at is null or access_keys.last_used_at < v.column2)`.execute(
        this.db,
      );
    }
  }
}
