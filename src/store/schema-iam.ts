/** Tables of migrations 001–003 and 012: accounts, users, groups, keys, policies, roles (see schema.ts). */
export interface IamTables {
  meta: { key: string; value: string };
  /** Rows per account of the tables IAM's quotas count, kept by triggers (migration 016). */
  account_counts: { account_id: string; table_name: string; n: number | string };
  accounts: {
    account_id: string;
    name: string;
    email: string;
    created_at: string;
    /** When the account was closed (Organizations CloseAccount); null while open. */
    closed_at: string | null;
  };
  account_aliases: { account_id: string; alias: string };
  users: {
    user_id: string;
    account_id: string;
    name: string;
    name_lower: string;
    path: string;
    created_at: string;
    password_last_used: string | null;
    permissions_boundary_arn: string | null;
  };
  user_tags: { user_id: string; key_lower: string; key: string; value: string };
  groups: {
    group_id: string;
    account_id: string;
    name: string;
    name_lower: string;
    path: string;
    created_at: string;
  };
  group_members: { group_id: string; user_id: string };
  access_keys: {
    access_key_id: string;
    account_id: string;
    /** NULL for the account's root user. */
    user_id: string | null;
    secret_sealed: string;
    status: string;
    created_at: string;
    last_used_at: string | null;
    last_used_service: string | null;
    last_used_region: string | null;
  };
  managed_policies: {
    policy_id: string;
    arn: string;
    /** `aws` for AWS managed policies. */
    account_id: string;
    name: string;
    name_lower: string;
    path: string;
    description: string | null;
    default_version_id: string;
    next_version: number;
    created_at: string;
    updated_at: string;
  };
  policy_versions: {
    policy_id: string;
    version_id: string;
    version_number: number;
    document: string;
    created_at: string;
  };
  policy_tags: { policy_id: string; key: string; value: string };
  policy_attachments: {
    policy_id: string;
    entity_kind: string;
    entity_id: string;
    account_id: string;
    attached_at: string;
  };
  inline_policies: { entity_kind: string; entity_id: string; name: string; document: string };
  roles: {
    role_id: string;
    account_id: string;
    name: string;
    name_lower: string;
    path: string;
    assume_role_policy: string;
    description: string | null;
    max_session_duration: number;
    created_at: string;
    permissions_boundary_arn: string | null;
    last_used_at: string | null;
    last_used_region: string | null;
  };
  role_tags: { role_id: string; key_lower: string; key: string; value: string };
  instance_profiles: {
    instance_profile_id: string;
    account_id: string;
    name: string;
    name_lower: string;
    path: string;
    created_at: string;
  };
  instance_profile_tags: { instance_profile_id: string; key_lower: string; key: string; value: string };
  instance_profile_roles: { instance_profile_id: string; role_id: string };
  role_deletion_tasks: { task_id: string; account_id: string; status: string; created_at: string };
}
