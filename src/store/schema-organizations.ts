/** Tables of migrations 007 and 008: AWS Organizations (see schema.ts). */
export interface OrganizationTables {
  org_organizations: {
    org_id: string;
    management_account_id: string;
    management_email: string;
    feature_set: string;
    root_id: string;
    root_name: string;
    created_at: string;
  };
  org_policy_types: { org_id: string; policy_type: string };
  org_units: { ou_id: string; org_id: string; parent_id: string; name: string; created_at: string };
  org_accounts: {
    account_id: string;
    org_id: string;
    parent_id: string;
    name: string;
    email: string;
    status: string;
    joined_method: string;
    joined_at: string;
  };
  org_create_account_status: {
    request_id: string;
    org_id: string;
    account_name: string;
    state: string;
    requested_at: string;
    completed_at: string | null;
    account_id: string | null;
    failure_reason: string | null;
  };
  org_policies: {
    org_id: string;
    policy_id: string;
    name: string;
    description: string;
    policy_type: string;
    aws_managed: number;
    content: string;
    created_at: string | null;
  };
  org_policy_attachments: { org_id: string; policy_id: string; target_id: string };
  org_handshakes: {
    handshake_id: string;
    org_id: string;
    target_account_id: string;
    state: string;
    requested_at: string;
    expires_at: string;
    notes: string | null;
  };
  org_service_access: { org_id: string; service_principal: string; enabled_at: string };
  org_delegated_admins: { org_id: string; account_id: string; service_principal: string; enabled_at: string };
  org_tags: { org_id: string; resource_id: string; key: string; value: string };
  /** Migration 008. */
  org_iam_features: { org_id: string; feature: string; enabled_at: string };
}
