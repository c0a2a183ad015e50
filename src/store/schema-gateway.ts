/** Tables of migration 015: the gateway's S3 bucket owners (see schema.ts). */
export interface GatewayTables {
  gateway_bucket_owners: { bucket: string; account_id: string; created_at: string };
}
