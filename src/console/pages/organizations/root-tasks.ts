import type { ConsoleContext } from '../../env.js';
import { originOf } from '../../env.js';
import { AwsError } from '../../../shared/aws-error.js';
import type { AssumeRootResponse } from '../../../wire/generated/sts.js';

const TASK = 'arn:aws:iam::aws:policy/root-task/';
export const TASKS = {
  audit: `${TASK}IAMAuditRootUserCredentials`,
  delete: `${TASK}IAMDeleteRootUserCredentials`,
  password: `${TASK}IAMCreateRootUserPassword`,
} as const;

type IamCall = <T = Record<string, unknown>>(operation: string, input?: object) => Promise<T>;

/**
 * A privileged root session on a member account, as AWS's console takes one: sts:AssumeRoot as
 * the signed-in principal (so root users are refused, and the caller's policies and the task
 * policy condition apply), then IAM calls as the session it returns, through the same
 * authorization and audit as a signed request with those credentials.
 */
export async function rootSession(c: ConsoleContext, accountId: string, taskPolicyArn: string): Promise<IamCall> {
  const out = await c.var.call<AssumeRootResponse>('sts', 'AssumeRoot', {
    TargetPrincipal: accountId,
    TaskPolicyArn: { arn: taskPolicyArn },
    DurationSeconds: 900,
  });
  const creds = out.Credentials;
  const principal = creds && (await c.var.deps.principalOfSession?.(creds.AccessKeyId, creds.SessionToken));
  if (!principal)
    throw new AwsError('ServiceUnavailable', 'The privileged session could not be started on this Ward.', 503);
  return async (operation, input = {}) =>
    (await c.var.deps.invoke({ service: 'iam', operation, input, principal, origin: originOf(c) })) as never;
}

export interface RootCredentials {
  loginProfile?: { CreateDate?: Date };
  accessKeys: Array<{ AccessKeyId?: string; Status?: string; CreateDate?: Date }>;
  mfaDevices: Array<{ SerialNumber?: string; EnableDate?: Date }>;
  certificates: Array<{ CertificateId?: string; Status?: string; UploadDate?: Date }>;
}

/** The member root's credentials, read with no UserName (the session's own user: the root). */
export async function auditRoot(iam: IamCall): Promise<RootCredentials> {
  let loginProfile: RootCredentials['loginProfile'];
  try {
    loginProfile = (await iam<{ LoginProfile: { CreateDate?: Date } }>('GetLoginProfile')).LoginProfile;
  } catch (err) {
    if (!(err instanceof AwsError && err.code === 'NoSuchEntity')) throw err;
  }
  const [keys, mfa, certs] = await Promise.all([
    iam<{ AccessKeyMetadata?: RootCredentials['accessKeys'] }>('ListAccessKeys'),
    iam<{ MFADevices?: RootCredentials['mfaDevices'] }>('ListMFADevices'),
    iam<{ Certificates?: RootCredentials['certificates'] }>('ListSigningCertificates'),
  ]);
  return {
    ...(loginProfile ? { loginProfile } : {}),
    accessKeys: keys.AccessKeyMetadata ?? [],
    mfaDevices: mfa.MFADevices ?? [],
    certificates: certs.Certificates ?? [],
  };
}

/** Deletes every root credential the audit finds; returns how many of each went. */
export async function deleteRootCredentials(iam: IamCall): Promise<string> {
  const found = await auditRoot(iam);
  if (found.loginProfile) await iam('DeleteLoginProfile');
  for (const k of found.accessKeys) await iam('DeleteAccessKey', { AccessKeyId: k.AccessKeyId });
  for (const d of found.mfaDevices) {
    await iam('DeactivateMFADevice', { SerialNumber: d.SerialNumber });
    await iam('DeleteVirtualMFADevice', { SerialNumber: d.SerialNumber });
  }
  for (const cert of found.certificates) await iam('DeleteSigningCertificate', { CertificateId: cert.CertificateId });
  const parts = [
    found.loginProfile ? 'the console password' : undefined,
    found.accessKeys.length ? `${found.accessKeys.length} access key(s)` : undefined,
    found.mfaDevices.length ? `${found.mfaDevices.length} MFA device(s)` : undefined,
    found.certificates.length ? `${found.certificates.length} signing certificate(s)` : undefined,
  ].filter(Boolean);
  return parts.length ? `Deleted ${parts.join(', ')} of the root user.` : 'The root user had no credentials to delete.';
}
