/** Tables of migration 005: STS sessions and OIDC providers (see schema.ts). */
export interface SessionTables {
  sessions: {
    access_key_id: string;
    token_hash: string;
    account_id: string;
    kind: string;
    entity_id: string | null;
    secret_sealed: string;
    principal: string;
    issued_at: string;
    expires_at: string;
  };
  oidc_providers: {
    arn: string;
    account_id: string;
    url: string;
    client_ids: string;
    thumbprints: string;
    tags: string;
    created_at: string;
  };
}
