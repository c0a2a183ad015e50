import type { SamlProviderRecord, SamlProviderRepo } from '../../iam/saml-provider-store.js';
import type { SecretBox } from '../../shared/secret-box.js';
import type { SamlTables } from '../schema-saml.js';
import { type Db, iso, mapUnique } from './db.js';
import { TAG_ORDER } from './tags.js';

interface SealedKey {
  keyId: string;
  sealed: string;
  createdAt: string;
}

/** IAM's SAML providers (migration 013); private keys are sealed with the master key, their key ID as context. */
export class KyselySamlProviderRepo implements SamlProviderRepo {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  #keys(p: SamlProviderRecord): string {
    const sealed: SealedKey[] = p.privateKeys.map((k) => ({
      keyId: k.keyId,
      sealed: this.box.seal(k.pem, `saml-key:${k.keyId}`),
      createdAt: iso(k.createdAt),
    }));
    return JSON.stringify(sealed);
  }

  #toRecord(row: SamlTables['saml_providers']): SamlProviderRecord {
    const keys = JSON.parse(row.private_keys) as SealedKey[];
    const mode = row.encryption_mode;
    return {
      arn: row.arn,
      accountId: row.account_id,
      name: row.name,
      uuid: row.uuid,
      metadata: row.metadata,
      entityId: row.entity_id,
      certificates: JSON.parse(row.certificates) as string[],
      assertionEncryptionMode: mode === 'Required' || mode === 'Allowed' ? mode : undefined,
      privateKeys: keys.map((k) => ({
        keyId: k.keyId,
        pem: this.box.open(k.sealed, `saml-key:${k.keyId}`),
        createdAt: new Date(k.createdAt),
      })),
      tags: (JSON.parse(row.tags) as Array<{ key: string; value: string }>).sort(TAG_ORDER['saml-provider']),
      createdAt: new Date(row.created_at),
      validUntil: new Date(row.valid_until),
    };
  }

  async create(p: SamlProviderRecord): Promise<void> {
    await mapUnique('saml_providers_name', () =>
      this.db
        .insertInto('saml_providers')
        .values({
          arn: p.arn,
          account_id: p.accountId,
          name: p.name,
          name_lower: p.name.toLowerCase(),
          uuid: p.uuid,
          metadata: p.metadata,
          entity_id: p.entityId,
          certificates: JSON.stringify(p.certificates),
          encryption_mode: p.assertionEncryptionMode ?? null,
          private_keys: this.#keys(p),
          tags: JSON.stringify(p.tags),
          created_at: iso(p.createdAt),
          valid_until: iso(p.validUntil),
        })
        .execute(),
    );
  }

  async get(arn: string): Promise<SamlProviderRecord | undefined> {
    const row = await this.db.selectFrom('saml_providers').selectAll().where('arn', '=', arn).executeTakeFirst();
    return row && this.#toRecord(row);
  }

  async getByUuid(uuid: string): Promise<SamlProviderRecord | undefined> {
    const row = await this.db.selectFrom('saml_providers').selectAll().where('uuid', '=', uuid).executeTakeFirst();
    return row && this.#toRecord(row);
  }

  async list(accountId: string): Promise<SamlProviderRecord[]> {
    const rows = await this.db
      .selectFrom('saml_providers')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('name_lower')
      .execute();
    return rows.map((r) => this.#toRecord(r));
  }

  async count(accountId: string): Promise<number> {
    const row = await this.db
      .selectFrom('saml_providers')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async update(p: SamlProviderRecord): Promise<void> {
    await this.db
      .updateTable('saml_providers')
      // Tags are written only through the tag repository (tags.ts), inside a transaction.
      .set({
        metadata: p.metadata,
        entity_id: p.entityId,
        certificates: JSON.stringify(p.certificates),
        encryption_mode: p.assertionEncryptionMode ?? null,
        private_keys: this.#keys(p),
      })
      .where('arn', '=', p.arn)
      .execute();
  }

  async delete(arn: string): Promise<boolean> {
    const result = await this.db.deleteFrom('saml_providers').where('arn', '=', arn).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

/** Redeemed SAML assertions (migration 013): one row per (issuer, assertion ID, role), until it expires. */
export class KyselySamlAssertionLedger {
  constructor(private readonly db: Db) {}

  /** Records a redemption; false when the key is already recorded and unexpired (a replay). */
  async redeem(key: string, expiresAt: Date, now: Date): Promise<boolean> {
    await this.db.deleteFrom('saml_assertions').where('expires_at', '<=', iso(now)).execute();
    const result = await this.db
      .insertInto('saml_assertions')
      .values({ replay_key: key, expires_at: iso(expiresAt) })
      .onConflict((oc) => oc.column('replay_key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}
