import { describe, expect, it } from 'vitest';
import { requestedRegion } from './scope-region.js';

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
});
