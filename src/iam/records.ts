/** Domain records the IAM handlers work with; the store maps rows to these. */

export interface AccountRecord {
  accountId: string;
  name: string;
  email: string;
  createdAt: Date;
}

export interface UserRecord {
  userId: string;
  accountId: string;
  userName: string;
  path: string;
  createdAt: Date;
  passwordLastUsed?: Date;
  permissionsBoundaryArn?: string;
}

export interface GroupRecord {
  groupId: string;
  accountId: string;
  groupName: string;
  path: string;
  createdAt: Date;
}

export type AccessKeyStatus = 'Active' | 'Inactive';

export interface AccessKeyRecord {
  accessKeyId: string;
  accountId: string;
  /** Undefined for the account's root user. */
  userId?: string;
  status: AccessKeyStatus;
  createdAt: Date;
  lastUsed?: { at: Date; service: string; region: string };
}

/** An access key with its secret opened, for signature verification only. */
export interface AccessKeyWithSecret extends AccessKeyRecord {
  secretAccessKey: string;
}

export interface Tag {
  key: string;
  value: string;
}

/** One page of a listing: `marker` is present when more items follow (AWS IsTruncated). */
export interface Page<T> {
  items: T[];
  marker?: string;
}

export interface PageRequest {
  marker?: string;
  maxItems: number;
}
