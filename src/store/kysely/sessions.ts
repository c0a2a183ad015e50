import type { Principal, SessionInfo } from '../../shared/principal.js';
import type { SecretBox } from '../../shared/secret-box.js';
import type { SessionLookup } from '../../auth/ports.js';
import type { OidcProviderRecord, OidcProviderRepo, SessionRepo, StoredSession } from '../../sts/session-store.js';
import type { SessionTables } from '../schema-sessions.js';
import { type Db, iso, mapUnique } from './db.js';
import { TAG_ORDER } from './tags.js';

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
    const row = await this.#db.selectFrom('sessions').selectAll().where('access_key_id', '=', accessKeyId).executeTakeFirst();
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

const toProvider = (row: SessionTables['oidc_providers']): OidcProviderRecord => ({
  arn: row.arn,
  accountId: row.account_id,
  url: row.url,
  clientIds: JSON.parse(row.client_ids) as string[],
  thumbprints: JSON.parse(row.thumbprints) as string[],
  tags: (JSON.parse(row.tags) as Array<{ key: string; value: string }>).sort(TAG_ORDER['oidc-provider']),
  createdAt: new Date(row.created_at),
});

export class KyselyOidcProviderRepo implements OidcProviderRepo {
  readonly #db: Db;

  constructor(db: Db) {
    this.#db = db;
  }

  async create(p: OidcProviderRecord): Promise<void> {
    await mapUnique('oidc_providers_pk', () =>
      this.#db
        .insertInto('oidc_providers')
        .values({
          arn: p.arn,
          account_id: p.accountId,
          url: p.url,
          client_ids: JSON.stringify(p.clientIds),
          thumbprints: JSON.stringify(p.thumbprints),
          tags: JSON.stringify(p.tags),
          created_at: iso(p.createdAt),
        })
        .execute(),
    );
  }

  async get(arn: string): Promise<OidcProviderRecord | undefined> {
    const row = await this.#db.selectFrom('oidc_providers').selectAll().where('arn', '=', arn).executeTakeFirst();
    return row && toProvider(row);
  }

  async list(accountId: string): Promise<OidcProviderRecord[]> {
    const rows = await this.#db.selectFrom('oidc_providers').selectAll().where('account_id', '=', accountId).orderBy('arn').execute();
    return rows.map(toProvider);
  }

  async update(p: OidcProviderRecord): Promise<void> {
    await this.#db
      .updateTable('oidc_providers')
      // Tags are written only through the tag repository (tags.ts), inside a transaction.
      .set({ client_ids: JSON.stringify(p.clientIds), thumbprints: JSON.stringify(p.thumbprints) })
      .where('arn', '=', p.arn)
      .execute();
  }

  async delete(arn: string): Promise<boolean> {
    const result = await this.#db.deleteFrom('oidc_providers').where('arn', '=', arn).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
