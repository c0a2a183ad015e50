import type { CallContext, RequestConditionKeys } from '../shared/call-context.js';
import { principalType } from '../shared/principal.js';

/** A principal's tag (aws:PrincipalTag/…): the user's or role's own, as the store reads them. */
export interface PrincipalTag {
  key: string;
  value: string;
}

/** AWS writes IPv4 clients as plain dotted quads, not the IPv4-mapped IPv6 form node reports. */
function sourceIp(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** Who is asking, as the aws:Principal… keys name it (a real caller, or the simulator's source user or group). */
export interface PrincipalFacts {
  arn: string;
  accountId: string;
  type: string;
  userId?: string | undefined;
  userName?: string | undefined;
}

/** aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, aws:userid, aws:username and aws:PrincipalTag/…. */
export function principalConditionKeys(
  p: PrincipalFacts,
  tags: readonly PrincipalTag[],
  into: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  into['aws:PrincipalArn'] = p.arn;
  into['aws:PrincipalAccount'] = p.accountId;
  into['aws:PrincipalType'] = p.type;
  if (p.userId !== undefined) into['aws:userid'] = p.userId;
  if (p.userName !== undefined) into['aws:username'] = p.userName;
  for (const t of tags) into[`aws:PrincipalTag/${t.key}`] = t.value;
  return into;
}

/**
 * The global condition keys AWS puts in every request context ("AWS global condition context
 * keys"), plus the operation's own keys. Keys that AWS leaves out for this kind of caller are
 * left out here too: aws:MultiFactorAuthPresent is absent for long-term access keys.
 */
export function globalConditionKeys(
  call: CallContext,
  principalTags: readonly PrincipalTag[],
  extra: RequestConditionKeys = {},
): Record<string, string | string[]> {
  const p = call.principal;
  const keys = principalConditionKeys(
    // For a role session AWS puts the role's ARN here, not the session's.
    {
      arn: p.kind === 'assumed-role' ? p.roleArn : p.arn,
      accountId: p.accountId,
      type: principalType(p),
      userId: p.userId,
      userName: p.kind === 'user' ? p.userName : undefined,
    },
    principalTags,
  );
  Object.assign(keys, {
    'aws:SourceIp': sourceIp(call.sourceIp),
    'aws:CurrentTime': call.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(call.now.getTime() / 1000)),
    'aws:SecureTransport': String(call.secureTransport),
    'aws:RequestedRegion': call.region,
    'aws:ViaAWSService': 'false',
    'aws:UserAgent': call.userAgent,
  });
  const session = p.session;
  if (session) {
    // Temporary credentials carry the MFA facts and the issue time ("AWS global condition context keys").
    keys['aws:MultiFactorAuthPresent'] = String(session.mfaPresent);
    if (session.mfaPresent && session.mfaAuthTime) {
      keys['aws:MultiFactorAuthAge'] = String(
        Math.max(0, Math.floor((call.now.getTime() - session.mfaAuthTime.getTime()) / 1000)),
      );
    }
    keys['aws:TokenIssueTime'] = session.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (session.sourceIdentity !== undefined) keys['aws:SourceIdentity'] = session.sourceIdentity;
    // sts:AssumeRoot sessions: SCPs exempt or target them with `aws:AssumedRoot` (absent otherwise).
    if (session.assumedRoot) keys['aws:AssumedRoot'] = 'true';
    // Session tags override the principal's own tags of the same key.
    for (const t of session.tags) keys[`aws:PrincipalTag/${t.key}`] = t.value;
  }
  return { ...keys, ...extra };
}
