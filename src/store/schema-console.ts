/** Tables of migration 010: console sessions and failed sign-ins (see schema.ts). */
export interface ConsoleTables {
  console_sessions: {
    token_hash: string;
    account_id: string;
    user_id: string | null;
    stage: string;
    mfa_at: string | null;
    csrf: string;
    key_id: string;
    created_at: string;
    expires_at: string;
  };
  signin_failures: { subject: string; failed_at: string };
}
