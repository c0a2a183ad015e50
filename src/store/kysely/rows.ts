import type { Selectable } from 'kysely';
import type { AccessKeyRecord, AccessKeyStatus, GroupRecord, UserRecord } from '../../iam/records.js';
import type { Database } from '../schema.js';
import { date, optionalDate } from './db.js';

export function toUser(row: Selectable<Database['users']>): UserRecord {
  return {
    userId: row.user_id,
    accountId: row.account_id,
    userName: row.name,
    path: row.path,
    createdAt: date(row.created_at),
    ...(row.password_last_used ? { passwordLastUsed: date(row.password_last_used) } : {}),
    ...(row.permissions_boundary_arn ? { permissionsBoundaryArn: row.permissions_boundary_arn } : {}),
  };
}

export function toGroup(row: Selectable<Database['groups']>): GroupRecord {
  return {
    groupId: row.group_id,
    accountId: row.account_id,
    groupName: row.name,
    path: row.path,
    createdAt: date(row.created_at),
  };
}

export function toAccessKey(row: Selectable<Database['access_keys']>): AccessKeyRecord {
  const lastUsedAt = optionalDate(row.last_used_at);
  return {
    accessKeyId: row.access_key_id,
    accountId: row.account_id,
    ...(row.user_id ? { userId: row.user_id } : {}),
    status: row.status as AccessKeyStatus,
    createdAt: date(row.created_at),
    ...(lastUsedAt
      ? { lastUsed: { at: lastUsedAt, service: row.last_used_service ?? 'N/A', region: row.last_used_region ?? 'N/A' } }
      : {}),
  };
}
