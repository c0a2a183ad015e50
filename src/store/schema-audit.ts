/** The audit trail's `events` table (migration 006; see schema.ts). */
export interface AuditTables {
  events: {
    event_id: string;
    event_time: string;
    account_id: string;
    event_name: string;
    event_source: string;
    username: string | null;
    access_key_id: string | null;
    resource_names: string;
    resource_types: string;
    read_only: number;
    record: string;
  };
}
