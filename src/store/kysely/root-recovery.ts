import { sql } from 'kysely';
import type { RecoveryTokenRecord, RootRecoveryRepo } from '../../account/recovery-store.js';
import { type Db, date, iso, optionalDate } from './db.js';

export class KyselyRootRecoveryRepo implements RootRecoveryRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async accountIdsByEmail(email: string): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('accounts')
      .select('account_id')
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .orderBy('account_id')
      .execute();
    return rows.map((r) => r.account_id);
  }

  async putToken(t: RecoveryTokenRecord): Promise<void> {
    await this.#db
      .insertInto('root_password_recovery_tokens')
      .values({
        token_hash: t.tokenHash,
        account_id: t.accountId,
        created_at: iso(t.createdAt),
        expires_at: iso(t.expiresAt),
        used_at: t.usedAt ? iso(t.usedAt) : null,
      })
      .execute();
  }

  async getToken(tokenHash: string): Promise<RecoveryTokenRecord | undefined> {
    const row = await this.#db
      .selectFrom('root_password_recovery_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return undefined;
    const usedAt = optionalDate(row.used_at);
    return {
      tokenHash: row.token_hash,
      accountId: row.account_id,
      createdAt: date(row.created_at),
      expiresAt: date(row.expires_at),
      ...(usedAt ? { usedAt } : {}),
    };
  }

  async markUsed(tokenHash: string, at: Date): Promise<boolean> {
    const r = await this.#db
      .updateTable('root_password_recovery_tokens')
      .set({ used_at: iso(at) })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async deleteOtherTokens(accountId: string, keepTokenHash: string): Promise<void> {
    await this.#db
      .deleteFrom('root_password_recovery_tokens')
      .where('account_id', '=', accountId)
      .where('token_hash', '<>', keepTokenHash)
      .execute();
  }

  async deleteExpired(before: Date): Promise<void> {
    await this.#db.deleteFrom('root_password_recovery_tokens').where('expires_at', '<', iso(before)).execute();
  }

  /** The emulator's reset. */
  async wipe(): Promise<void> {
    await this.#db.deleteFrom('root_password_recovery_tokens').execute();
  }
}
