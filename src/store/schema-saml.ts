/** Tables of migration 013: SAML providers and redeemed assertions (see schema.ts). */
export interface SamlTables {
  saml_providers: {
    arn: string;
    account_id: string;
    name: string;
    name_lower: string;
    uuid: string;
    metadata: string;
    entity_id: string;
    certificates: string;
    encryption_mode: string | null;
    private_keys: string;
    tags: string;
    created_at: string;
    valid_until: string;
  };
  saml_assertions: { replay_key: string; expires_at: string };
}
