import type { OidcProviderRecord, OidcProviderRepo } from '../../iam/oidc-provider-store.js';
import type { SessionTables } from '../schema-sessions.js';
import { type Db, iso, mapUnique } from './db.js';
import { TAG_ORDER } from './tags.js';

// IAM's OIDC providers; the table came with STS's sessions (migration 005), hence its schema file.

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
    const rows = await this.#db
      .selectFrom('oidc_providers')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('arn')
      .execute();
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
