import type { Selectable } from 'kysely';
import type {
  CredentialRepo,
  CredentialStatus,
  LoginProfileRecord,
  MfaDeviceRecord,
  PasswordPolicyRecord,
  ServiceAccessRecord,
  ServiceAccessUse,
  SigningCertificateRecord,
  SshPublicKeyRecord,
} from '../../iam/credentials-store.js';
import type { Tag } from '../../iam/records.js';
import type { SecretBox } from '../../shared/secret-box.js';
import type { CredentialTables } from '../schema-credentials.js';
import { type Db, date, iso, mapUnique, optionalDate } from './db.js';
import { KyselyTagRepo } from './tags.js';

const ownerKey = (accountId: string, userId: string | undefined): string =>
  userId === undefined ? `root:${accountId}` : `user:${userId}`;

function toMfa(row: Selectable<CredentialTables['mfa_devices']>): MfaDeviceRecord {
  const enableDate = optionalDate(row.enable_date);
  return {
    serialNumber: row.serial_number,
    accountId: row.account_id,
    name: row.name,
    path: row.path,
    createdAt: date(row.created_at),
    ...(row.user_id ? { userId: row.user_id } : {}),
    assignedRoot: row.assigned_root === 1,
    ...(enableDate ? { enableDate } : {}),
    lastStep: Number(row.last_step),
    driftSteps: Number(row.drift_steps),
  };
}

function toProfile(row: Selectable<CredentialTables['login_profiles']>): LoginProfileRecord {
  const lastUsedAt = optionalDate(row.last_used_at);
  return {
    accountId: row.account_id,
    ...(row.user_id ? { userId: row.user_id } : {}),
    passwordHash: row.password_hash,
    createdAt: date(row.created_at),
    passwordChangedAt: date(row.password_changed_at),
    resetRequired: row.reset_required === 1,
    ...(lastUsedAt ? { lastUsedAt } : {}),
  };
}

/** Rows per upsert in `recordServiceAccess` (5 parameters each). */
const SERVICE_ACCESS_CHUNK = 500;

export class KyselyCredentialRepo implements CredentialRepo {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  // Virtual MFA devices.

  async createMfaDevice(d: MfaDeviceRecord, seedBase32: string, tags: Tag[]): Promise<void> {
    await mapUnique('mfa_devices_account_name', () =>
      this.db
        .insertInto('mfa_devices')
        .values({
          serial_number: d.serialNumber,
          account_id: d.accountId,
          name: d.name,
          name_lower: d.name.toLowerCase(),
          path: d.path,
          // The serial number is bound as associated data: a seed copied onto another device does not open.
          seed_sealed: this.box.seal(seedBase32, d.serialNumber),
          created_at: iso(d.createdAt),
          user_id: null,
          assigned_root: 0,
          enable_date: null,
          last_step: 0,
          drift_steps: 0,
        })
        .execute(),
    );
    await new KyselyTagRepo(this.db).put('mfa-device', d.serialNumber, tags);
  }

  async getMfaDevice(serialNumber: string): Promise<MfaDeviceRecord | undefined> {
    const row = await this.db
      .selectFrom('mfa_devices')
      .selectAll()
      .where('serial_number', '=', serialNumber)
      .executeTakeFirst();
    return row && toMfa(row);
  }

  async mfaSeed(serialNumber: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('mfa_devices')
      .select(['seed_sealed'])
      .where('serial_number', '=', serialNumber)
      .executeTakeFirst();
    return row && this.box.open(row.seed_sealed, serialNumber);
  }

  async listMfaDevices(accountId: string, assignment: 'Assigned' | 'Unassigned' | 'Any'): Promise<MfaDeviceRecord[]> {
    let q = this.db.selectFrom('mfa_devices').selectAll().where('account_id', '=', accountId);
    if (assignment === 'Assigned') q = q.where('enable_date', 'is not', null);
    if (assignment === 'Unassigned') q = q.where('enable_date', 'is', null);
    return (await q.orderBy('serial_number').execute()).map(toMfa);
  }

  async mfaDevicesOf(accountId: string, userId: string | undefined): Promise<MfaDeviceRecord[]> {
    let q = this.db.selectFrom('mfa_devices').selectAll().where('account_id', '=', accountId);
    q = userId === undefined ? q.where('assigned_root', '=', 1) : q.where('user_id', '=', userId);
    return (await q.orderBy('enable_date').orderBy('serial_number').execute()).map(toMfa);
  }

  async assignMfaDevice(
    serialNumber: string,
    userId: string | undefined,
    enableDate: Date,
    lastStep: number,
  ): Promise<void> {
    await this.db
      .updateTable('mfa_devices')
      .set({
        user_id: userId ?? null,
        assigned_root: userId === undefined ? 1 : 0,
        enable_date: iso(enableDate),
        last_step: lastStep,
        drift_steps: 0,
      })
      .where('serial_number', '=', serialNumber)
      .execute();
  }

  async unassignMfaDevice(serialNumber: string): Promise<void> {
    await this.db
      .updateTable('mfa_devices')
      .set({ user_id: null, assigned_root: 0, enable_date: null, drift_steps: 0 })
      .where('serial_number', '=', serialNumber)
      .execute();
  }

  async recordMfaStep(serialNumber: string, lastStep: number, driftSteps?: number): Promise<void> {
    await this.db
      .updateTable('mfa_devices')
      .set({ last_step: lastStep, ...(driftSteps !== undefined ? { drift_steps: driftSteps } : {}) })
      .where('serial_number', '=', serialNumber)
      .execute();
  }

  async deleteMfaDevice(serialNumber: string): Promise<void> {
    await this.db.deleteFrom('mfa_device_tags').where('serial_number', '=', serialNumber).execute();
    await this.db.deleteFrom('mfa_devices').where('serial_number', '=', serialNumber).execute();
  }

  // Console passwords.

  async getLoginProfile(accountId: string, userId: string | undefined): Promise<LoginProfileRecord | undefined> {
    const row = await this.db
      .selectFrom('login_profiles')
      .selectAll()
      .where('owner_key', '=', ownerKey(accountId, userId))
      .executeTakeFirst();
    return row && toProfile(row);
  }

  async putLoginProfile(p: LoginProfileRecord): Promise<void> {
    const key = ownerKey(p.accountId, p.userId);
    await this.db.deleteFrom('login_profiles').where('owner_key', '=', key).execute();
    await this.db
      .insertInto('login_profiles')
      .values({
        owner_key: key,
        account_id: p.accountId,
        user_id: p.userId ?? null,
        password_hash: p.passwordHash,
        created_at: iso(p.createdAt),
        password_changed_at: iso(p.passwordChangedAt),
        reset_required: p.resetRequired ? 1 : 0,
        last_used_at: p.lastUsedAt ? iso(p.lastUsedAt) : null,
      })
      .execute();
    await this.db
      .insertInto('password_history')
      .values({ owner_key: key, password_hash: p.passwordHash, set_at: iso(p.passwordChangedAt) })
      .execute();
  }

  async setPasswordResetRequired(accountId: string, userId: string | undefined, required: boolean): Promise<void> {
    await this.db
      .updateTable('login_profiles')
      .set({ reset_required: required ? 1 : 0 })
      .where('owner_key', '=', ownerKey(accountId, userId))
      .execute();
  }

  async recordPasswordUse(accountId: string, userId: string | undefined, at: Date): Promise<void> {
    await this.db
      .updateTable('login_profiles')
      .set({ last_used_at: iso(at) })
      .where('owner_key', '=', ownerKey(accountId, userId))
      .execute();
    if (userId !== undefined)
      await this.db
        .updateTable('users')
        .set({ password_last_used: iso(at) })
        .where('user_id', '=', userId)
        .execute();
  }

  async deleteLoginProfile(accountId: string, userId: string | undefined): Promise<void> {
    await this.db.deleteFrom('login_profiles').where('owner_key', '=', ownerKey(accountId, userId)).execute();
  }

  async passwordHistory(accountId: string, userId: string | undefined, limit: number): Promise<string[]> {
    if (limit <= 0) return [];
    const rows = await this.db
      .selectFrom('password_history')
      .select(['password_hash'])
      .where('owner_key', '=', ownerKey(accountId, userId))
      .orderBy('set_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.password_hash);
  }

  async getPasswordPolicy(accountId: string): Promise<PasswordPolicyRecord | undefined> {
    const row = await this.db
      .selectFrom('password_policies')
      .select(['policy'])
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return row && (JSON.parse(row.policy) as PasswordPolicyRecord);
  }

  async putPasswordPolicy(accountId: string, policy: PasswordPolicyRecord): Promise<void> {
    await this.db.deleteFrom('password_policies').where('account_id', '=', accountId).execute();
    await this.db
      .insertInto('password_policies')
      .values({ account_id: accountId, policy: JSON.stringify(policy) })
      .execute();
  }

  async deletePasswordPolicy(accountId: string): Promise<boolean> {
    const r = await this.db.deleteFrom('password_policies').where('account_id', '=', accountId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  // Signing certificates and SSH public keys.

  async createSigningCertificate(c: SigningCertificateRecord): Promise<void> {
    await this.db
      .insertInto('signing_certificates')
      .values({
        certificate_id: c.certificateId,
        account_id: c.accountId,
        user_id: c.userId ?? null,
        body: c.body,
        status: c.status,
        uploaded_at: iso(c.uploadedAt),
      })
      .execute();
  }

  async signingCertificatesOf(accountId: string, userId: string | undefined): Promise<SigningCertificateRecord[]> {
    let q = this.db.selectFrom('signing_certificates').selectAll().where('account_id', '=', accountId);
    q = userId === undefined ? q.where('user_id', 'is', null) : q.where('user_id', '=', userId);
    const rows = await q.orderBy('uploaded_at').orderBy('certificate_id').execute();
    return rows.map((r) => ({
      certificateId: r.certificate_id,
      accountId: r.account_id,
      ...(r.user_id ? { userId: r.user_id } : {}),
      body: r.body,
      status: r.status as CredentialStatus,
      uploadedAt: date(r.uploaded_at),
    }));
  }

  async setSigningCertificateStatus(certificateId: string, status: CredentialStatus): Promise<void> {
    await this.db
      .updateTable('signing_certificates')
      .set({ status })
      .where('certificate_id', '=', certificateId)
      .execute();
  }

  async deleteSigningCertificate(certificateId: string): Promise<void> {
    await this.db.deleteFrom('signing_certificates').where('certificate_id', '=', certificateId).execute();
  }

  async createSshPublicKey(k: SshPublicKeyRecord): Promise<void> {
    await this.db
      .insertInto('ssh_public_keys')
      .values({
        key_id: k.keyId,
        account_id: k.accountId,
        user_id: k.userId,
        body: k.body,
        fingerprint: k.fingerprint,
        status: k.status,
        uploaded_at: iso(k.uploadedAt),
      })
      .execute();
  }

  async sshPublicKeysOf(userId: string): Promise<SshPublicKeyRecord[]> {
    const rows = await this.db
      .selectFrom('ssh_public_keys')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('uploaded_at')
      .orderBy('key_id')
      .execute();
    return rows.map((r) => ({
      keyId: r.key_id,
      accountId: r.account_id,
      userId: r.user_id,
      body: r.body,
      fingerprint: r.fingerprint,
      status: r.status as CredentialStatus,
      uploadedAt: date(r.uploaded_at),
    }));
  }

  async setSshPublicKeyStatus(keyId: string, status: CredentialStatus): Promise<void> {
    await this.db.updateTable('ssh_public_keys').set({ status }).where('key_id', '=', keyId).execute();
  }

  async deleteSshPublicKey(keyId: string): Promise<void> {
    await this.db.deleteFrom('ssh_public_keys').where('key_id', '=', keyId).execute();
  }

  // Service last accessed.

  /**
   * One upsert per chunk, rows in key order (see access-keys.ts `recordLastUsed`); an access older
   * than the one stored changes nothing.
   */
  async recordServiceAccess(entries: ServiceAccessUse[]): Promise<void> {
    const latest = new Map<string, ServiceAccessUse>();
    for (const e of entries) {
      const k = `${e.principalArn}\u0000${e.service}`;
      const seen = latest.get(k);
      if (!seen || seen.at < e.at) latest.set(k, e);
    }
    const sorted = [...latest.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, e]) => e);
    for (let i = 0; i < sorted.length; i += SERVICE_ACCESS_CHUNK) {
      await this.db
        .insertInto('service_last_accessed')
        .values(
          sorted.slice(i, i + SERVICE_ACCESS_CHUNK).map((e) => ({
            principal_arn: e.principalArn,
            service: e.service,
            account_id: e.accountId,
            last_at: iso(e.at),
            region: e.region,
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['principal_arn', 'service'])
            .doUpdateSet((eb) => ({
              account_id: eb.ref('excluded.account_id'),
              last_at: eb.ref('excluded.last_at'),
              region: eb.ref('excluded.region'),
            }))
            .where((eb) => eb('service_last_accessed.last_at', '<', eb.ref('excluded.last_at'))),
        )
        .execute();
    }
  }

  async serviceAccess(principalArns: string[]): Promise<ServiceAccessRecord[]> {
    if (principalArns.length === 0) return [];
    const rows = await this.db
      .selectFrom('service_last_accessed')
      .selectAll()
      .where('principal_arn', 'in', principalArns)
      .execute();
    return rows.map((r) => ({
      principalArn: r.principal_arn,
      service: r.service,
      lastAt: date(r.last_at),
      region: r.region,
    }));
  }
}
