import type { BucketOwnerRepo } from '../../gateway/bucket-owners.js';
import { type Db, iso } from './db.js';

export class KyselyBucketOwnerRepo implements BucketOwnerRepo {
  constructor(private readonly db: Db) {}

  async ownerOf(bucket: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('gateway_bucket_owners')
      .select('account_id')
      .where('bucket', '=', bucket)
      .executeTakeFirst();
    return row?.account_id;
  }

  async record(bucket: string, accountId: string, at: Date): Promise<void> {
    await this.db
      .insertInto('gateway_bucket_owners')
      .values({ bucket, account_id: accountId, created_at: iso(at) })
      .onConflict((c) => c.column('bucket').doNothing())
      .execute();
  }

  async forget(bucket: string): Promise<void> {
    await this.db.deleteFrom('gateway_bucket_owners').where('bucket', '=', bucket).execute();
  }
}
