import type { AccessKeyRepo } from '../../iam/iam-store.js';
import type { AccessKeyRecord, AccessKeyStatus, AccessKeyWithSecret } from '../../iam/records.js';
import type { SecretBox } from '../../shared/secret-box.js';
import { type Db, iso, mapUnique } from './db.js';
import { toAccessKey } from './rows.js';

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
    const row = await this.db.selectFrom('access_keys').selectAll().where('access_key_id', '=', accessKeyId).executeTakeFirst();
    return row && toAccessKey(row);
  }

  async getWithSecret(accessKeyId: string): Promise<AccessKeyWithSecret | undefined> {
    const row = await this.db.selectFrom('access_keys').selectAll().where('access_key_id', '=', accessKeyId).executeTakeFirst();
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

  async recordLastUsed(entries: Array<{ accessKeyId: string; at: Date; service: string; region: string }>): Promise<void> {
    for (const e of entries) {
      await this.db
        .updateTable('access_keys')
        .set({ last_used_at: iso(e.at), last_used_service: e.service, last_used_region: e.region })
        .where('access_key_id', '=', e.accessKeyId)
        .execute();
    }
  }
}
