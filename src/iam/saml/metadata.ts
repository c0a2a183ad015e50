import { X509Certificate } from 'node:crypto';
import { AwsError } from '../../shared/aws-error.js';
import { NS, XmlRefused, childElements, descendants, parseUntrustedXml, simpleText } from '../../shared/safe-xml.js';

/** What Ward keeps from a SAML IdP's metadata document: who it is and the keys that sign its responses. */
export interface SamlMetadata {
  /** The EntityDescriptor's entityID: a response's Issuer must equal it. */
  entityId: string;
  /** The IdP's signing certificates as PEM (KeyDescriptor use="signing" or without a use). */
  certificates: string[];
  /** The document's own validUntil, when it states one. */
  validUntil?: Date;
}

/** AWS's answer to a metadata document it cannot use ("Troubleshoot SAML federation with IAM"). */
export const couldNotParseMetadata = (): AwsError => new AwsError('InvalidInput', 'Could not parse metadata.', 400);

function pem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** A certificate from X509Certificate's base64 DER, parsed for real (a corrupt one refuses the document). */
function certificate(text: string): string {
  const b64 = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(b64)) throw new XmlRefused('certificate is not base64');
  const der = Buffer.from(b64, 'base64');
  const cert = new X509Certificate(der);
  if (cert.publicKey.asymmetricKeyType !== 'rsa' && cert.publicKey.asymmetricKeyType !== 'ec')
    throw new XmlRefused('unsupported key type');
  return pem(der);
}

/**
 * Parses and validates an IdP's SAML 2.0 metadata: an EntityDescriptor with an entityID and an
 * IDPSSODescriptor for the SAML 2.0 protocol holding at least one signing certificate. Anything
 * else is AWS's "Could not parse metadata." (InvalidInput).
 */
export function parseSamlMetadata(document: string): SamlMetadata {
  try {
    const root = parseUntrustedXml(document).documentElement;
    if (root.namespaceURI !== NS.metadata || root.localName !== 'EntityDescriptor') throw new XmlRefused('root');
    const entityId = root.getAttribute('entityID')?.trim() ?? '';
    if (entityId === '' || entityId.length > 1024) throw new XmlRefused('entityID');
    const idps = childElements(root, NS.metadata, 'IDPSSODescriptor').filter((d) =>
      (d.getAttribute('protocolSupportEnumeration') ?? '').split(/\s+/).includes(NS.protocol),
    );
    if (idps.length !== 1) throw new XmlRefused('IDPSSODescriptor');
    const certificates: string[] = [];
    for (const kd of childElements(idps[0]!, NS.metadata, 'KeyDescriptor')) {
      const use = kd.getAttribute('use');
      if (use && use !== 'signing') continue;
      for (const x of descendants(kd, NS.dsig, 'X509Certificate')) certificates.push(certificate(simpleText(x)));
    }
    if (certificates.length === 0) throw new XmlRefused('no signing certificate');
    const until = root.getAttribute('validUntil');
    let validUntil: Date | undefined;
    if (until) {
      validUntil = new Date(until);
      if (
        !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(until) ||
        Number.isNaN(validUntil.getTime())
      )
        throw new XmlRefused('validUntil');
    }
    return { entityId, certificates: [...new Set(certificates)], ...(validUntil ? { validUntil } : {}) };
  } catch (err) {
    if (err instanceof AwsError) throw err;
    // XmlRefused, or node:crypto's error for a certificate that is not one.
    throw couldNotParseMetadata();
  }
}
