import { createHash } from 'node:crypto';
import { withFreshId } from '../shared/fresh-id.js';
import { pooledRandomBytes } from '../shared/random-pool.js';
import type { IamStore } from '../iam/iam-store.js';
import type { RoleRecord } from '../iam/records.js';
import { parsePolicyDocument } from '../policy/index.js';
import { AwsError } from '../shared/aws-error.js';
import type { CallContext } from '../shared/call-context.js';
import { newAccessKeyId, newSecretAccessKey } from '../shared/ids.js';
import type { Principal, SessionPolicyDocument } from '../shared/principal.js';
import type { Credentials, PolicyDescriptorType } from '../wire/generated/sts.js';
import type { SessionRepo } from './session-store.js';

/**
 * A session token: an opaque random value (no structure to tamper with). Only its SHA-256 is
 * stored, keyed by the ASIA… key, so a changed token, or one never issued, finds nothing.
 */
export function newSessionToken(): string {
  return `IQoJb3JpZ2luX2Vj${pooledRandomBytes(96).toString('base64')}`;
}

export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Stores a new session for `principal` (whose `session` is filled in here) and returns its wire credentials. */
/** Expired sessions are deleted at most once a minute per process: each prune is a write of its own. */
const PRUNE_EVERY_MS = 60_000;
let lastPrune = Number.NEGATIVE_INFINITY;

/**
 * RoleLastUsed, to the minute: AWS reports it lazily, and a write on every AssumeRole would be a
 * second commit on its path. A use in another region, or a minute later, is written.
 */
export async function noteRoleUse(
  roles: { recordLastUsed(roleId: string, at: Date, region: string): Promise<void> },
  role: { roleId: string; lastUsed?: { at: Date; region: string } },
  now: Date,
  region: string,
): Promise<void> {
  const last = role.lastUsed;
  const age = last ? now.getTime() - last.at.getTime() : Number.POSITIVE_INFINITY;
  if (last && last.region === region && age >= 0 && age < 60_000) return;
  await roles.recordLastUsed(role.roleId, now, region);
}

export async function issueSession(
  sessions: SessionRepo,
  principal: Principal,
  session: Omit<NonNullable<Principal['session']>, 'accessKeyId' | 'issuedAt' | 'expiresAt'>,
  now: Date,
  durationSeconds: number,
): Promise<Credentials> {
  const secretAccessKey = newSecretAccessKey();
  const token = newSessionToken();
  const issuedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const expiresAt = new Date(issuedAt.getTime() + durationSeconds * 1000);
  // Expired rows are of no use to anyone (a lookup refuses them); prune them now and then as new ones arrive.
  if (now.getTime() - lastPrune >= PRUNE_EVERY_MS || now.getTime() < lastPrune) {
    lastPrune = now.getTime();
    await sessions.deleteExpired(now);
  }
  const accessKeyId = await withFreshId(async () => {
    const id = newAccessKeyId('ASIA', principal.accountId);
    const withSession = { ...principal, session: { ...session, accessKeyId: id, issuedAt, expiresAt } } as Principal;
    await sessions.create({
      accessKeyId: id,
      tokenHash: tokenHash(token),
      accountId: principal.accountId,
      secretAccessKey,
      principal: withSession,
      issuedAt,
      expiresAt,
    });
    return id;
  });
  return { AccessKeyId: accessKeyId, SecretAccessKey: secretAccessKey, SessionToken: token, Expiration: expiresAt };
}

const malformed = (message: string): AwsError => new AwsError('MalformedPolicyDocument', message, 400);

/** The session policies passed to AssumeRole* / GetFederationToken: inline first, then managed ARNs. */
export async function sessionPolicies(
  store: Pick<IamStore, 'policyVersions'>,
  ctx: CallContext,
  policy: string | undefined,
  arns: PolicyDescriptorType[] | undefined,
): Promise<{ docs: SessionPolicyDocument[]; packedSize: number }> {
  const docs: SessionPolicyDocument[] = [];
  let packed = 0;
  if (policy !== undefined) {
    const parsed = parsePolicyDocument(policy, 'session');
    if (!parsed.ok) throw malformed(parsed.reason);
    docs.push({ id: `${ctx.requestId}#session-policy`, document: policy });
    packed += policy.replace(/\s/g, '').length;
  }
  for (const { arn } of arns ?? []) {
    if (arn === undefined) continue;
    const doc = await store.policyVersions.document(arn);
    if (!doc)
      throw new AwsError('InvalidParameterValue', `The policy ${arn} does not exist or is not attachable.`, 400);
    docs.push({ id: arn, document: doc.document });
    packed += arn.length;
  }
  return { docs, packedSize: packed };
}

/**
 * AWS packs session policies and tags into a binary form and reports its size as a percentage
 * of the allowance; Ward approximates it from the policy's length without whitespace.
 */
export function packedPercent(packedChars: number, tags: Array<{ Key: string; Value: string }> = []): number {
  const tagChars = tags.reduce((n, t) => n + t.Key.length + t.Value.length, 0);
  const percent = Math.ceil(((packedChars + tagChars) * 100) / 2048 / 2);
  if (percent > 100) {
    throw new AwsError(
      'PackedPolicyTooLarge',
      `Packed policy consumes ${percent}% of allotted space, please use smaller policy for this session.`,
      400,
    );
  }
  return percent;
}

/** A role ARN as AssumeRole* take it: account, path, name. */
export const ROLE_ARN = /^arn:aws:iam::(\d{12}):role(\/(?:[\x21-\x7e]*\/)?)([\w+=,.@-]+)$/;

/** The principal of a role session: `arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`, user ID `AROA…:SESSION`. */
export function assumedRolePrincipal(
  role: RoleRecord,
  roleArn: string,
  sessionName: string,
): Principal & { kind: 'assumed-role' } {
  return {
    kind: 'assumed-role',
    accountId: role.accountId,
    arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.roleName}/${sessionName}`,
    userId: `${role.roleId}:${sessionName}`,
    roleId: role.roleId,
    roleName: role.roleName,
    rolePath: role.path,
    roleArn,
    sessionName,
    // issueSession fills the session in.
    session: undefined as never,
  };
}
