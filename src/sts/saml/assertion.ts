import { AwsError } from '../../shared/aws-error.js';
import { NS, XmlRefused, attr, childElements, onlyChild, simpleText } from '../../shared/safe-xml.js';
import { invalidIdentityToken } from './verify.js';

/** What AssumeRoleWithSAML uses from a verified assertion. */
export interface AssertionFacts {
  id: string;
  issuer: string;
  issueInstant: Date;
  /** NameID and its Format. */
  subject: string;
  subjectFormat?: string | undefined;
  nameQualifierAttr?: string | undefined;
  /** The Recipient of the bearer SubjectConfirmationData that was accepted (the response's Audience). */
  recipient: string;
  audiences: string[];
  /** The latest time the assertion could still be accepted (for the replay ledger). */
  expiresAt: Date;
  /** AuthnStatement's SessionNotOnOrAfter: no session outlives it. */
  sessionNotOnOrAfter?: Date | undefined;
  /** Attribute name -> values, in document order. */
  attributes: Map<string, string[]>;
}

/** "Token must be redeemed within 5 minutes of issuance" (ExpiredTokenException): AWS's window for an assertion. */
export const REDEEM_WINDOW_MS = 5 * 60_000;
/** Clock skew allowed between the IdP and Ward for NotBefore and IssueInstant. */
export const CLOCK_SKEW_MS = 5 * 60_000;

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

function instant(value: string | undefined, what: string): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value) || Number.isNaN(d.getTime()))
    throw invalidIdentityToken(`Invalid SAML response: ${what} is not a valid time.`);
  return d;
}

const expired = (message: string): AwsError => new AwsError('ExpiredTokenException', message, 400);

/**
 * Reads and checks a verified assertion: its times (IssueInstant within AWS's five minutes,
 * Conditions NotBefore/NotOnOrAfter, the bearer confirmation's NotOnOrAfter), its audiences and
 * the confirmation's Recipient against the endpoints this service answers for.
 */
export function readAssertion(
  assertion: Element,
  now: Date,
  accepted: { audiences: (a: string) => boolean; recipients: (r: string) => boolean },
): AssertionFacts {
  try {
    return read(assertion, now, accepted);
  } catch (err) {
    if (err instanceof XmlRefused) throw invalidIdentityToken(`Invalid SAML response: ${err.message}.`);
    throw err;
  }
}

function read(
  assertion: Element,
  now: Date,
  accepted: { audiences: (a: string) => boolean; recipients: (r: string) => boolean },
): AssertionFacts {
  const t = now.getTime();
  const id = attr(assertion, 'ID') ?? '';
  if (id === '') throw invalidIdentityToken('Invalid SAML response: the assertion has no ID.');
  const issuerEl = onlyChild(assertion, NS.assertion, 'Issuer');
  const issuer = issuerEl ? simpleText(issuerEl).trim() : '';
  if (issuer === '') throw invalidIdentityToken('Invalid SAML response: the assertion has no Issuer.');
  const issueInstant = instant(attr(assertion, 'IssueInstant'), 'IssueInstant');
  if (!issueInstant) throw invalidIdentityToken('Invalid SAML response: the assertion has no IssueInstant.');
  if (issueInstant.getTime() > t + CLOCK_SKEW_MS)
    throw invalidIdentityToken('Invalid SAML response: the assertion was issued in the future.');
  if (t - issueInstant.getTime() > REDEEM_WINDOW_MS)
    throw expired('Token must be redeemed within 5 minutes of issuance');

  const subjectEl = onlyChild(assertion, NS.assertion, 'Subject');
  const nameId = subjectEl && onlyChild(subjectEl, NS.assertion, 'NameID');
  if (!subjectEl || !nameId) throw invalidIdentityToken('Invalid SAML response: the assertion has no Subject NameID.');
  const subject = simpleText(nameId).trim();

  // A bearer confirmation addressed to us and still current; AWS's Audience output is its Recipient.
  let recipient: string | undefined;
  let latest = 0;
  for (const sc of childElements(subjectEl, NS.assertion, 'SubjectConfirmation')) {
    if (attr(sc, 'Method') !== BEARER) continue;
    const data = onlyChild(sc, NS.assertion, 'SubjectConfirmationData');
    const to = data && attr(data, 'Recipient');
    const until = data && instant(attr(data, 'NotOnOrAfter'), 'SubjectConfirmationData NotOnOrAfter');
    if (!to || !accepted.recipients(to)) continue;
    if (!until || until.getTime() <= t) throw expired('The SAML assertion has expired: its NotOnOrAfter has passed.');
    recipient = to;
    latest = Math.max(latest, until.getTime());
  }
  if (recipient === undefined)
    throw invalidIdentityToken(
      'Invalid SAML response: no bearer SubjectConfirmation names this endpoint as Recipient.',
    );

  const conditions = onlyChild(assertion, NS.assertion, 'Conditions');
  const audiences: string[] = [];
  if (conditions) {
    const notBefore = instant(attr(conditions, 'NotBefore'), 'Conditions NotBefore');
    const notOnOrAfter = instant(attr(conditions, 'NotOnOrAfter'), 'Conditions NotOnOrAfter');
    if (notBefore && notBefore.getTime() > t + CLOCK_SKEW_MS)
      throw invalidIdentityToken('Invalid SAML response: the assertion is not yet valid (NotBefore).');
    if (notOnOrAfter) {
      if (notOnOrAfter.getTime() <= t) throw expired('The SAML assertion has expired: its NotOnOrAfter has passed.');
      latest = Math.max(latest, notOnOrAfter.getTime());
    }
    // Every AudienceRestriction must admit us (SAML core 2.5.1.4).
    for (const restriction of childElements(conditions, NS.assertion, 'AudienceRestriction')) {
      const values = childElements(restriction, NS.assertion, 'Audience').map((a) => simpleText(a).trim());
      audiences.push(...values);
      if (!values.some(accepted.audiences))
        throw invalidIdentityToken('Response does not contain the required audience.');
    }
  }
  if (audiences.length === 0) throw invalidIdentityToken('Response does not contain the required audience.');

  const authn = childElements(assertion, NS.assertion, 'AuthnStatement')[0];
  const sessionNotOnOrAfter = authn && instant(attr(authn, 'SessionNotOnOrAfter'), 'SessionNotOnOrAfter');

  const attributes = new Map<string, string[]>();
  for (const statement of childElements(assertion, NS.assertion, 'AttributeStatement')) {
    for (const a of childElements(statement, NS.assertion, 'Attribute')) {
      const name = attr(a, 'Name') ?? '';
      const values = childElements(a, NS.assertion, 'AttributeValue').map((v) => simpleText(v).trim());
      attributes.set(name, [...(attributes.get(name) ?? []), ...values]);
    }
  }

  return {
    id,
    issuer,
    issueInstant,
    subject,
    subjectFormat: attr(nameId, 'Format'),
    nameQualifierAttr: attr(nameId, 'NameQualifier'),
    recipient,
    audiences,
    // No assertion is accepted more than five minutes after its IssueInstant, whatever its NotOnOrAfter.
    expiresAt: new Date(Math.min(latest, issueInstant.getTime() + REDEEM_WINDOW_MS) + 1000),
    sessionNotOnOrAfter,
    attributes,
  };
}
