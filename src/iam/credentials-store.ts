import type { Tag } from './records.js';

/**
 * The store port for credentials other than access keys (IamStore.credentials). Owners are a
 * user ID, or undefined for the account's root user.
 */

export interface MfaDeviceRecord {
  serialNumber: string;
  accountId: string;
  name: string;
  path: string;
  createdAt: Date;
  /** The assigned IAM user; undefined with `assignedRoot` false when unassigned. */
  userId?: string;
  assignedRoot: boolean;
  enableDate?: Date;
  lastStep: number;
  driftSteps: number;
}

export interface LoginProfileRecord {
  accountId: string;
  userId?: string;
  passwordHash: string;
  createdAt: Date;
  passwordChangedAt: Date;
  resetRequired: boolean;
  lastUsedAt?: Date;
}

/** The account password policy as UpdateAccountPasswordPolicy sets it (absent fields take AWS's defaults). */
export interface PasswordPolicyRecord {
  MinimumPasswordLength?: number;
  RequireSymbols?: boolean;
  RequireNumbers?: boolean;
  RequireUppercaseCharacters?: boolean;
  RequireLowercaseCharacters?: boolean;
  AllowUsersToChangePassword?: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry?: boolean;
}

export type CredentialStatus = 'Active' | 'Inactive';

export interface SigningCertificateRecord {
  certificateId: string;
  accountId: string;
  userId?: string;
  body: string;
  status: CredentialStatus;
  uploadedAt: Date;
}

export interface SshPublicKeyRecord {
  keyId: string;
  accountId: string;
  userId: string;
  body: string;
  fingerprint: string;
  status: CredentialStatus;
  uploadedAt: Date;
}

export interface ServiceAccessRecord {
  principalArn: string;
  service: string;
  lastAt: Date;
  region: string;
}

/** One use of a service by a principal, as the last-used recorder flushes it. */
export interface ServiceAccessUse {
  accountId: string;
  principalArn: string;
  service: string;
  at: Date;
  region: string;
}

export interface CredentialRepo {
  // Virtual MFA devices. The seed is sealed by the store and opened only by `mfaSeed`.
  createMfaDevice(device: MfaDeviceRecord, seedBase32: string, tags: Tag[]): Promise<void>;
  getMfaDevice(serialNumber: string): Promise<MfaDeviceRecord | undefined>;
  mfaSeed(serialNumber: string): Promise<string | undefined>;
  /** Devices of the account; `assignment` narrows to assigned or unassigned ones. */
  listMfaDevices(accountId: string, assignment: 'Assigned' | 'Unassigned' | 'Any'): Promise<MfaDeviceRecord[]>;
  /** Devices assigned to an owner (user ID, or undefined: root). */
  mfaDevicesOf(accountId: string, userId: string | undefined): Promise<MfaDeviceRecord[]>;
  assignMfaDevice(serialNumber: string, userId: string | undefined, enableDate: Date, lastStep: number): Promise<void>;
  unassignMfaDevice(serialNumber: string): Promise<void>;
  /** Records the newest accepted step (and the drift, when resynchronized). */
  recordMfaStep(serialNumber: string, lastStep: number, driftSteps?: number): Promise<void>;
  deleteMfaDevice(serialNumber: string): Promise<void>;

  // Console passwords.
  getLoginProfile(accountId: string, userId: string | undefined): Promise<LoginProfileRecord | undefined>;
  /** Creates or replaces the profile, and appends the hash to the owner's password history. */
  putLoginProfile(profile: LoginProfileRecord): Promise<void>;
  setPasswordResetRequired(accountId: string, userId: string | undefined, required: boolean): Promise<void>;
  recordPasswordUse(accountId: string, userId: string | undefined, at: Date): Promise<void>;
  deleteLoginProfile(accountId: string, userId: string | undefined): Promise<void>;
  /** Hashes of the owner's passwords, newest first (the current one included). */
  passwordHistory(accountId: string, userId: string | undefined, limit: number): Promise<string[]>;
  getPasswordPolicy(accountId: string): Promise<PasswordPolicyRecord | undefined>;
  putPasswordPolicy(accountId: string, policy: PasswordPolicyRecord): Promise<void>;
  deletePasswordPolicy(accountId: string): Promise<boolean>;

  // Signing certificates and SSH public keys.
  createSigningCertificate(cert: SigningCertificateRecord): Promise<void>;
  signingCertificatesOf(accountId: string, userId: string | undefined): Promise<SigningCertificateRecord[]>;
  setSigningCertificateStatus(certificateId: string, status: CredentialStatus): Promise<void>;
  deleteSigningCertificate(certificateId: string): Promise<void>;
  createSshPublicKey(key: SshPublicKeyRecord): Promise<void>;
  sshPublicKeysOf(userId: string): Promise<SshPublicKeyRecord[]>;
  setSshPublicKeyStatus(keyId: string, status: CredentialStatus): Promise<void>;
  deleteSshPublicKey(keyId: string): Promise<void>;

  // Service last accessed.
  /** Records uses (the latest per principal and service wins; an older use than the stored one is ignored). */
  recordServiceAccess(entries: ServiceAccessUse[]): Promise<void>;
  /** Last access per service by the given principals. */
  serviceAccess(principalArns: string[]): Promise<ServiceAccessRecord[]>;
}
