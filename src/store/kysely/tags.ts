import type { Kysely } from 'kysely';
import type { Tag } from '../../iam/records.js';
import type { TaggableKind, TagRepo } from '../../iam/tagging/tag-repo.js';
import type { Db } from './db.js';

/** Shorter keys first, then by code unit: how AWS lists policy and MFA device tags. */
const byLengthThenKey = (a: Tag, b: Tag): number =>
  a.key.length - b.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
/** By lower-cased key, as users, roles, instance profiles and OIDC providers have always listed. */
const byLowerKey = (a: Tag, b: Tag): number => {
  const x = a.key.toLowerCase();
  const y = b.key.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

export const TAG_ORDER: Readonly<Record<TaggableKind, (a: Tag, b: Tag) => number>> = {
  user: byLowerKey,
  role: byLowerKey,
  'instance-profile': byLowerKey,
  'oidc-provider': byLowerKey,
  'saml-provider': byLowerKey,
  'server-certificate': byLowerKey,
  policy: byLengthThenKey,
  'mfa-device': byLengthThenKey,
};

/**
 * Row tables: (owner, key[, key_lower], value). `key_lower` is the primary key's second column
 * where keys are case-insensitive; policy_tags has none, its keys being case-sensitive.
 */
const ROW_TABLES = {
  user: { table: 'user_tags', owner: 'user_id', caseSensitive: false },
  role: { table: 'role_tags', owner: 'role_id', caseSensitive: false },
  'instance-profile': { table: 'instance_profile_tags', owner: 'instance_profile_id', caseSensitive: false },
  'mfa-device': { table: 'mfa_device_tags', owner: 'serial_number', caseSensitive: false },
  policy: { table: 'policy_tags', owner: 'policy_id', caseSensitive: true },
} as const;

/** The same key rule as iam/tagging/tag-rules.ts (TAG_RULES), which the schema's primary keys encode. */
const keyIdentity = (kind: TaggableKind): ((key: string) => string) =>
  !isJsonKind(kind) && ROW_TABLES[kind].caseSensitive ? (key) => key : (key) => key.toLowerCase();

type RowKind = keyof typeof ROW_TABLES;
/** Identity providers and server certificates keep their tags as JSON on their own row, keyed by ARN. */
type JsonKind = 'oidc-provider' | 'saml-provider' | 'server-certificate';
const JSON_TABLES = {
  'oidc-provider': 'oidc_providers',
  'saml-provider': 'saml_providers',
  'server-certificate': 'server_certificates',
} as const;
const isJsonKind = (kind: TaggableKind): kind is JsonKind => kind in JSON_TABLES;
interface TagRow {
  owner: string;
  key: string;
  key_lower?: string;
  value: string;
}

/**
 * The one tag store. The table and owner column come from the kind, so the queries are typed
 * loosely here; OIDC and SAML providers keep their tags as JSON in `oidc_providers.tags` (migration 005)
 * and `saml_providers.tags` (013),
 * read and rewritten whole inside the caller's transaction.
 */
export class KyselyTagRepo implements TagRepo {
  readonly #db: Kysely<Record<string, TagRow>>;
  readonly #json: Db;

  constructor(db: Db) {
    // The row tables are chosen at run time, which kysely cannot type: their queries see a loose schema.
    this.#db = db as unknown as Kysely<Record<string, TagRow>>;
    this.#json = db;
  }

  async list(kind: TaggableKind, id: string): Promise<Tag[]> {
    const tags = isJsonKind(kind) ? await this.#readJson(kind, id) : await this.#readRows(kind, id);
    return tags.sort(TAG_ORDER[kind]);
  }

  async put(kind: TaggableKind, id: string, tags: readonly Tag[]): Promise<void> {
    if (tags.length === 0) return;
    if (isJsonKind(kind)) {
      const identity = keyIdentity(kind);
      const replaced = new Set(tags.map((t) => identity(t.key)));
      const kept = (await this.#readJson(kind, id)).filter((t) => !replaced.has(identity(t.key)));
      await this.#writeJson(kind, id, [...kept, ...tags]);
      return;
    }
    const { table, owner, caseSensitive } = ROW_TABLES[kind];
    for (const t of tags) {
      // A later write replaces the stored tag whose key is the same key for this kind.
      let stale = this.#db.deleteFrom(table).where(owner as 'owner', '=', id);
      stale = caseSensitive ? stale.where('key', '=', t.key) : stale.where('key_lower', '=', t.key.toLowerCase());
      await stale.execute();
      await this.#db
        .insertInto(table)
        .values({
          [owner]: id,
          key: t.key,
          value: t.value,
          ...(caseSensitive ? {} : { key_lower: t.key.toLowerCase() }),
        } as unknown as TagRow)
        .execute();
    }
  }

  async remove(kind: TaggableKind, id: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    const identity = keyIdentity(kind);
    if (isJsonKind(kind)) {
      const gone = new Set(keys.map(identity));
      await this.#writeJson(
        kind,
        id,
        (await this.#readJson(kind, id)).filter((t) => !gone.has(identity(t.key))),
      );
      return;
    }
    const { table, owner, caseSensitive } = ROW_TABLES[kind];
    await this.#db
      .deleteFrom(table)
      .where(owner as 'owner', '=', id)
      .where(caseSensitive ? 'key' : 'key_lower', 'in', keys.map(identity))
      .execute();
  }

  async #readRows(kind: RowKind, id: string): Promise<Tag[]> {
    const { table, owner } = ROW_TABLES[kind];
    const rows = await this.#db
      .selectFrom(table)
      .select(['key', 'value'])
      .where(owner as 'owner', '=', id)
      .execute();
    return rows.map((r) => ({ key: r.key, value: r.value }));
  }

  async #readJson(kind: JsonKind, arn: string): Promise<Tag[]> {
    const row = await this.#json.selectFrom(JSON_TABLES[kind]).select('tags').where('arn', '=', arn).executeTakeFirst();
    return row ? (JSON.parse(row.tags) as Tag[]) : [];
  }

  async #writeJson(kind: JsonKind, arn: string, tags: Tag[]): Promise<void> {
    await this.#json
      .updateTable(JSON_TABLES[kind])
      .set({ tags: JSON.stringify(tags) })
      .where('arn', '=', arn)
      .execute();
  }
}
