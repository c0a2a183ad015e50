/** Tables of migrations 009 and 011: the Account service's settings and root password recovery (see schema.ts). */
export interface AccountTables {
  account_alternate_contacts: {
    account_id: string;
    contact_type: string;
    name: string;
    title: string;
    email: string;
    phone: string;
  };
  account_contact_information: { account_id: string; document: string };
  account_email_updates: { account_id: string; email: string; otp_hash: string; expires_at: string };
  root_password_recovery_tokens: {
    token_hash: string;
    account_id: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
  };
}
