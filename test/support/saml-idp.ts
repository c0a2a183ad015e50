import { constants, createCipheriv, createPublicKey, publicEncrypt, randomBytes, randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignedXml } from 'xml-crypto';

/** A key and self-signed certificate made by openssl for one test run (never committed). */
export function selfSignedPair(cn = 'test-idp'): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ward-saml-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ].concat(['-days', '30', '-subj', `/CN=${cn}`, '-sha256']),
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const certBody = (pem: string): string => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export interface ResponseOptions {
  /** `role-arn,provider-arn` values of the Role attribute. */
  roles: string[];
  sessionName?: string | null;
  nameId?: string;
  nameIdFormat?: string;
  /** Extra attributes: name -> values. */
  attributes?: Record<string, string[]>;
  /** Seconds relative to now. */
  issuedAgo?: number;
  notBeforeIn?: number;
  notOnOrAfterIn?: number;
  sessionNotOnOrAfterIn?: number;
  audience?: string;
  recipient?: string;
  destination?: string;
  issuer?: string;
  assertionId?: string;
  /** Which element carries a signature. */
  sign?: 'assertion' | 'response' | 'both' | 'none';
  /** Sign with another key than the IdP's (a forger's). */
  signingKey?: string;
  /** Edits the XML after signing (wrapping attacks); the result is what is sent. */
  tamper?: (xml: string) => string;
  /** Encrypts the (signed) assertion for this SP certificate or public key. */
  encryptFor?: string;
}

/** A SAML 2.0 IdP for tests: metadata and signed responses, as an Okta or ADFS would post them. */
export class TestIdp {
  readonly key: string;
  readonly cert: string;

  constructor(
    readonly entityId = 'https://idp.example.com/saml',
    pair = selfSignedPair(),
  ) {
    this.key = pair.key;
    this.cert = pair.cert;
  }

  metadata(options: { validUntil?: string; cert?: string } = {}): string {
    const until = options.validUntil ? ` validUntil="${options.validUntil}"` : '';
    return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${esc(this.entityId)}"${until}>
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
        <ds:X509Data><ds:X509Certificate>${certBody(options.cert ?? this.cert)}</ds:X509Certificate></ds:X509Data>
      </ds:KeyInfo>
    </md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
  }

  /** The Response XML (unencoded). */
  responseXml(o: ResponseOptions): string {
    const now = Date.now();
    const at = (s: number) => new Date(now + s * 1000).toISOString();
    const issued = at(-(o.issuedAgo ?? 0));
    const recipient = o.recipient ?? 'https://signin.aws.amazon.com/saml';
    const issuer = o.issuer ?? this.entityId;
    const assertionId = o.assertionId ?? `_a${randomUUID()}`;
    const attrs: Record<string, string[]> = {
      'https://aws.amazon.com/SAML/Attributes/Role': o.roles,
      ...(o.sessionName === null
        ? {}
        : { 'https://aws.amazon.com/SAML/Attributes/RoleSessionName': [o.sessionName ?? 'alice@example.com'] }),
      ...o.attributes,
    };
    const attributeXml = Object.entries(attrs)
      .map(
        ([name, values]) =>
          `<saml:Attribute Name="${esc(name)}">${values.map((v) => `<saml:AttributeValue>${esc(v)}</saml:AttributeValue>`).join('')}</saml:Attribute>`,
      )
      .join('');
    const sessionEnd =
      o.sessionNotOnOrAfterIn !== undefined ? ` SessionNotOnOrAfter="${at(o.sessionNotOnOrAfterIn)}"` : '';
    let assertion =
      `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" Version="2.0" IssueInstant="${issued}">` +
      `<saml:Issuer>${esc(issuer)}</saml:Issuer>` +
      `<saml:Subject><saml:NameID Format="${o.nameIdFormat ?? 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'}">${esc(o.nameId ?? 'alice@example.com')}</saml:NameID>` +
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${at(o.notOnOrAfterIn ?? 300)}" Recipient="${esc(recipient)}"/></saml:SubjectConfirmation></saml:Subject>` +
      `<saml:Conditions NotBefore="${at(o.notBeforeIn ?? -5)}" NotOnOrAfter="${at(o.notOnOrAfterIn ?? 300)}"><saml:AudienceRestriction><saml:Audience>${esc(o.audience ?? 'urn:amazon:webservices')}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${issued}"${sessionEnd}><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
      `<saml:AttributeStatement>${attributeXml}</saml:AttributeStatement>` +
      `</saml:Assertion>`;
    const sign = o.sign ?? 'assertion';
    if (sign === 'assertion' || sign === 'both') assertion = this.#sign(assertion, 'Assertion', o.signingKey);
    if (o.encryptFor) assertion = encryptAssertion(assertion, o.encryptFor);
    const destination = o.destination ?? recipient;
    let xml =
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r${randomUUID()}" Version="2.0" IssueInstant="${issued}" Destination="${esc(destination)}">` +
      `<saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${esc(issuer)}</saml:Issuer>` +
      `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
      assertion +
      `</samlp:Response>`;
    if (sign === 'response' || sign === 'both') xml = this.#sign(xml, 'Response', o.signingKey);
    return o.tamper ? o.tamper(xml) : xml;
  }

  /** A base64 SAMLResponse, as the IdP posts it. */
  response(o: ResponseOptions): string {
    return Buffer.from(this.responseXml(o)).toString('base64');
  }

  #sign(xml: string, element: 'Assertion' | 'Response', key = this.key): string {
    const sig = new SignedXml({
      privateKey: key,
      publicCert: this.cert,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    });
    sig.addReference({
      xpath: `/*[local-name(.)='${element}']`,
      transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    });
    // The signature goes right after the Issuer, where SAML's schema puts it.
    sig.computeSignature(xml, {
      location: { reference: `/*[local-name(.)='${element}']/*[local-name(.)='Issuer']`, action: 'after' },
    });
    return sig.getSignedXml();
  }
}

/** XML Encryption of an assertion for an SP: AES-256-GCM content, key wrapped with RSA-OAEP (SHA-1 MGF1). */
export function encryptAssertion(assertionXml: string, spCertOrKey: string): string {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([iv, cipher.update(assertionXml, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const wrapped = publicEncrypt(
    { key: createPublicKey(spCertOrKey), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    key,
  );
  return (
    `<saml:EncryptedAssertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">` +
    `<xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Type="http://www.w3.org/2001/04/xmlenc#Element">` +
    `<xenc:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes256-gcm"/>` +
    `<ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><xenc:EncryptedKey>` +
    `<xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"/>` +
    `<xenc:CipherData><xenc:CipherValue>${wrapped.toString('base64')}</xenc:CipherValue></xenc:CipherData>` +
    `</xenc:EncryptedKey></ds:KeyInfo>` +
    `<xenc:CipherData><xenc:CipherValue>${body.toString('base64')}</xenc:CipherValue></xenc:CipherData>` +
    `</xenc:EncryptedData></saml:EncryptedAssertion>`
  );
}
