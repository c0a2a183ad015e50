import { SignedXml } from 'xml-crypto';
import { AwsError } from '../../shared/aws-error.js';
import {
  NS,
  XmlRefused,
  attr,
  childElements,
  descendants,
  hasComment,
  onlyChild,
  parseUntrustedXml,
} from '../../shared/safe-xml.js';

export const invalidIdentityToken = (message: string): AwsError => new AwsError('InvalidIdentityToken', message, 400);
const signatureInvalid = (): AwsError => invalidIdentityToken('Response signature invalid');

/** What a verified SAMLResponse yields: only elements rebuilt from the bytes a signature covers. */
export interface VerifiedResponse {
  /** The one assertion, parsed from the canonical form its signature (or the response's) covers. */
  assertion: Element;
  /** The Response's Destination and Issuer (from the signed response when it is signed). */
  destination?: string | undefined;
  responseIssuer?: string | undefined;
  /** Whether the assertion came encrypted (an EncryptedAssertion). */
  encrypted: boolean;
}

/** Decrypts an EncryptedAssertion into the assertion's XML (sts/saml/decrypt.ts), or refuses it. */
export type AssertionDecrypter = (encrypted: Element) => string;

function decode(samlResponse: string): string {
  const b64 = samlResponse.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw invalidIdentityToken('Invalid base64 SAMLResponse');
  return Buffer.from(b64, 'base64').toString('utf8');
}

/**
 * Verifies the signature that is a direct child of `signed` against the IdP's certificates and
 * answers the canonical XML it covers, or undefined when it does not verify. The signature must
 * have exactly one reference, to `signed`'s own ID: a signature over some other element (or the
 * whole document) proves nothing about this one. The key is never taken from the message's KeyInfo.
 */
function signedBytesOf(xml: string, signed: Element, signature: Element, certificates: string[]): string | undefined {
  const id = attr(signed, 'ID');
  if (!id) return undefined;
  for (const cert of certificates) {
    const sig = new SignedXml({ publicCert: cert, getCertFromKeyInfo: () => null });
    try {
      sig.loadSignature(signature);
      if (!sig.checkSignature(xml)) continue;
    } catch {
      // A wrong key or a malformed signature: try the next certificate.
      continue;
    }
    // The references of the SignedInfo just verified.
    const refs = sig.getReferences();
    if (refs.length !== 1 || refs[0]!.uri !== `#${id}`) return undefined;
    const bytes = sig.getSignedReferences();
    if (bytes.length === 1) return bytes[0];
  }
  return undefined;
}

/** The one signature directly under `el`, if any; two are refused. */
function signatureOf(el: Element): Element | undefined {
  const sigs = childElements(el, NS.dsig, 'Signature');
  if (sigs.length > 1) throw signatureInvalid();
  return sigs[0];
}

function soleAssertion(root: Element | Document): Element | undefined {
  const plain = descendants(root, NS.assertion, 'Assertion');
  const encrypted = descendants(root, NS.assertion, 'EncryptedAssertion');
  if (plain.length + encrypted.length !== 1)
    throw invalidIdentityToken('The SAML response must contain exactly one assertion.');
  return plain[0];
}

/**
 * Verifies a base64 SAMLResponse against the IdP's signing certificates, defending against
 * signature wrapping: a DTD, several assertions, a comment in the assertion or a second signature
 * are refused, a signature must reference its own parent, and everything read afterwards comes from
 * the canonical bytes the signature covers (re-parsed), never from the document as sent. Either the
 * Response or the Assertion must be signed; when both are, both must verify.
 */
export function verifySamlResponse(
  samlResponse: string,
  certificates: string[],
  decrypt: AssertionDecrypter | undefined,
): VerifiedResponse {
  const xml = decode(samlResponse);
  let doc: Document;
  try {
    doc = parseUntrustedXml(xml);
  } catch {
    throw invalidIdentityToken('Invalid SAML response: not a well-formed XML document without a DTD.');
  }
  try {
    return verifyDocument(xml, doc, certificates, decrypt);
  } catch (err) {
    if (err instanceof XmlRefused) throw invalidIdentityToken(`Invalid SAML response: ${err.message}.`);
    throw err;
  }
}

function verifyDocument(
  xml: string,
  doc: Document,
  certificates: string[],
  decrypt: AssertionDecrypter | undefined,
): VerifiedResponse {
  const root = doc.documentElement;
  if (root.namespaceURI !== NS.protocol || root.localName !== 'Response')
    throw invalidIdentityToken('Invalid SAML response: the document is not a SAML 2.0 Response.');
  const rawAssertion = soleAssertion(doc);
  // The sole assertion (or encrypted one) must sit directly under the Response.
  const direct = [
    ...childElements(root, NS.assertion, 'Assertion'),
    ...childElements(root, NS.assertion, 'EncryptedAssertion'),
  ];
  if (direct.length !== 1) throw invalidIdentityToken('Invalid SAML response: misplaced assertion.');
  if (rawAssertion && hasComment(rawAssertion))
    throw invalidIdentityToken('Invalid SAML response: comments are not allowed in an assertion.');

  // The Response's own signature, when there is one: from here on, read the response it covers.
  let response = root;
  let responseSigned = false;
  const responseSignature = signatureOf(root);
  if (responseSignature) {
    const bytes = signedBytesOf(xml, root, responseSignature, certificates);
    if (bytes === undefined) throw signatureInvalid();
    response = parseUntrustedXml(bytes).documentElement!;
    responseSigned = true;
  }
  checkStatus(response);

  let assertion: Element;
  let assertionXml: string;
  let assertionDoc: Element;
  if (rawAssertion) {
    assertionXml = xml;
    assertionDoc = rawAssertion;
    const inResponse = onlyChild(response, NS.assertion, 'Assertion');
    if (!inResponse) throw signatureInvalid();
    assertion = inResponse;
  } else {
    if (!decrypt) throw invalidIdentityToken('The SAML provider has no private key to decrypt this assertion.');
    const encrypted = onlyChild(response, NS.assertion, 'EncryptedAssertion')!;
    assertionXml = decrypt(encrypted);
    assertionDoc = parseUntrustedXml(assertionXml).documentElement!;
    if (
      assertionDoc.namespaceURI !== NS.assertion ||
      assertionDoc.localName !== 'Assertion' ||
      hasComment(assertionDoc)
    )
      throw invalidIdentityToken('Invalid SAML response: the encrypted assertion is not an assertion.');
    // The same rule as for a plain response: one assertion, none hidden inside it.
    if (descendants(assertionDoc, NS.assertion, 'Assertion').length > 0)
      throw invalidIdentityToken('The SAML response must contain exactly one assertion.');
    assertion = assertionDoc;
  }

  const assertionSignature = signatureOf(assertionDoc);
  if (assertionSignature) {
    const bytes = signedBytesOf(assertionXml, assertionDoc, assertionSignature, certificates);
    if (bytes === undefined) throw signatureInvalid();
    assertion = parseUntrustedXml(bytes).documentElement!;
  } else if (!responseSigned) {
    throw signatureInvalid();
  }
  if (assertion.namespaceURI !== NS.assertion || assertion.localName !== 'Assertion') throw signatureInvalid();

  return {
    assertion,
    destination: attr(response, 'Destination'),
    responseIssuer: onlyChild(response, NS.assertion, 'Issuer')?.textContent?.trim(),
    encrypted: rawAssertion === undefined,
  };
}

/** A response whose status is not Success is the IdP saying the user did not authenticate. */
function checkStatus(response: Element): void {
  const status = onlyChild(response, NS.protocol, 'Status');
  const code = status && onlyChild(status, NS.protocol, 'StatusCode');
  const value = code?.getAttribute('Value');
  if (value !== 'urn:oasis:names:tc:SAML:2.0:status:Success')
    throw new AwsError('IDPRejectedClaim', 'The identity provider did not report a successful authentication.', 403);
}
