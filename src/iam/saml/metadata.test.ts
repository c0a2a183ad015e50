import { describe, expect, it } from 'vitest';
import { TestIdp } from '../../../test/support/saml-idp.js';
import { AwsError } from '../../shared/aws-error.js';
import { parseSamlMetadata } from './metadata.js';

const idp = new TestIdp('https://idp.example.com/metadata');

function refused(doc: string): AwsError {
  try {
    parseSamlMetadata(doc);
  } catch (err) {
    if (err instanceof AwsError) return err;
    throw err;
  }
  throw new Error('expected the metadata to be refused');
}

describe('parseSamlMetadata', () => {
  it("reads the entityID and the signing certificate as PEM, and the document's validUntil", () => {
    const m = parseSamlMetadata(idp.metadata({ validUntil: '2031-01-02T03:04:05Z' }));
    expect(m.entityId).toBe('https://idp.example.com/metadata');
    expect(m.certificates).toHaveLength(1);
    expect(m.certificates[0]!.replace(/\s+/g, '')).toBe(idp.cert.replace(/\s+/g, ''));
    expect(m.validUntil?.toISOString()).toBe('2031-01-02T03:04:05.000Z');
  });

  it('refuses, as "Could not parse metadata.", what is not an IdP with a real signing certificate', () => {
    const doc = idp.metadata();
    const cases = [
      'not xml at all',
      doc.replace('IDPSSODescriptor', 'SPSSODescriptor').replace('IDPSSODescriptor', 'SPSSODescriptor'),
      doc.replace(/entityID="[^"]*"/, ''),
      doc.replace(/<ds:X509Certificate>[^<]*/, '<ds:X509Certificate>TUlJQ2R1bW15'),
      doc.replace('use="signing"', 'use="encryption"'),
      doc.replace('<md:EntityDescriptor', '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><md:EntityDescriptor'),
      idp.metadata({ validUntil: 'tomorrow' }),
    ];
    for (const c of cases) {
      const err = refused(c);
      expect(err.code).toBe('InvalidInput');
      expect(err.message).toBe('Could not parse metadata.');
    }
  });
});
