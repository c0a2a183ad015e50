import type { ConsoleSessionRecord, ConsoleSessionRepo, SessionStage, SignInFailureRepo } from '../../console/store.js';
import { type Db, date, iso, optionalDate } from './db.js';

export class KyselyConsoleSessionRepo implements ConsoleSessionRepo {
  constructor(private readonly db: Db) {}

  async create(s: ConsoleSessionRecord): Promise<void> {
    await this.db
      .insertInto('console_sessions')
      .values({
        token_hash: s.tokenHash,
        account_id: s.accountId,
        user_id: s.userId ?? null,
        stage: s.stage,
        mfa_at: s.mfaAt ? iso(s.mfaAt) : null,
        csrf: s.csrf,
        key_id: s.keyId,
        created_at: iso(s.createdAt),
        expires_at: iso(s.expiresAt),
      })
      .execute();
  }

  async get(tokenHash: string): Promise<ConsoleSessionRecord | undefined> {
    const row = await this.db
      .selectFrom('console_sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      tokenHash: row.token_hash,
      accountId: row.account_id,
      userId: row.user_id ?? undefined,
      stage: row.stage as SessionStage,
      mfaAt: optionalDate(row.mfa_at),
      csrf: row.csrf,
      keyId: row.key_id,
      createdAt: date(row.created_at),
      expiresAt: date(row.expires_at),
    };
  }

  async update(tokenHash: string, changes: { stage?: SessionStage; mfaAt?: Date; expiresAt?: Date }): Promise<void> {
    await this.db
      .updateTable('console_sessions')
      .set({
        ...(changes.stage ? { stage: changes.stage } : {}),
        ...(changes.mfaAt ? { mfa_at: iso(changes.mfaAt) } : {}),
        ...(changes.expiresAt ? { expires_at: iso(changes.expiresAt) } : {}),
      })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('console_sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteForPrincipal(accountId: string, userId: string | undefined, keep?: string): Promise<void> {
    let q = this.db.deleteFrom('console_sessions').where('account_id', '=', accountId);
    q = userId === undefined ? q.where('user_id', 'is', null) : q.where('user_id', '=', userId);
    if (keep !== undefined) q = q.where('token_hash', '!=', keep);
    await q.execute();
  }

  async purgeExpired(now: Date): Promise<void> {
    await this.db.deleteFrom('console_sessions').where('expires_at', '<', iso(now)).execute();
  }
}

export class KyselySignInFailureRepo implements SignInFailureRepo {
  constructor(private readonly db: Db) {}

  async reserve(subjects: Array<{ subject: string; limit: number }>, since: Date, at: Date): Promise<boolean> {
    for (const { subject, limit } of subjects) if ((await this.count(subject, since)).count >= limit) return false;
    if (subjects.length > 0) {
      await this.db
        .insertInto('signin_failures')
        .values(subjects.map(({ subject }) => ({ subject, failed_at: iso(at) })))
        .execute();
    }
    return true;
  }

  async release(subject: string, at: Date): Promise<void> {
    // Rows have no key of their own: take every row of this subject and instant, put back all but one.
    const rows = await this.db
      .selectFrom('signin_failures')
      .select('failed_at')
      .where('subject', '=', subject)
      .where('failed_at', '=', iso(at))
      .execute();
    if (rows.length === 0) return;
    await this.db
      .deleteFrom('signin_failures')
      .where('subject', '=', subject)
      .where('failed_at', '=', iso(at))
      .execute();
    if (rows.length > 1) {
      await this.db
        .insertInto('signin_failures')
        .values(rows.slice(1).map(() => ({ subject, failed_at: iso(at) })))
        .execute();
    }
  }

  async count(subject: string, since: Date): Promise<{ count: number; latest?: Date }> {
    const row = await this.db
      .selectFrom('signin_failures')
      .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('failed_at').as('latest')])
      .where('subject', '=', subject)
      .where('failed_at', '>=', iso(since))
      .executeTakeFirst();
    const count = Number(row?.n ?? 0);
    return row?.latest ? { count, latest: date(row.latest) } : { count };
  }

  async clear(subject: string): Promise<void> {
    await this.db.deleteFrom('signin_failures').where('subject', '=', subject).execute();
  }

  async purgeBefore(cutoff: Date): Promise<void> {
    await this.db.deleteFrom('signin_failures').where('failed_at', '<', iso(cutoff)).execute();
  }
}
