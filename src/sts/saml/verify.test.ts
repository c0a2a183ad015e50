import { SignedXml } from 'xml-crypto';
import { describe, expect, it } from 'vitest';
import { TestIdp, selfSignedPair } from '../../../test/support/saml-idp.js';
import { AwsError } from '../../shared/aws-error.js';
import { decrypterFor } from './decrypt.js';
import { verifySamlResponse } from './verify.js';

const idp = new TestIdp();
const forger = selfSignedPair('forger');
const ROLE = 'arn:aws:iam::123456789012:role/R,arn:aws:iam::123456789012:saml-provider/P';
const b64 = (xml: string) => Buffer.from(xml).toString('base64');

function refusal(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('verifySamlResponse', () => {
  it('reads the assertion from the signed bytes', () => {
    const v = verifySamlResponse(idp.response({ roles: [ROLE] }), [idp.cert], undefined);
    expect(v.assertion.localName).toBe('Assertion');
    expect(v.encrypted).toBe(false);
    expect(v.destination).toBe('https://signin.aws.amazon.com/saml');
  });

  it("never takes the key from the message's KeyInfo (a forger's certificate embedded)", () => {
    // The forger signs with its own key and ships its own certificate in KeyInfo.
    const forged = new TestIdp(idp.entityId, forger).response({ roles: [ROLE] });
    expect(refusal(() => verifySamlResponse(forged, [idp.cert], undefined)).message).toBe('Response signature invalid');
  });

  it('refuses a signature over the whole document (empty URI) rather than its parent', () => {
    const xml = idp.responseXml({ roles: [ROLE], sign: 'none' });
    const sig = new SignedXml({
      privateKey: idp.key,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    });
    sig.addReference({
      xpath: '/*',
      isEmptyUri: true,
      transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    });
    sig.computeSignature(xml, { location: { reference: "/*/*[local-name(.)='Issuer']", action: 'after' } });
    const err = refusal(() => verifySamlResponse(b64(sig.getSignedXml()), [idp.cert], undefined));
    expect(err.message).toBe('Response signature invalid');
  });

  it('refuses two signatures on one element, and a failed status as IDPRejectedClaim', () => {
    const twice = idp.response({
      roles: [ROLE],
      tamper: (xml) => {
        const s = /<Signature[\s\S]*<\/Signature>/.exec(xml)![0];
        return xml.replace(s, s + s);
      },
    });
    expect(refusal(() => verifySamlResponse(twice, [idp.cert], undefined)).message).toBe('Response signature invalid');
    const failed = idp.response({
      roles: [ROLE],
      sign: 'both',
      tamper: (xml) => xml.replace('status:Success', 'status:Requester'),
    });
    // The response's signature no longer verifies either; unsigned, the status alone is refused.
    expect(refusal(() => verifySamlResponse(failed, [idp.cert], undefined)).code).toBe('InvalidIdentityToken');
    const unsignedFailure = idp.response({
      roles: [ROLE],
      tamper: (xml) => xml.replace('status:Success', 'status:Requester'),
    });
    expect(refusal(() => verifySamlResponse(unsignedFailure, [idp.cert], undefined)).code).toBe('IDPRejectedClaim');
  });

  it('refuses an encrypted assertion when the provider holds no key, and what is not base64 or XML', () => {
    const sp = selfSignedPair('sp');
    const encrypted = idp.response({ roles: [ROLE], encryptFor: sp.cert });
    expect(refusal(() => verifySamlResponse(encrypted, [idp.cert], undefined)).message).toBe(
      'The SAML provider has no private key to decrypt this assertion.',
    );
    expect(refusal(() => verifySamlResponse('%%%', [idp.cert], undefined)).code).toBe('InvalidIdentityToken');
    expect(refusal(() => verifySamlResponse(b64('<a><b></a>'), [idp.cert], undefined)).code).toBe(
      'InvalidIdentityToken',
    );
  });

  it('decrypts an encrypted assertion, but refuses one anybody could encrypt with the public certificate unsigned', () => {
    const sp = selfSignedPair('sp');
    const decrypt = decrypterFor([{ pem: sp.key }]);
    const ok = verifySamlResponse(idp.response({ roles: [ROLE], encryptFor: sp.cert }), [idp.cert], decrypt);
    expect(ok.encrypted).toBe(true);
    expect(ok.assertion.getAttribute('ID')).toMatch(/^_a/);
    // The SP's certificate is public: an assertion encrypted for it proves nothing unless signed.
    const forged = idp.response({ roles: [ROLE], encryptFor: sp.cert, sign: 'none' });
    expect(refusal(() => verifySamlResponse(forged, [idp.cert], decrypt)).message).toBe('Response signature invalid');
    // Another SP's key cannot open it.
    const other = decrypterFor([{ pem: selfSignedPair('other').key }]);
    const sealed = idp.response({ roles: [ROLE], encryptFor: sp.cert });
    expect(refusal(() => verifySamlResponse(sealed, [idp.cert], other)).message).toBe(
      'Unable to decrypt the SAML assertion.',
    );
  });
});
