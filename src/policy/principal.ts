import type { PrincipalBlock } from './types.js';

/**
 * How a resource-policy statement named the caller. It decides whether a same-account Allow is
 * enough on its own ("Policy evaluation logic", "Permissions boundaries for IAM entities"):
 * naming the user or session directly is; naming the role is, but a boundary or session policy
 * still caps it; naming the account only delegates to the account's identity policies.
 */
export type PrincipalMatch = 'direct' | 'role' | 'account';

type CallerKind = 'root' | 'user' | 'session' | 'federated-user' | 'role' | 'service' | 'other';

/** The identities one caller presents: its own ARN, the role behind a session, its account. */
export interface CallerIdentities {
  arn: string;
  account: string;
  /** The caller's account as a policy in its partition names it: `aws-cn:123456789012`. */
  partitionAccount?: string;
  kind: CallerKind;
  /** `partition:account:rolename` (name lower-cased) for a role or a role session. */
  roleKey?: string;
  hasBoundary: boolean;
}

export interface CompiledPrincipal {
  any: boolean;
  accounts: Set<string>;
  arns: Set<string>;
  roles: Set<string>;
  services: Set<string>;
  others: Set<string>;
}

const ARN_RE = /^arn:([^:]*):(iam|sts)::(\d{12}):(.*)$/;

/** A role as Principal elements name it: by partition, account and name (not path), case-insensitively. */
function roleKey(partition: string, account: string, path: string): string {
  return `${partition}:${account}:${path.slice(path.lastIndexOf('/') + 1).toLowerCase()}`;
}

/**
 * Whether the Principal element names the caller's account: by a bare account ID (which AWS
 * expands to the root ARN of the policy's own partition, so in Ward any), or by the root ARN in
 * the caller's partition — `arn:aws:iam::ACCT:root` does not name an aws-cn caller.
 */
function namesAccount(p: CompiledPrincipal, ids: CallerIdentities): boolean {
  return p.accounts.has(ids.account) || (ids.partitionAccount !== undefined && p.accounts.has(ids.partitionAccount));
}

export function callerIdentities(
  principalArn: string,
  principalAccount: string,
  hasBoundary: boolean,
): CallerIdentities {
  const arn = principalArn ?? '';
  const m = ARN_RE.exec(arn);
  if (!m) {
    const kind: CallerKind = /\.amazonaws\.com(\.cn)?$|\.amazon\.com$/.test(arn) ? 'service' : 'other';
    return { arn, account: principalAccount, kind, hasBoundary };
  }
  const partition = m[1]!;
  const account = m[3]!;
  const rest = m[4]!;
  const base = { arn, account, partitionAccount: `${partition}:${account}`, hasBoundary };
  if (rest === 'root') return { ...base, kind: 'root' };
  if (rest.startsWith('user/')) return { ...base, kind: 'user' };
  if (rest.startsWith('federated-user/')) return { ...base, kind: 'federated-user' };
  if (rest.startsWith('role/')) return { ...base, kind: 'role', roleKey: roleKey(partition, account, rest) };
  if (rest.startsWith('assumed-role/')) {
    // assumed-role/RoleName/SessionName: the role is named without its path.
    const name = rest.split('/')[1] ?? '';
    return { ...base, kind: 'session', roleKey: `${partition}:${account}:${name.toLowerCase()}` };
  }
  return { ...base, kind: 'other' };
}

export function compilePrincipal(block: PrincipalBlock): CompiledPrincipal {
  const p: CompiledPrincipal = {
    any: block === '*',
    accounts: new Set(),
    arns: new Set(),
    roles: new Set(),
    services: new Set(),
    others: new Set(),
  };
  if (block === '*') return p;
  for (const v of block.AWS ?? []) {
    if (v === '*') p.any = true;
    else if (/^\d{12}$/.test(v)) p.accounts.add(v);
    else {
      const m = ARN_RE.exec(v);
      if (m && m[2] === 'iam' && m[4] === 'root') p.accounts.add(`${m[1]}:${m[3]}`);
      else if (m && m[2] === 'iam' && m[4]!.startsWith('role/')) p.roles.add(roleKey(m[1]!, m[3]!, m[4]!));
      else p.arns.add(v);
    }
  }
  for (const v of block.Service ?? []) p.services.add(v.toLowerCase());
  for (const v of block.Federated ?? []) p.others.add(v);
  for (const v of block.CanonicalUser ?? []) p.others.add(v);
  return p;
}

/** The strongest way the Principal element names the caller, or undefined when it does not. */
export function matchPrincipal(p: CompiledPrincipal, ids: CallerIdentities): PrincipalMatch | undefined {
  if (p.any) return 'direct';
  if (ids.kind === 'service') return p.services.has(ids.arn.toLowerCase()) ? 'direct' : undefined;
  if (p.arns.has(ids.arn) || p.others.has(ids.arn)) return 'direct';
  if (ids.roleKey !== undefined && p.roles.has(ids.roleKey)) return 'role';
  if (ids.kind !== 'other' && namesAccount(p, ids)) return ids.kind === 'root' ? 'direct' : 'account';
  return undefined;
}

/**
 * An Allow with NotPrincipal grants "everyone but" the listed principals, and AWS excludes each
 * of them whatever else is listed ("AWS JSON policy elements: NotPrincipal"): unlike a Deny, it
 * must not apply because only some of a caller's identities (the account, say) went unlisted.
 * So it applies only when none of them is listed: a listed user, role, session or account is
 * never granted anything by it.
 */
export function notPrincipalAllowApplies(p: CompiledPrincipal, ids: CallerIdentities): boolean {
  if (p.any) return false;
  if (ids.kind === 'service') return !p.services.has(ids.arn.toLowerCase());
  if (p.arns.has(ids.arn) || p.others.has(ids.arn)) return false;
  if (ids.roleKey !== undefined && p.roles.has(ids.roleKey)) return false;
  return ids.kind === 'other' || !namesAccount(p, ids);
}

/**
 * A Deny with NotPrincipal applies unless every identity the caller presents is listed: a user is also its
 * account, a role session also its role and account, which is why AWS tells you to list the
 * account ARN too ("AWS JSON policy elements: NotPrincipal").
 */
export function notPrincipalApplies(p: CompiledPrincipal, ids: CallerIdentities): boolean {
  if (p.any) return false;
  switch (ids.kind) {
    case 'service':
      return !p.services.has(ids.arn.toLowerCase());
    case 'other':
      return !(p.arns.has(ids.arn) || p.others.has(ids.arn));
    case 'root':
      return !namesAccount(p, ids);
    case 'role':
      return !(p.roles.has(ids.roleKey!) && namesAccount(p, ids));
    case 'session':
      return !(p.arns.has(ids.arn) && p.roles.has(ids.roleKey!) && namesAccount(p, ids));
    default:
      return !(p.arns.has(ids.arn) && namesAccount(p, ids));
  }
}
