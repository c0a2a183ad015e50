import { describe, expect, it } from 'vitest';
import { refusedContextKey } from './authorize-context-keys.js';

describe('refusedContextKey', () => {
  it('refuses principal-side and request-derived global keys in any letter case', () => {
    for (const key of [
      'aws:PrincipalArn',
      'AWS:principalarn',
      'aws:PrincipalTag/team',
      'aws:PrincipalAccount',
      'aws:PrincipalOrgID',
      'aws:MultiFactorAuthPresent',
      'aws:MultiFactorAuthAge',
      'aws:userid',
      'aws:username',
      'aws:TokenIssueTime',
      'aws:CurrentTime',
      'aws:EpochTime',
      'aws:ViaAWSService',
      'aws:SourceIdentity',
      'aws:FederatedProvider',
      'aws:RequestedRegion',
      'aws:UserAgent',
      'aws:AssumedRoot',
      'aws:RequestTag/',
      'aws:SomethingNew',
    ]) {
      expect(refusedContextKey(key, true), key).toMatch(/cannot assert it/);
    }
  });

  it('points at the body field for aws:SourceIp and aws:SecureTransport', () => {
    expect(refusedContextKey('aws:SourceIp', true)).toMatch(/`sourceIp` field/);
    expect(refusedContextKey('aws:SecureTransport', false)).toMatch(/`secureTransport` field/);
  });

  it('accepts the request-side keys the receiving service knows', () => {
    for (const key of [
      'aws:RequestTag/env',
      'aws:TagKeys',
      'aws:ResourceTag/owner',
      'aws:SourceArn',
      'aws:SourceAccount',
      'aws:ResourceAccount',
      'aws:referer',
    ]) {
      expect(refusedContextKey(key, false), key).toBeUndefined();
    }
    expect(refusedContextKey('s3:prefix', false)).toBeUndefined();
  });

  it('accepts network and service-chain keys from token-authenticated callers only', () => {
    for (const key of ['aws:SourceVpc', 'aws:SourceVpce', 'aws:VpcSourceIp', 'aws:CalledVia']) {
      expect(refusedContextKey(key, true), key).toBeUndefined();
      expect(refusedContextKey(key, false), key).toMatch(/only be asserted by a caller with the \/authorize token/);
    }
  });
});
