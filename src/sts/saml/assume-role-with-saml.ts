import { createHash } from 'node:crypto';
import type { IamStore } from '../../iam/iam-store.js';
import { AwsError } from '../../shared/aws-error.js';
import { iamArn } from '../../shared/arn.js';
import type { CallContext, OperationHandler } from '../../shared/call-context.js';
import type { SessionTag } from '../../shared/principal.js';
import type { AssumeRoleWithSAMLRequest, AssumeRoleWithSAMLResponse } from '../../wire/generated/sts.js';
import type { SessionRepo } from '../session-store.js';
import {
  ROLE_ARN,
  assumedRolePrincipal,
  issueSession,
  noteRoleUse,
  packedPercent,
  sessionPolicies,
} from '../sessions.js';
import { trustAllowsFederated } from '../web-identity.js';
import { type AssertionFacts, readAssertion } from './assertion.js';
import { partitionOf } from '../../shared/partition.js';
import { ATTR, type OfferedRole, nameQualifier, offeredRoles, samlConditionKeys, subjectType } from './claims.js';
import { decrypterFor } from './decrypt.js';
import { invalidIdentityToken, verifySamlResponse } from './verify.js';
import { NS, descendants, parseUntrustedXml } from '../../shared/safe-xml.js';

/**
 * The SAML providers AssumeRoleWithSAML reads: IAM owns them (iam/saml-provider-store.ts); STS
 * needs the issuer, the signing certificates and the keys for encrypted assertions.
 */
export interface SamlProviderView {
  arn: string;
  /** SAMLProviderUUID: names the provider's own ACS URL (`…/saml/acs/<uuid>`), for encrypted responses. */
  uuid: string;
  accountId: string;
  name: string;
  entityId: string;
  certificates: string[];
  assertionEncryptionMode?: 'Required' | 'Allowed' | undefined;
  privateKeys: Array<{ pem: string }>;
}

export interface SamlFederationDeps {
  store: Pick<IamStore, 'roles' | 'policyVersions'>;
  sessions: SessionRepo;
  providers: {
    get(arn: string): Promise<SamlProviderView | undefined>;
    getByUuid(uuid: string): Promise<SamlProviderView | undefined>;
  };
  /** Redeemed assertions, shared by every node (store/kysely/saml-providers.ts). */
  assertions: { redeem(key: string, expiresAt: Date, now: Date): Promise<boolean> };
  /**
   * Where this Ward takes SAML responses itself (its console's /saml), besides AWS's sign-in
   * endpoint; each also takes a provider's encrypted responses at `/acs/<SAMLProviderUUID>` under it.
   */
  endpoints?: () => string[];
  accounts?: { isActive(accountId: string): boolean | Promise<boolean> };
}

const AWS_SIGNIN = /^https:\/\/(?:[a-z0-9-]+\.)?signin\.aws\.amazon\.com\/saml(?:\/acs\/([A-Z0-9]+))?$/;
const SESSION_NAME = /^[a-zA-Z_0-9+=,.@-]{2,64}$/;
const validation = (message: string): AwsError => new AwsError('ValidationError', message, 400);
const notAuthorized = (): AwsError =>
  new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML', 403);

/** A SAMLResponse verified against one provider, with what it says. */
export interface VerifiedSaml {
  provider: SamlProviderView;
  facts: AssertionFacts;
  roles: OfferedRole[];
}

/** Verifies a SAMLResponse against `provider`: signature, issuer, times, audience, recipient, destination. */
export function verifyAgainst(
  deps: SamlFederationDeps,
  provider: SamlProviderView,
  samlResponse: string,
  now: Date,
  partition?: string,
): VerifiedSaml {
  const own = deps.endpoints?.() ?? [];
  // AWS's sign-in endpoint or this Ward's, or either's ACS URL for this very provider (AWS's for encrypted responses).
  const recipients = (r: string) => {
    const aws = AWS_SIGNIN.exec(r);
    if (aws) return aws[1] === undefined || aws[1] === provider.uuid;
    return own.some((o) => r === o || r === `${o}/acs/${provider.uuid}`);
  };
  const audiences = (a: string) => a === 'urn:amazon:webservices' || recipients(a);
  const verified = verifySamlResponse(samlResponse, provider.certificates, decrypterFor(provider.privateKeys));
  if (verified.encrypted === false && provider.assertionEncryptionMode === 'Required')
    throw invalidIdentityToken('The SAML provider requires encrypted assertions.');
  if (verified.destination !== undefined && !recipients(verified.destination))
    throw invalidIdentityToken('Invalid SAML response: the Destination is not this endpoint.');
  const facts = readAssertion(verified.assertion, now, { audiences, recipients });
  if (facts.issuer !== provider.entityId || (verified.responseIssuer && verified.responseIssuer !== provider.entityId))
    throw invalidIdentityToken('Issuer not present in specified provider');
  return { provider, facts, roles: offeredRoles(facts.attributes, partition) };
}

/**
 * The console's role picker: the roles a SAMLResponse offers, each verified against the
 * provider it names, or the one whose ACS URL it was posted to (nothing is redeemed). Providers
 * that do not verify the response offer nothing.
 */
export async function rolesOffered(
  deps: SamlFederationDeps,
  samlResponse: string,
  now: Date,
  providerUuid?: string,
): Promise<{ roles: OfferedRole[]; sessionDuration?: number }> {
  const roles: OfferedRole[] = [];
  let sessionDuration: number | undefined;
  let refusal: Error | undefined;
  // Posted to a provider's own ACS URL: that provider, whose keys open an encrypted assertion
  // (its Role attribute cannot be read before). Else the providers the Role attribute names.
  const candidates =
    providerUuid !== undefined
      ? [deps.providers.getByUuid(providerUuid)]
      : [...new Set(providersNamedIn(samlResponse))].map((arn) => deps.providers.get(arn));
  for (const pending of candidates) {
    const provider = await pending;
    if (!provider) continue;
    const arn = provider.arn;
    let verified: VerifiedSaml;
    try {
      verified = verifyAgainst(deps, provider, samlResponse, now);
    } catch (err) {
      // Another account's copy of the IdP may still verify it; say why only if none does.
      if (!(err instanceof AwsError)) throw err;
      refusal ??= err;
      continue;
    }
    roles.push(...verified.roles.filter((r) => r.providerArn === arn));
    const d = Number(verified.facts.attributes.get(ATTR.sessionDuration)?.[0]);
    if (Number.isInteger(d) && d >= 900 && d <= 43200) sessionDuration = d;
  }
  if (roles.length === 0 && refusal) throw refusal;
  return { roles, ...(sessionDuration !== undefined ? { sessionDuration } : {}) };
}

/**
 * The providers a response's Role attribute names, read before anything is verified: only to
 * know whose certificates to verify it with (what is then used comes from the signed bytes).
 */
function providersNamedIn(samlResponse: string): string[] {
  let doc: Document;
  try {
    doc = parseUntrustedXml(Buffer.from(samlResponse.replace(/\s+/g, ''), 'base64').toString('utf8'));
  } catch {
    throw invalidIdentityToken('Invalid SAML response: not a well-formed XML document without a DTD.');
  }
  const values = descendants(doc, NS.assertion, 'Attribute')
    .filter((a) => a.getAttribute('Name') === ATTR.role)
    .flatMap((a) => descendants(a, NS.assertion, 'AttributeValue').map((v) => (v.textContent ?? '').trim()));
  return offeredRoles(new Map([[ATTR.role, values]])).map((r) => r.providerArn);
}

function sessionTagsOf(facts: AssertionFacts): { tags: SessionTag[]; transitive: string[] } {
  const tags: SessionTag[] = [];
  for (const [name, values] of facts.attributes) {
    if (!name.startsWith(ATTR.principalTagPrefix) || values.length === 0) continue;
    const key = name.slice(ATTR.principalTagPrefix.length);
    if (!/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u.test(key) || values[0]!.length > 256)
      throw invalidIdentityToken(`Invalid session tag ${key} in the SAML assertion.`);
    if (tags.some((t) => t.key.toLowerCase() === key.toLowerCase()))
      throw invalidIdentityToken('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    tags.push({ key, value: values[0]! });
  }
  if (tags.length > 50) throw invalidIdentityToken('The number of session tags exceeds the maximum of 50.');
  const transitive = facts.attributes.get(ATTR.transitiveTagKeys) ?? [];
  for (const k of transitive) {
    if (!tags.some((t) => t.key.toLowerCase() === k.toLowerCase()))
      throw validation('The specified transitive tag key must be included in the requested tags.');
  }
  return { tags, transitive };
}

/**
 * sts:AssumeRoleWithSAML, served unsigned: the verified assertion is the only credential. The role
 * and provider must be a pair the assertion's Role attribute offers, the role's trust policy must
 * allow the provider (`{"Federated": provider ARN}`) with the saml:* keys, and an assertion is
 * redeemed once per role (AWS lets one assertion serve each of the roles it offers, as CLI tools
 * that fetch several roles' credentials do, within its five minutes).
 */
export async function assumeRoleWithSaml(
  deps: SamlFederationDeps,
  input: AssumeRoleWithSAMLRequest,
  ctx: CallContext,
): Promise<AssumeRoleWithSAMLResponse> {
  const m = ROLE_ARN.exec(input.RoleArn);
  if (!m) throw validation(`${input.RoleArn} is invalid`);
  const provider = await deps.providers.get(input.PrincipalArn);
  if (!provider) throw invalidIdentityToken("Specified provider doesn't exist");
  const { facts, roles } = verifyAgainst(deps, provider, input.SAMLAssertion, ctx.now, partitionOf(ctx.region));
  if (!roles.some((r) => r.roleArn === input.RoleArn && r.providerArn === input.PrincipalArn)) throw notAuthorized();

  const sessionName = facts.attributes.get(ATTR.roleSessionName)?.[0];
  if (sessionName === undefined) throw invalidIdentityToken('RoleSessionName is required in AuthnResponse');
  if (!SESSION_NAME.test(sessionName))
    throw invalidIdentityToken('RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}');
  const sourceIdentity = facts.attributes.get(ATTR.sourceIdentity)?.[0];
  if (sourceIdentity !== undefined && (!SESSION_NAME.test(sourceIdentity) || sourceIdentity.startsWith('aws:')))
    throw invalidIdentityToken('Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"');
  const { tags, transitive } = sessionTagsOf(facts);

  const accountId = m[1]!;
  const role = await deps.store.roles.getByName(accountId, m[3]!);
  if (!role || role.path !== m[2] || provider.accountId !== accountId) throw notAuthorized();
  if (deps.accounts && !(await deps.accounts.isActive(accountId))) throw notAuthorized();
  const roleArn = iamArn(role.accountId, 'role', role.path, role.roleName);

  const context: Record<string, string | string[]> = {
    ...samlConditionKeys(facts, provider),
    'aws:CurrentTime': ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(ctx.now.getTime() / 1000)),
    'aws:SourceIp': ctx.sourceIp.replace(/^::ffff:/, ''),
    'sts:RoleSessionName': sessionName,
  };
  if (tags.length > 0) {
    for (const t of tags) context[`aws:RequestTag/${t.key}`] = t.value;
    context['aws:TagKeys'] = tags.map((t) => t.key);
  }
  if (transitive.length > 0) context['sts:TransitiveTagKeys'] = transitive;
  if (sourceIdentity !== undefined) context['sts:SourceIdentity'] = sourceIdentity;
  const allows = (action: string) =>
    trustAllowsFederated(role.assumeRolePolicyDocument, provider.arn, roleArn, accountId, action, context);
  if (!allows('sts:AssumeRoleWithSAML')) throw notAuthorized();
  if (tags.length > 0 && !allows('sts:TagSession'))
    throw new AwsError('AccessDenied', 'Not authorized to perform sts:TagSession', 403);
  if (sourceIdentity !== undefined && !allows('sts:SetSourceIdentity'))
    throw new AwsError('AccessDenied', 'Not authorized to perform sts:SetSourceIdentity', 403);

  let duration = input.DurationSeconds ?? 3600;
  if (duration > role.maxSessionDuration)
    throw validation('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  // The credentials last until SessionNotOnOrAfter at the latest ("AssumeRoleWithSAML").
  if (facts.sessionNotOnOrAfter) {
    const left = Math.floor((facts.sessionNotOnOrAfter.getTime() - ctx.now.getTime()) / 1000);
    if (left <= 0)
      throw new AwsError(
        'ExpiredTokenException',
        'The SAML assertion has expired: its SessionNotOnOrAfter has passed.',
        400,
      );
    duration = Math.min(duration, left);
  }
  const { docs, packedSize } = await sessionPolicies(deps.store, ctx, input.Policy, input.PolicyArns);
  const packed = packedPercent(
    packedSize,
    tags.map((t) => ({ Key: t.key, Value: t.value })),
  );

  // Everything checked: now the assertion is spent for this role, on every node.
  const replayKey = createHash('sha256').update(`${facts.issuer}\n${facts.id}\n${roleArn}`).digest('hex');
  if (!(await deps.assertions.redeem(replayKey, facts.expiresAt, ctx.now)))
    throw invalidIdentityToken('This SAML assertion has already been used to assume this role.');

  const principal = assumedRolePrincipal(role, roleArn, sessionName);
  const credentials = await issueSession(
    deps.sessions,
    principal,
    {
      mfaPresent: false,
      policies: docs,
      tags,
      transitiveTagKeys: transitive,
      ...(sourceIdentity !== undefined ? { sourceIdentity } : {}),
    },
    ctx.now,
    duration,
  );
  await noteRoleUse(deps.store.roles, role, ctx.now, ctx.region);
  return {
    Credentials: credentials,
    AssumedRoleUser: { AssumedRoleId: principal.userId, Arn: principal.arn },
    PackedPolicySize: packed,
    Subject: facts.subject,
    SubjectType: subjectType(facts.subjectFormat),
    Issuer: facts.issuer,
    Audience: facts.recipient,
    NameQualifier: nameQualifier(facts.issuer, provider.accountId, provider.name),
    ...(sourceIdentity !== undefined ? { SourceIdentity: sourceIdentity } : {}),
  };
}

/** The STS handler group of SAML federation (served unsigned, like AssumeRoleWithWebIdentity). */
export function createSamlHandlers(deps: SamlFederationDeps): {
  AssumeRoleWithSAML: OperationHandler<AssumeRoleWithSAMLRequest, AssumeRoleWithSAMLResponse>;
} {
  return { AssumeRoleWithSAML: (input, ctx) => assumeRoleWithSaml(deps, input, ctx) };
}
