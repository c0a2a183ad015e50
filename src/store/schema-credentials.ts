/** Tables of migration 004-credentials (see schema.ts for the conventions). */
export interface CredentialTables {
  mfa_devices: {
    serial_number: string;
    account_id: string;
    name: string;
    name_lower: string;
    path: string;
    seed_sealed: string;
    created_at: string;
    user_id: string | null;
    assigned_root: number;
    enable_date: string | null;
    last_step: number;
    drift_steps: number;
  };
  mfa_device_tags: { serial_number: string; key_lower: string; key: string; value: string };
  login_profiles: {
    owner_key: string;
    account_id: string;
    user_id: string | null;
    password_hash: string;
    created_at: string;
    password_changed_at: string;
    reset_required: number;
    last_used_at: string | null;
  };
  password_history: { owner_key: string; password_hash: string; set_at: string };
  password_policies: { account_id: string; policy: string };
  server_certificates: {
    certificate_id: string;
    account_id: string;
    arn: string;
    name: string;
    name_lower: string;
    path: string;
    body: string;
    chain: string | null;
    private_key_sealed: string;
    expiration: string | null;
    uploaded_at: string;
    tags: string;
  };
  signing_certificates: {
    certificate_id: string;
    account_id: string;
    user_id: string | null;
    body: string;
    status: string;
    uploaded_at: string;
  };
  ssh_public_keys: {
    key_id: string;
    account_id: string;
    user_id: string;
    body: string;
    fingerprint: string;
    status: string;
    uploaded_at: string;
  };
  service_last_accessed: {
    principal_arn: string;
    service: string;
    account_id: string;
    last_at: string;
    region: string;
  };
}
