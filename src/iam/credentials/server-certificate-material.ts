import { X509Certificate, createPrivateKey } from 'node:crypto';
import { AwsError } from '../../shared/aws-error.js';
import { credentialErrors } from './errors.js';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

const malformedKey = () => new AwsError('MalformedCertificate', 'Unable to parse private key.', 400);
const keyPairMismatch = () =>
  new AwsError('KeyPairMismatch', 'The private key does not match the public key in the certificate.', 400);
/** AWS's text when the chain does not lead from the certificate's issuer upward. */
const badChain = (index: number) =>
  new AwsError(
    'MalformedCertificate',
    'Unable to validate certificate chain. The certificate chain must start with the immediate signing ' +
      `certificate, followed by any intermediaries in order. The index within the chain of the invalid certificate is: ${index}`,
    400,
  );

function parsed(pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw credentialErrors.malformedCertificate();
  }
}

/**
 * What IAM checks of an uploaded server certificate: a PEM X.509 certificate already valid (AWS
 * answers one not yet valid with MalformedCertificate too), a private key that parses and is the
 * certificate's own (KeyPairMismatch), and a chain in which each certificate issued the one
 * before it, starting with the certificate's issuer. Returns its expiration (notAfter).
 */
export function checkServerCertificate(body: string, privateKey: string, chain: string | undefined, now: Date): Date {
  const cert = parsed(body);
  if (new Date(cert.validFrom).getTime() > now.getTime()) throw credentialErrors.malformedCertificate();
  let key;
  try {
    key = createPrivateKey(privateKey);
  } catch {
    throw malformedKey();
  }
  if (!cert.checkPrivateKey(key)) throw keyPairMismatch();
  if (chain !== undefined) {
    const links = chain.match(PEM_CERTIFICATE)?.map(parsed);
    if (!links) throw credentialErrors.malformedCertificate();
    let child = cert;
    links.forEach((link, index) => {
      if (!child.checkIssued(link) || !child.verify(link.publicKey)) throw badChain(index);
      child = link;
    });
  }
  return new Date(cert.validTo);
}
