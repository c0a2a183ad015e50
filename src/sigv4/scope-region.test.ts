import { describe, expect, it } from 'vitest';
import { partitionHomeRegion, requestedRegion } from './scope-region.js';

describe('requestedRegion', () => {
  it('signs the global services for us-east-1 only, as AWS answers for iam.amazonaws.com', () => {
    expect(requestedRegion('iam', 'us-east-1')).toEqual({ ok: true, region: 'us-east-1' });
    for (const service of ['iam', 'organizations', 'account']) {
      expect(requestedRegion(service, 'eu-west-1')).toEqual({
        ok: false,
        code: 'SignatureDoesNotMatch',
        status: 403,
        message: "Credential should be scoped to a valid region, not 'eu-west-1'. ",
      });
    }
  });

  it('takes every region a regional service has an endpoint in', () => {
    expect(requestedRegion('sts', 'eu-west-1')).toEqual({ ok: true, region: 'eu-west-1' });
    expect(requestedRegion('cloudtrail', 'ap-southeast-2')).toEqual({ ok: true, region: 'ap-southeast-2' });
  });

  it('refuses an invented region for any service, so it never reaches aws:RequestedRegion', () => {
    for (const service of ['sts', 'cloudtrail', 's3', 'my-platform-service']) {
      expect(requestedRegion(service, 'mars-north-1')).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
      expect(requestedRegion(service, 'us-east-1 ')).toMatchObject({ ok: false });
    }
    expect(requestedRegion('s3', 'eu-central-1')).toEqual({ ok: true, region: 'eu-central-1' });
  });

  it('in emulator mode takes any real region, answering us-east-1 for the global services', () => {
    expect(requestedRegion('iam', 'eu-west-1', true)).toEqual({ ok: true, region: 'us-east-1' });
    expect(requestedRegion('sts', 'eu-west-1', true)).toEqual({ ok: true, region: 'eu-west-1' });
    expect(requestedRegion('iam', 'mars-north-1', true)).toMatchObject({ ok: false });
  });

  it("signs the global services for their own partition's region (endpoints.json credentialScope)", () => {
    expect(requestedRegion('iam', 'cn-north-1')).toEqual({ ok: true, region: 'cn-north-1' });
    expect(requestedRegion('iam', 'us-gov-west-1')).toEqual({ ok: true, region: 'us-gov-west-1' });
    expect(requestedRegion('iam', 'us-iso-east-1')).toEqual({ ok: true, region: 'us-iso-east-1' });
    expect(requestedRegion('iam', 'us-isob-east-1')).toEqual({ ok: true, region: 'us-isob-east-1' });
    expect(requestedRegion('organizations', 'cn-northwest-1')).toEqual({ ok: true, region: 'cn-northwest-1' });
    // Not the other China region, and not us-east-1's IAM from GovCloud.
    expect(requestedRegion('iam', 'cn-northwest-1')).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(requestedRegion('iam', 'us-gov-east-1')).toMatchObject({ ok: false });
    expect(requestedRegion('sts', 'cn-northwest-1')).toEqual({ ok: true, region: 'cn-northwest-1' });
    // AWS Account has no endpoint in GovCloud.
    expect(requestedRegion('account', 'us-gov-west-1')).toMatchObject({ ok: false });
    expect(requestedRegion('iam', 'cn-northwest-1', true)).toEqual({ ok: true, region: 'cn-north-1' });
  });
});

describe('partitionHomeRegion', () => {
  it("names the region each partition's global services are signed for", () => {
    expect(partitionHomeRegion('aws')).toBe('us-east-1');
    expect(partitionHomeRegion('aws-cn')).toBe('cn-north-1');
    expect(partitionHomeRegion('aws-us-gov')).toBe('us-gov-west-1');
    expect(partitionHomeRegion('aws-nowhere')).toBeUndefined();
    expect(partitionHomeRegion('constructor')).toBeUndefined();
  });
});
