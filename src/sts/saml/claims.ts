import { createHash } from 'node:crypto';
import { CANONICAL_PARTITION, fromPartition } from '../../shared/partition.js';
import type { AssertionFacts } from './assertion.js';

/** The attributes AWS reads from an assertion ("Configure SAML assertions for the authentication response"). */
export const ATTR = {
  role: 'https://aws.amazon.com/SAML/Attributes/Role',
  roleSessionName: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName',
  sessionDuration: 'https://aws.amazon.com/SAML/Attributes/SessionDuration',
  sourceIdentity: 'https://aws.amazon.com/SAML/Attributes/SourceIdentity',
  principalTagPrefix: 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:',
  transitiveTagKeys: 'https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys',
} as const;

const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/\S+$/;
const PROVIDER_ARN = /^arn:aws:iam::\d{12}:saml-provider\/\S+$/;

/** An ARN the IdP wrote for `partition`, in Ward's canonical form; one of another partition offers nothing. */
const canonical = (arn: string, partition: string): string => {
  const c = fromPartition(arn, partition);
  return typeof c === 'string' ? c : '';
};

/** A role the assertion offers, with the provider it is offered through. */
export interface OfferedRole {
  roleArn: string;
  providerArn: string;
}

/**
 * The Role attribute's `role-arn,provider-arn` pairs, in either order, as written for the
 * caller's partition (`arn:aws-cn:iam::…` for AssumeRoleWithSAML signed in China); anything else
 * is ignored.
 */
export function offeredRoles(attributes: Map<string, string[]>, partition = CANONICAL_PARTITION): OfferedRole[] {
  const out: OfferedRole[] = [];
  for (const value of attributes.get(ATTR.role) ?? []) {
    const parts = value.split(',').map((s) => canonical(s.trim(), partition));
    if (parts.length !== 2) continue;
    const [a, b] = parts as [string, string];
    if (ROLE_ARN.test(a) && PROVIDER_ARN.test(b)) out.push({ roleArn: a, providerArn: b });
    else if (ROLE_ARN.test(b) && PROVIDER_ARN.test(a)) out.push({ roleArn: b, providerArn: a });
  }
  return out;
}

/**
 * NameQualifier and saml:namequalifier: BASE64(SHA1(issuer + account ID + "/" + provider name)),
 * as AssumeRoleWithSAML's documentation gives it.
 */
export function nameQualifier(issuer: string, accountId: string, providerName: string): string {
  return createHash('sha1').update(`${issuer}${accountId}/${providerName}`, 'utf8').digest('base64');
}

/**
 * The response's SubjectType and saml:sub_type: the NameID Format without the standard
 * `urn:oasis:names:tc:SAML:<version>:nameid-format:` prefix (`persistent`, `transient`,
 * `unspecified`, …); any other format URI is kept whole.
 */
export function subjectType(format: string | undefined): string {
  const f = format ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
  return f.replace(/^urn:oasis:names:tc:SAML:(?:1\.1|2\.0):nameid-format:/, '');
}

/**
 * The SAML attributes AWS maps to trust-policy keys by their OID names ("Available keys for
 * SAML-based AWS STS federation"); the eduPerson/eduOrg ones are multivalued.
 */
const OID_KEYS: Record<string, { key: string; multi: boolean }> = {
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.1': { key: 'saml:edupersonaffiliation', multi: true },
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.2': { key: 'saml:edupersonnickname', multi: true },
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.3': { key: 'saml:edupersonorgdn', multi: false },
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.4': { key: 'saml:edupersonorgunitdn', multi: true },
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.5': { key: 'saml:edupersonprimaryaffiliation', multi: false },
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.6': { key: 'saml:edupersonprincipalname', multi: false },
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.7': { key: 'saml:edupersonentitlement', multi: true },
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.8': { key: 'saml:edupersonprimaryorgunitdn', multi: false },
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.9': { key: 'saml:edupersonscopedaffiliation', multi: true },
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.10': { key: 'saml:edupersontargetedid', multi: true },
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.11': { key: 'saml:edupersonassurance', multi: true },
  'urn:oid:1.3.6.1.4.1.5923.1.2.1.2': { key: 'saml:eduorghomepageuri', multi: true },
  'urn:oid:1.3.6.1.4.1.5923.1.2.1.3': { key: 'saml:eduorgidentityauthnpolicyuri', multi: true },
  'urn:oid:1.3.6.1.4.1.5923.1.2.1.4': { key: 'saml:eduorglegalname', multi: true },
  'urn:oid:1.3.6.1.4.1.5923.1.2.1.5': { key: 'saml:eduorgsuperioruri', multi: true },
  'urn:oid:1.3.6.1.4.1.5923.1.2.1.6': { key: 'saml:eduorgwhitepagesuri', multi: true },
  'urn:oid:2.5.4.3': { key: 'saml:cn', multi: true },
  'urn:oid:2.5.4.4': { key: 'saml:surname', multi: false },
  'urn:oid:2.5.4.42': { key: 'saml:givenName', multi: false },
  'urn:oid:2.5.4.41': { key: 'saml:name', multi: false },
  'urn:oid:2.5.4.45': { key: 'saml:x500UniqueIdentifier', multi: false },
  'urn:oid:0.9.2342.19200300.100.1.1': { key: 'saml:uid', multi: false },
  'urn:oid:0.9.2342.19200300.100.1.3': { key: 'saml:mail', multi: false },
};

/** The saml:* keys a trust policy sees for this assertion and provider. */
export function samlConditionKeys(
  facts: AssertionFacts,
  provider: { accountId: string; name: string },
): Record<string, string | string[]> {
  const keys: Record<string, string | string[]> = {
    'saml:aud': facts.recipient,
    'saml:iss': facts.issuer,
    'saml:sub': facts.subject,
    'saml:sub_type': subjectType(facts.subjectFormat),
    'saml:namequalifier': nameQualifier(facts.issuer, provider.accountId, provider.name),
    'saml:doc': `${provider.accountId}/${provider.name}`,
  };
  for (const [name, values] of facts.attributes) {
    const mapped = OID_KEYS[name];
    if (!mapped || values.length === 0) continue;
    keys[mapped.key] = mapped.multi ? values : values[0]!;
  }
  return keys;
}
