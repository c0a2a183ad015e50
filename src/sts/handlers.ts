import type { IamStore } from '../iam/iam-store.js';
import { oidcProviderArn, providerPath } from '../iam/core/arns.js';
import { type MfaOwner, verifyMfaCode } from '../iam/core/mfa-verify.js';
import { compileDocument } from '../auth/policy-evaluation.js';
import { AwsError } from '../shared/aws-error.js';
import { iamArn } from '../shared/arn.js';
import type { CallContext, OperationHandler, RequestConditionKeys } from '../shared/call-context.js';
import { accountIdFromAccessKeyId } from '../shared/ids.js';
import type { Principal, SessionTag } from '../shared/principal.js';
import type { SecretBox } from '../shared/secret-box.js';
import type { StsOperationName, StsOperations, Tag } from '../wire/generated/sts.js';
import { decodeAuthorizationMessage } from './authorization-message.js';
import type { SessionRepo } from './session-store.js';
import {
  ROLE_ARN,
  assumedRolePrincipal,
  issueSession,
  noteRoleUse,
  packedPercent,
  sessionPolicies,
} from './sessions.js';
import {
  type JwksSource,
  type WebIdentityProviders,
  decodeJwt,
  invalidIdentityToken,
  trustAllowsFederated,
  verifyRs256,
} from './web-identity.js';

export type StsHandlers = {
  [Op in StsOperationName]?: OperationHandler<StsOperations[Op]['input'], StsOperations[Op]['output']>;
};

export interface StsDeps {
  store: IamStore;
  /** Temporary credentials (absent: the session operations are not served). */
  sessions?: SessionRepo;
  box?: SecretBox;
  /** OIDC providers and the keys that verify their tokens, for AssumeRoleWithWebIdentity. */
  oidcProviders?: WebIdentityProviders;
  jwks?: JwksSource;
  /** Whether an account may act (auth/account-status.ts): a role in a closed account cannot be assumed. */
  accounts?: { isActive(accountId: string): boolean | Promise<boolean> };
}

const CHAINED_MAX = 3600;

/** Whether a trust policy's text compiles: a pure function of the text, remembered (bounded) per text. */
const compiles = new Map<string, boolean>();
function trustCompiles(document: string): boolean {
  let ok = compiles.get(document);
  if (ok === undefined) {
    ok = compileDocument({ id: 'trust', document }, 'trust').ok;
    if (compiles.size >= 10_000) compiles.delete(compiles.keys().next().value!);
    compiles.set(document, ok);
  }
  return ok;
}

const validation = (message: string): AwsError => new AwsError('ValidationError', message, 400);
const accessDenied = (message: string): AwsError => new AwsError('AccessDenied', message, 403);
const mfaFailed = (): AwsError => accessDenied('MultiFactorAuthentication failed with invalid MFA one time pass code.');

/**
 * Checks SerialNumber + TokenCode; true when both were given and valid. The device must be the
 * caller's own: an IAM user's assigned device, or the root's. A role session or federated user
 * has no MFA device (`owner` undefined), so any device it presents fails, without spending the code.
 */
async function checkMfa(
  store: IamStore,
  box: SecretBox | undefined,
  ctx: CallContext,
  serial: string | undefined,
  code: string | undefined,
  owner: MfaOwner | undefined,
): Promise<boolean> {
  if (serial === undefined && code === undefined) return false;
  if (serial === undefined || code === undefined)
    throw accessDenied('MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.');
  if (!owner || (await verifyMfaCode(store, box, serial, code, ctx.now, owner)) !== 'ok') throw mfaFailed();
  return true;
}

/** Whose MFA device a principal may present: IAM users and root have one, sessions of roles and federated users none. */
function mfaOwner(p: Principal): MfaOwner | undefined {
  if (p.kind === 'user') return { accountId: p.accountId, userId: p.userId };
  if (p.kind === 'root' && !p.session?.assumedRoot) return { accountId: p.accountId };
  return undefined;
}

const toSessionTags = (tags: Tag[] | undefined): SessionTag[] =>
  (tags ?? []).map((t) => ({ key: t.Key, value: t.Value }));

function requestTagKeys(tags: Tag[] | undefined): RequestConditionKeys {
  const keys: RequestConditionKeys = {};
  if (!tags || tags.length === 0) return keys;
  for (const t of tags) keys[`aws:RequestTag/${t.Key}`] = t.Value;
  keys['aws:TagKeys'] = tags.map((t) => t.Key);
  return keys;
}

function notWithSessionCredentials(p: Principal, operation: string): void {
  if (p.session) throw accessDenied(`Cannot call ${operation} with session credentials`);
}

export function createStsHandlers({ store, sessions, box, oidcProviders, jwks, accounts }: StsDeps): StsHandlers {
  // AWS answers AssumeRole into a closed account with its usual "not authorized" AccessDenied.
  const accountClosed = async (accountId: string): Promise<boolean> =>
    accounts ? !(await accounts.isActive(accountId)) : false;

  const sessionRepo = (): SessionRepo => {
    if (!sessions) throw new AwsError('InvalidAction', 'Ward serves no temporary credentials here.', 400);
    return sessions;
  };

  return {
    // GetCallerIdentity needs no permission: AWS answers it even when every action is denied.
    async GetCallerIdentity(_input, ctx) {
      const p = ctx.principal;
      return { UserId: p.userId, Account: p.accountId, Arn: p.arn };
    },

    async GetAccessKeyInfo(input, ctx) {
      await ctx.authorize('sts:GetAccessKeyInfo', '*');
      const key = await store.accessKeys.get(input.AccessKeyId);
      // Keys Ward does not hold still name their account, decoded from the ID as AWS does.
      const account = key?.accountId ?? accountIdFromAccessKeyId(input.AccessKeyId);
      return account === undefined ? {} : { Account: account };
    },

    async AssumeRole(input, ctx) {
      const p = ctx.principal;
      const roleArnIn = input.RoleArn;
      const denied = `User: ${p.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArnIn}`;
      if (p.kind === 'root') throw accessDenied('Roles may not be assumed by root accounts.');
      const m = ROLE_ARN.exec(roleArnIn);
      if (!m) throw validation(`${roleArnIn} is invalid`);
      const role = await store.roles.getByName(m[1]!, m[3]!);
      if (!role || role.path !== m[2] || (await accountClosed(role.accountId))) throw accessDenied(denied);
      const roleArn = iamArn(role.accountId, 'role', role.path, role.roleName);
      // A trust policy kept verbatim (emulator mode) that is no policy trusts no one.
      if (!trustCompiles(role.assumeRolePolicyDocument)) throw accessDenied(denied);

      const chained = p.kind === 'assumed-role';
      const duration = input.DurationSeconds ?? 3600;
      if (chained && duration > CHAINED_MAX)
        throw validation(
          'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
        );
      if (duration > role.maxSessionDuration)
        throw validation('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');

      const parent = p.session;
      // Source identity cannot change once set in a chain.
      if (
        parent?.sourceIdentity !== undefined &&
        input.SourceIdentity !== undefined &&
        input.SourceIdentity !== parent.sourceIdentity
      ) {
        throw accessDenied(
          `User: ${p.arn} is not authorized to perform: sts:SetSourceIdentity on resource: ${roleArn}`,
        );
      }
      const sourceIdentity = input.SourceIdentity ?? parent?.sourceIdentity;

      const { docs, packedSize } = await sessionPolicies(store, ctx, input.Policy, input.PolicyArns);
      const tags = input.Tags ?? [];
      const transitiveKeys = input.TransitiveTagKeys ?? [];
      for (const k of transitiveKeys) {
        if (!tags.some((t) => t.Key.toLowerCase() === k.toLowerCase()))
          throw validation('The specified transitive tag key must be included in the requested tags.');
      }
      const packed = packedPercent(packedSize, tags);

      const mfaNow = await checkMfa(store, box, ctx, input.SerialNumber, input.TokenCode, mfaOwner(p));
      const mfaPresent = mfaNow || (parent?.mfaPresent ?? false);

      const keys: RequestConditionKeys = { 'sts:RoleSessionName': input.RoleSessionName, ...requestTagKeys(tags) };
      // Absent for long-term keys without MFA, as AWS leaves it out ("aws:MultiFactorAuthPresent").
      if (mfaNow || parent) keys['aws:MultiFactorAuthPresent'] = String(mfaPresent);
      if (mfaPresent) {
        const at = mfaNow ? ctx.now : parent?.mfaAuthTime;
        if (at)
          keys['aws:MultiFactorAuthAge'] = String(Math.max(0, Math.floor((ctx.now.getTime() - at.getTime()) / 1000)));
      }
      if (transitiveKeys.length > 0) keys['sts:TransitiveTagKeys'] = transitiveKeys;
      if (input.ExternalId !== undefined) keys['sts:ExternalId'] = input.ExternalId;
      if (sourceIdentity !== undefined) keys['sts:SourceIdentity'] = sourceIdentity;
      const trust = {
        resourcePolicy: { id: `${roleArn}#trust`, document: role.assumeRolePolicyDocument, kind: 'trust' as const },
        deniedMessage: denied,
      };
      await ctx.authorize('sts:AssumeRole', roleArn, keys, trust);
      if (tags.length > 0) {
        await ctx.authorize('sts:TagSession', roleArn, keys, {
          ...trust,
          deniedMessage: `User: ${p.arn} is not authorized to perform: sts:TagSession on resource: ${roleArn}`,
        });
      }
      if (input.SourceIdentity !== undefined && parent?.sourceIdentity === undefined) {
        await ctx.authorize('sts:SetSourceIdentity', roleArn, keys, {
          ...trust,
          deniedMessage: `User: ${p.arn} is not authorized to perform: sts:SetSourceIdentity on resource: ${roleArn}`,
        });
      }

      // Transitive tags of the parent session pass on; the new session's own tags win.
      const inherited = (parent?.transitiveTagKeys ?? [])
        .map((k) => parent!.tags.find((t) => t.key.toLowerCase() === k.toLowerCase()))
        .filter(
          (t): t is SessionTag => t !== undefined && !tags.some((n) => n.Key.toLowerCase() === t.key.toLowerCase()),
        );
      const sessionTags = [...inherited, ...toSessionTags(tags)];
      const transitive = [...new Set([...(parent?.transitiveTagKeys ?? []), ...transitiveKeys])];

      const principal = assumedRolePrincipal(role, roleArn, input.RoleSessionName);
      const { arn, userId: assumedRoleId } = principal;
      const mfaAuthTime = mfaNow ? ctx.now : parent?.mfaAuthTime;
      const credentials = await issueSession(
        sessionRepo(),
        principal,
        {
          mfaPresent,
          ...(mfaPresent && mfaAuthTime ? { mfaAuthTime } : {}),
          policies: docs,
          tags: sessionTags,
          transitiveTagKeys: transitive,
          ...(sourceIdentity !== undefined ? { sourceIdentity } : {}),
        },
        ctx.now,
        duration,
      );
      await noteRoleUse(store.roles, role, ctx.now, ctx.region);
      return {
        Credentials: credentials,
        AssumedRoleUser: { AssumedRoleId: assumedRoleId, Arn: arn },
        PackedPolicySize: packed,
        ...(sourceIdentity !== undefined ? { SourceIdentity: sourceIdentity } : {}),
      };
    },

    // Served unsigned: the web identity token is the only credential (the caller context is anonymous).
    async AssumeRoleWithWebIdentity(input, ctx) {
      const m = ROLE_ARN.exec(input.RoleArn);
      if (!m) throw validation(`${input.RoleArn} is invalid`);
      const accountId = m[1]!;
      const jwt = decodeJwt(input.WebIdentityToken);
      const issuer = /^https?:\/\//.test(jwt.claims.iss) ? jwt.claims.iss : `https://${jwt.claims.iss}`;
      const providerArn = oidcProviderArn(accountId, issuer);
      const provider = await oidcProviders?.get(providerArn);
      // An http:// issuer is only ever an emulator-mode provider's own (AWS creates https:// ones only).
      if (!provider || (issuer.startsWith('http://') && !provider.url.startsWith('http://')))
        throw invalidIdentityToken(`No OpenIDConnect provider found in your account for ${issuer}`);
      const aud = jwt.claims.aud.find((a) => provider.clientIds.includes(a));
      if (aud === undefined) throw invalidIdentityToken('Incorrect token audience');
      const host = providerPath(provider.url);
      const keys = await jwks?.keysFor(host);
      if (!keys || !verifyRs256(jwt, keys))
        throw invalidIdentityToken("Couldn't verify the signature of the web identity token.");
      const nowSeconds = Math.floor(ctx.now.getTime() / 1000);
      if (jwt.claims.exp === undefined || jwt.claims.exp <= nowSeconds) {
        throw new AwsError(
          'ExpiredTokenException',
          `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${jwt.claims.exp ?? 0}`,
          400,
        );
      }
      if (jwt.claims.nbf !== undefined && jwt.claims.nbf > nowSeconds + 60)
        throw invalidIdentityToken('The web identity token is not valid yet.');

      const role = await store.roles.getByName(accountId, m[3]!);
      const notAuthorized = accessDenied('Not authorized to perform sts:AssumeRoleWithWebIdentity');
      if (!role || role.path !== m[2] || (await accountClosed(role.accountId))) throw notAuthorized;
      const roleArn = iamArn(role.accountId, 'role', role.path, role.roleName);
      const context: Record<string, string | string[]> = {
        [`${host}:aud`]: aud,
        [`${host}:oaud`]: aud,
        'aws:FederatedProvider': providerArn,
        'aws:CurrentTime': ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'aws:EpochTime': String(nowSeconds),
        'aws:SourceIp': ctx.sourceIp.replace(/^::ffff:/, ''),
        'sts:RoleSessionName': input.RoleSessionName,
      };
      if (jwt.claims.sub !== undefined) context[`${host}:sub`] = jwt.claims.sub;
      if (jwt.claims.amr.length > 0) context[`${host}:amr`] = jwt.claims.amr;
      if (
        !trustAllowsFederated(
          role.assumeRolePolicyDocument,
          providerArn,
          roleArn,
          accountId,
          'sts:AssumeRoleWithWebIdentity',
          context,
        )
      )
        throw notAuthorized;

      const duration = input.DurationSeconds ?? 3600;
      if (duration > role.maxSessionDuration)
        throw validation('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
      const { docs, packedSize } = await sessionPolicies(store, ctx, input.Policy, input.PolicyArns);
      const packed = packedPercent(packedSize);
      const principal = assumedRolePrincipal(role, roleArn, input.RoleSessionName);
      const { arn, userId: assumedRoleId } = principal;
      const credentials = await issueSession(
        sessionRepo(),
        principal,
        { mfaPresent: false, policies: docs, tags: [], transitiveTagKeys: [] },
        ctx.now,
        duration,
      );
      await noteRoleUse(store.roles, role, ctx.now, ctx.region);
      return {
        Credentials: credentials,
        ...(jwt.claims.sub !== undefined ? { SubjectFromWebIdentityToken: jwt.claims.sub } : {}),
        AssumedRoleUser: { AssumedRoleId: assumedRoleId, Arn: arn },
        PackedPolicySize: packed,
        Provider: host,
        Audience: aud,
      };
    },

    async DecodeAuthorizationMessage(input, ctx) {
      await ctx.authorize('sts:DecodeAuthorizationMessage', '*');
      if (!box) throw new AwsError('InvalidAuthorizationMessageException', 'The encoded message is invalid.', 400);
      return { DecodedMessage: decodeAuthorizationMessage(box, input.EncodedMessage) };
    },

    async GetSessionToken(input, ctx) {
      const p = ctx.principal;
      notWithSessionCredentials(p, 'GetSessionToken');
      if (p.kind !== 'user' && p.kind !== 'root')
        throw accessDenied('Cannot call GetSessionToken with session credentials');
      // Root's sessions last at most an hour ("Comparing the AWS STS API operations").
      const duration = Math.min(input.DurationSeconds ?? 43200, p.kind === 'root' ? 3600 : 129600);
      const mfa = await checkMfa(store, box, ctx, input.SerialNumber, input.TokenCode, mfaOwner(p));
      const credentials = await issueSession(
        sessionRepo(),
        p,
        { mfaPresent: mfa, ...(mfa ? { mfaAuthTime: ctx.now } : {}), policies: [], tags: [], transitiveTagKeys: [] },
        ctx.now,
        duration,
      );
      return { Credentials: credentials };
    },

    async GetFederationToken(input, ctx) {
      const p = ctx.principal;
      notWithSessionCredentials(p, 'GetFederationToken');
      if (p.kind !== 'user' && p.kind !== 'root')
        throw accessDenied('Cannot call GetFederationToken with session credentials');
      const arn = `arn:aws:sts::${p.accountId}:federated-user/${input.Name}`;
      const tags = input.Tags ?? [];
      await ctx.authorize('sts:GetFederationToken', arn, requestTagKeys(tags));
      if (tags.length > 0) await ctx.authorize('sts:TagSession', arn, requestTagKeys(tags));
      const duration = Math.min(input.DurationSeconds ?? 43200, p.kind === 'root' ? 3600 : 129600);
      const { docs, packedSize } = await sessionPolicies(store, ctx, input.Policy, input.PolicyArns);
      const packed = packedPercent(packedSize, tags);
      const federatedUserId = `${p.accountId}:${input.Name}`;
      const principal: Principal = {
        kind: 'federated-user',
        accountId: p.accountId,
        arn,
        userId: federatedUserId,
        federatedName: input.Name,
        ...(p.kind === 'user' ? { sourceUserId: p.userId } : {}),
        session: undefined as never,
      };
      const credentials = await issueSession(
        sessionRepo(),
        principal,
        { mfaPresent: false, policies: docs, tags: toSessionTags(tags), transitiveTagKeys: [] },
        ctx.now,
        duration,
      );
      return {
        Credentials: credentials,
        FederatedUser: { FederatedUserId: federatedUserId, Arn: arn },
        PackedPolicySize: packed,
      };
    },
  };
}
