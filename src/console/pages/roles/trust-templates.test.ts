import { describe, expect, it } from 'vitest';
import { trustChoiceOf, trustPolicyFor } from './trust-templates.js';

const choice = (q: Record<string, string>) => trustChoiceOf((n) => q[n]);

describe('trust policies for the create-role wizard', () => {
  it('another account with an external ID and MFA gets both conditions', () => {
    const doc = JSON.parse(
      trustPolicyFor(
        choice({
          entity: 'account',
          account: 'another',
          accountId: '210987654321',
          requireExternalId: 'on',
          externalId: 'ext-1',
          requireMfa: 'on',
        }),
        '123456789012',
      ),
    );
    expect(doc.Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::210987654321:root' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'ext-1' }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
  });

  it('an external ID typed but not required is left out', () => {
    const doc = JSON.parse(trustPolicyFor(choice({ entity: 'account', externalId: 'ext-1' }), '123456789012'));
    expect(doc.Statement[0].Condition).toBeUndefined();
    expect(doc.Statement[0].Principal).toEqual({ AWS: 'arn:aws:iam::123456789012:root' });
  });

  it('a service defaults to EC2', () => {
    expect(JSON.parse(trustPolicyFor(choice({}), '123456789012')).Statement[0].Principal).toEqual({
      Service: 'ec2.amazonaws.com',
    });
  });

  it('SAML 2.0 federation trusts the provider for AssumeRoleWithSAML at the given audiences', () => {
    const provider = 'arn:aws:iam::123456789012:saml-provider/Corp';
    const doc = JSON.parse(
      trustPolicyFor(choice({ entity: 'saml', samlProvider: provider }), '123456789012', [
        'https://signin.aws.amazon.com/saml',
        'https://ward.example.com/saml',
      ]),
    );
    expect(doc.Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: { Federated: provider },
      Action: 'sts:AssumeRoleWithSAML',
      Condition: {
        StringEquals: { 'SAML:aud': ['https://signin.aws.amazon.com/saml', 'https://ward.example.com/saml'] },
      },
    });
  });
});
