/** The store port for the accounts that made S3 buckets through the gateway (migration 015). */
export interface BucketOwnerRepo {
  ownerOf(bucket: string): Promise<string | undefined>;
  /** Records a bucket's creator; a bucket already recorded keeps its owner. */
  record(bucket: string, accountId: string, at: Date): Promise<void>;
  forget(bucket: string): Promise<void>;
}
