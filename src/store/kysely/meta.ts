import type { MetaRepo } from '../../iam/iam-store.js';
import type { Db } from './db.js';

/** Small key-value facts about the installation (the bootstrap key's ID, for instance). */
export class KyselyMetaRepo implements MetaRepo {
  constructor(private readonly db: Db) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}
