import { rootArn } from '../../shared/arn.js';
import { csvRecord } from '../../shared/csv.js';
import type { AccessKeyRecord } from '../records.js';
import type { IamStore } from '../iam-store.js';
import { passwordExpired } from '../core/password-policy.js';
import { userArn } from '../core/arns.js';

/** AWS's credential report columns, in order. */
export const CREDENTIAL_REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

/** ISO 8601 with seconds and +00:00, as the report writes times. */
const time = (d: Date): string => `${d.toISOString().slice(0, 19)}+00:00`;

function keyColumns(k: AccessKeyRecord | undefined): string[] {
  if (!k) return ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  return [
    k.status === 'Active' ? 'true' : 'false',
    time(k.createdAt),
    k.lastUsed ? time(k.lastUsed.at) : 'N/A',
    k.lastUsed?.region ?? 'N/A',
    k.lastUsed?.service ?? 'N/A',
  ];
}

/** The account's credential report as CSV: the root row `<root_account>` first, then each user. */
export async function credentialReportCsv(store: IamStore, accountId: string, now: Date): Promise<string> {
  const policy = await store.credentials.getPasswordPolicy(accountId);
  const rows: string[][] = [];
  const owners: Array<{ name: string; arn: string; created: Date; userId?: string }> = [];
  const account = await store.accounts.get(accountId);
  owners.push({ name: '<root_account>', arn: rootArn(accountId), created: account?.createdAt ?? now });
  let marker: string | undefined;
  do {
    const page = await store.users.list(accountId, '/', {
      maxItems: 1000,
      ...(marker !== undefined ? { marker } : {}),
    });
    for (const u of page.items)
      owners.push({ name: u.userName, arn: userArn(u), created: u.createdAt, userId: u.userId });
    marker = page.marker;
  } while (marker !== undefined);

  for (const o of owners) {
    const isRoot = o.userId === undefined;
    const profile = await store.credentials.getLoginProfile(accountId, o.userId);
    const keys = await store.accessKeys.listForOwner(accountId, o.userId);
    const certs = await store.credentials.signingCertificatesOf(accountId, o.userId);
    const mfa = await store.credentials.mfaDevicesOf(accountId, o.userId);
    let passwordEnabled: string;
    let lastUsed: string;
    let lastChanged: string;
    let nextRotation: string;
    if (isRoot) {
      // AWS reports the root password as not_supported; its last use when known.
      passwordEnabled = 'not_supported';
      lastUsed = profile?.lastUsedAt ? time(profile.lastUsedAt) : 'no_information';
      lastChanged = 'not_supported';
      nextRotation = 'not_supported';
    } else if (profile) {
      passwordEnabled = 'true';
      lastUsed = profile.lastUsedAt ? time(profile.lastUsedAt) : 'no_information';
      lastChanged = time(profile.passwordChangedAt);
      const days = policy?.MaxPasswordAge;
      nextRotation = days ? time(new Date(profile.passwordChangedAt.getTime() + days * 86_400_000)) : 'N/A';
      void passwordExpired;
    } else {
      passwordEnabled = 'false';
      lastUsed = 'N/A';
      lastChanged = 'N/A';
      nextRotation = 'N/A';
    }
    rows.push([
      o.name,
      o.arn,
      time(o.created),
      passwordEnabled,
      lastUsed,
      lastChanged,
      nextRotation,
      mfa.length > 0 ? 'true' : 'false',
      ...keyColumns(keys[0]),
      ...keyColumns(keys[1]),
      certs[0] ? (certs[0].status === 'Active' ? 'true' : 'false') : 'false',
      certs[0] ? time(certs[0].uploadedAt) : 'N/A',
      certs[1] ? (certs[1].status === 'Active' ? 'true' : 'false') : 'false',
      certs[1] ? time(certs[1].uploadedAt) : 'N/A',
    ]);
  }
  return [CREDENTIAL_REPORT_COLUMNS, ...rows].map(csvRecord).join('\n');
}
