import { describe, expect, it } from 'vitest';
import { ATTR, nameQualifier, offeredRoles, samlConditionKeys, subjectType } from './claims.js';

describe('SAML claims', () => {
  it('reads Role pairs in either order and ignores anything else', () => {
    const role = 'arn:aws:iam::123456789012:role/Admin';
    const provider = 'arn:aws:iam::123456789012:saml-provider/Corp';
    const roles = offeredRoles(
      new Map([[ATTR.role, [`${role},${provider}`, `${provider}, ${role}`, 'garbage', `${role},${role}`]]]),
    );
    expect(roles).toEqual([
      { roleArn: role, providerArn: provider },
      { roleArn: role, providerArn: provider },
    ]);
  });

  it("computes AWS's NameQualifier and SubjectType", () => {
    // BASE64(SHA1("https://example.com/saml" + "123456789012" + "/MySAMLIdP")), the documented recipe.
    expect(nameQualifier('https://example.com/saml', '123456789012', 'MySAMLIdP')).toBe('1uAJanUnBc2XeUkHURMht+xam2c=');
    expect(subjectType('urn:oasis:names:tc:SAML:2.0:nameid-format:transient')).toBe('transient');
    expect(subjectType(undefined)).toBe('unspecified');
    expect(subjectType('urn:example:custom')).toBe('urn:example:custom');
  });

  it('maps the saml:* keys, multivalued eduPerson attributes as lists', () => {
    const keys = samlConditionKeys(
      {
        id: '_a',
        issuer: 'https://idp',
        issueInstant: new Date(),
        subject: 'alice',
        subjectFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
        recipient: 'https://signin.aws.amazon.com/saml',
        audiences: ['urn:amazon:webservices'],
        expiresAt: new Date(),
        attributes: new Map([
          ['urn:oid:1.3.6.1.4.1.5923.1.1.1.1', ['staff', 'member']],
          ['urn:oid:0.9.2342.19200300.100.1.3', ['alice@example.com']],
        ]),
      },
      { accountId: '123456789012', name: 'Corp' },
    );
    expect(keys).toMatchObject({
      'saml:aud': 'https://signin.aws.amazon.com/saml',
      'saml:iss': 'https://idp',
      'saml:sub': 'alice',
      'saml:sub_type': 'persistent',
      'saml:doc': '123456789012/Corp',
      'saml:edupersonaffiliation': ['staff', 'member'],
      'saml:mail': 'alice@example.com',
    });
  });
});
