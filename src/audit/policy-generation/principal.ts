import { parseArn } from '../../shared/arn.js';

/** The IAM entity a policy is generated for, as Access Analyzer takes it: a user or a role. */
export interface TargetPrincipal {
  arn: string;
  accountId: string;
  kind: 'user' | 'role';
  /** The entity's name (the ARN's last path segment); unique in its account. */
  name: string;
}

/**
 * Reads a user or role ARN (`arn:aws:iam::123456789012:user/path/name`, Access Analyzer's
 * `principalArn` pattern `arn:[^:]*:iam::[^:]*:(role|user)/.{1,576}`); undefined for anything else.
 */
export function targetPrincipal(arn: string): TargetPrincipal | undefined {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== 'iam' || parsed.region !== '' || !/^\d{12}$/.test(parsed.account)) return undefined;
  const m = /^(user|role)\/(.{1,576})$/.exec(parsed.resource);
  if (!m) return undefined;
  const name = m[2]!.slice(m[2]!.lastIndexOf('/') + 1);
  if (name === '') return undefined;
  return { arn, accountId: parsed.account, kind: m[1] as 'user' | 'role', name };
}

/**
 * Whether a CloudTrail `userIdentity` is the target's, as AWS attributes activity: a user's own
 * calls (its access keys, its GetSessionToken sessions, its console sessions), and for a role every
 * session of it (AssumedRole, whose `sessionIssuer` is the role). Names are compared, not whole
 * ARNs, so an ARN given without the entity's path still matches; a name is unique in its account.
 */
export function isTargetIdentity(identity: unknown, target: TargetPrincipal): boolean {
  if (!identity || typeof identity !== 'object') return false;
  const id = identity as Record<string, unknown>;
  if (id.accountId !== target.accountId) return false;
  if (target.kind === 'user') return id.type === 'IAMUser' && id.userName === target.name;
  if (id.type !== 'AssumedRole') return false;
  const issuer = (id.sessionContext as { sessionIssuer?: Record<string, unknown> } | undefined)?.sessionIssuer;
  if (issuer && typeof issuer.userName === 'string') return issuer.type === 'Role' && issuer.userName === target.name;
  // arn:aws:sts::123456789012:assumed-role/name/session
  const m = typeof id.arn === 'string' ? /:assumed-role\/([^/]+)\/[^/]+$/.exec(id.arn) : null;
  return m?.[1] === target.name;
}
