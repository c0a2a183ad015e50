import { describe, expect, it } from 'vitest';
import { RCP_FULL_AWS_ACCESS_CONTENT } from './managed-policies.js';
import { isValidRcp } from './rcp-grammar.js';

const rcp = (...Statement: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const deny = { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Resource: '*' };

describe("AWS's RCP grammar", () => {
  it('accepts Deny statements on the supported services, with conditions and NotResource', () => {
    expect(
      isValidRcp(rcp({ ...deny, Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abcdefghij' } } })),
    ).toBe(true);
    for (const Action of ['s3:GetObject', 'sqs:*', 'secretsmanager:GetSecretValue', 'kms:Decrypt', ['s3:*', 'sts:*']]) {
      expect(isValidRcp(rcp({ ...deny, Action }))).toBe(true);
    }
    expect(
      isValidRcp(
        rcp({
          Sid: 'NotThisBucket',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          NotResource: 'arn:aws:s3:::keep/*',
        }),
      ),
    ).toBe(true);
  });

  it('refuses Allow: only AWS’s RCPFullAWSAccess allows', () => {
    expect(isValidRcp(RCP_FULL_AWS_ACCESS_CONTENT)).toBe(false);
    expect(isValidRcp(rcp({ ...deny, Effect: 'Allow' }))).toBe(false);
  });

  it('refuses a Principal other than "*", NotPrincipal and NotAction', () => {
    expect(isValidRcp(rcp({ ...deny, Principal: { AWS: '123456789012' } }))).toBe(false);
    expect(isValidRcp(rcp({ ...deny, Principal: { AWS: '*' } }))).toBe(false);
    const { Principal: _p, ...noPrincipal } = deny;
    expect(isValidRcp(rcp(noPrincipal))).toBe(false);
    expect(isValidRcp(rcp({ ...noPrincipal, NotPrincipal: { AWS: '123456789012' } }))).toBe(false);
    const { Action: _a, ...noAction } = deny;
    expect(isValidRcp(rcp({ ...noAction, NotAction: 's3:GetObject' }))).toBe(false);
  });

  it('refuses actions of services RCPs do not govern, and "*"', () => {
    for (const Action of ['iam:CreateUser', 'ec2:*', '*', ['s3:*', 'dynamodb:*'], 'GetObject'])
      expect(isValidRcp(rcp({ ...deny, Action }))).toBe(false);
  });

  it('refuses what is not an RCP document at all', () => {
    for (const text of [
      'not json',
      '[]',
      JSON.stringify({ Statement: [deny] }),
      JSON.stringify({ Version: '2008-10-17', Statement: [deny] }),
      rcp(),
    ]) {
      expect(isValidRcp(text)).toBe(false);
    }
    expect(isValidRcp(rcp({ ...deny, Condition: { NoSuchOperator: { 'aws:PrincipalOrgID': 'o-x' } } }))).toBe(false);
  });
});
