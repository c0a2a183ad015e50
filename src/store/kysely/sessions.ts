import type { Principal, SessionInfo } from '../../shared/principal.js';
import type { SecretBox } from '../../shared/secret-box.js';
import type { SessionLookup } from '../../auth/ports.js';
import type { SessionRepo, StoredSession } from '../../sts/session-store.js';
import { type Db, iso, mapUnique } from './db.js';
import { ReusableQuery } from './reusable-query.js';
import { GroupCommit } from './group-commit.js';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { SessionTables } from '../schema-sessions.js';

type SessionRow = SessionTables['sessions'];

// AssumeRole writes one session and every call by its credentials may read it: both are hot.
const insertSession = new ReusableQuery<keyof SessionRow>((db, slot) =>
  db.insertInto('sessions').values({
    access_key_id: slot('access_key_id'),
    token_hash: slot('token_hash'),
    account_id: slot('account_id'),
    kind: slot('kind'),
    entity_id: slot('entity_id'),
    secret_sealed: slot('secret_sealed'),
    principal: slot('principal'),
    issued_at: slot('issued_at'),
    expires_at: slot('expires_at'),
  }),
);
const selectSession = new ReusableQuery<'access_key_id'>((db, slot) =>
  db.selectFrom('sessions').selectAll().where('access_key_id', '=', slot('access_key_id')),
);

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

  readonly #batch: GroupCommit<SessionRow> | undefined;

  /** `groupCommit`: the SQLite store outside a transaction, whose commits are worth sharing (group-commit.ts). */
  constructor(
    db: Db,
    private readonly box: SecretBox,
    groupCommit?: Kysely<Database>,
  ) {
    this.#db = db;
    this.#batch = groupCommit && new GroupCommit(groupCommit, (db, row: SessionRow) => insertSession.run(db, row));
  }

  async create(s: StoredSession): Promise<void> {
    const row: SessionRow = {
      access_key_id: s.accessKeyId,
      token_hash: s.tokenHash,
      account_id: s.accountId,
      kind: s.principal.kind,
      entity_id: entityOf(s.principal),
      secret_sealed: this.box.seal(s.secretAccessKey, s.accessKeyId),
      principal: JSON.stringify(s.principal),
      issued_at: iso(s.issuedAt),
      expires_at: iso(s.expiresAt),
    };
    await mapUnique('sessions_pk', async () => {
      if (this.#batch) await this.#batch.insert(row);
      else await insertSession.run(this.#db, row);
    });
  }

  async get(accessKeyId: string): Promise<StoredSession | undefined> {
    const [row] = (await selectSession.run<SessionRow>(this.#db, { access_key_id: accessKeyId })).rows;
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
