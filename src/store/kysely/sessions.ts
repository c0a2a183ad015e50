import type { Principal, SessionInfo } from '../../shared/principal.js';
import type { SecretBox } from '../../shared/secret-box.js';
import type { SessionLookup } from '../../auth/ports.js';
import type { SessionRepo, StoredSession } from '../../sts/session-store.js';
import { type Db, iso, mapUnique } from './db.js';

function entityOf(p: Principal): string | null {
  switch (p.kind) {
    case 'assumed-role':
      return p.roleId;
    case 'federated-user':
      return p.sourceUserId ?? null;
    case 'user':
      return p.userId;
    case 'root':
      return null;
  }
}

/** Principal JSON with the session's dates revived. */
function reviveSession(s: SessionInfo): SessionInfo {
  return {
    ...s,
    issuedAt: new Date(s.issuedAt),
    expiresAt: new Date(s.expiresAt),
    ...(s.mfaAuthTime !== undefined ? { mfaAuthTime: new Date(s.mfaAuthTime) } : {}),
  };
}

export class KyselySessionRepo implements SessionRepo, SessionLookup {
  readonly #db: Db;

  constructor(
    db: Db,
    private readonly box: SecretBox,
  ) {
    this.#db = db;
  }

  async create(s: StoredSession): Promise<void> {
    await mapUnique('sessions_pk', () =>
      this.#db
        .insertInto('sessions')
        .values({
          access_key_id: s.accessKeyId,
          token_hash: s.tokenHash,
          account_id: s.accountId,
          kind: s.principal.kind,
          entity_id: entityOf(s.principal),
          secret_sealed: this.box.seal(s.secretAccessKey, s.accessKeyId),
          principal: JSON.stringify(s.principal),
          issued_at: iso(s.issuedAt),
          expires_at: iso(s.expiresAt),
        })
        .execute(),
    );
  }

  async get(accessKeyId: string): Promise<StoredSession | undefined> {
    const row = await this.#db
      .selectFrom('sessions')
      .selectAll()
      .where('access_key_id', '=', accessKeyId)
      .executeTakeFirst();
    if (!row) return undefined;
    const principal = JSON.parse(row.principal) as Principal;
    if (principal.session) principal.session = reviveSession(principal.session);
    return {
      accessKeyId: row.access_key_id,
      tokenHash: row.token_hash,
      accountId: row.account_id,
      secretAccessKey: this.box.open(row.secret_sealed, row.access_key_id),
      principal,
      issuedAt: new Date(row.issued_at),
      expiresAt: new Date(row.expires_at),
    };
  }

  async deleteExpired(before: Date): Promise<number> {
    const result = await this.#db.deleteFrom('sessions').where('expires_at', '<', iso(before)).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
