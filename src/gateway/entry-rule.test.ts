import { describe, expect, it } from 'vitest';
import { isForGateway, virtualHostedBucket } from './entry-rule.js';

const head = (over: Partial<Parameters<typeof isForGateway>[0]>) => ({
  method: 'POST',
  url: '/',
  host: '127.0.0.1:4599',
  authorization: undefined,
  target: undefined,
  ...over,
});
const sigv4 = (service: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261204/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=ab`;

describe('which requests the gateway takes', () => {
  it("keeps Ward's own services", () => {
    for (const s of ['iam', 'sts', 'organizations', 'account', 'cloudtrail'])
      expect(isForGateway(head({ authorization: sigv4(s) }), ['localhost'])).toBe(false);
    expect(isForGateway(head({ target: 'AWSOrganizationsV20161128.ListAccounts' }), [])).toBe(false);
    // Unsigned Query calls Ward serves (AssumeRoleWithWebIdentity) go to Ward.
    expect(isForGateway(head({}), [])).toBe(false);
    for (const url of ['/console/home', '/federation?Action=login', '/saml', '/authorize', '/moto-api/reset'])
      expect(isForGateway(head({ method: 'GET', url }), [])).toBe(false);
  });

  it('takes every other service, S3 signatures and virtual-hosted buckets', () => {
    expect(isForGateway(head({ authorization: sigv4('s3') }), [])).toBe(true);
    expect(isForGateway(head({ authorization: sigv4('dynamodb') }), [])).toBe(true);
    expect(isForGateway(head({ authorization: 'AWS AKIAEXAMPLE:c2ln' }), [])).toBe(true);
    expect(isForGateway(head({ url: '/b/k?AWSAccessKeyId=A&Expires=1&Signature=x' }), [])).toBe(true);
    expect(isForGateway(head({ url: '/b/k?X-Amz-Credential=A%2F20261204%2Fus-east-1%2Fs3%2Faws4_request' }), [])).toBe(
      true,
    );
    expect(isForGateway(head({ url: '/?X-Amz-Credential=A%2F20261204%2Fus-east-1%2Fsts%2Faws4_request' }), [])).toBe(
      false,
    );
    expect(isForGateway(head({ host: 'photos.localhost:4599' }), ['localhost'])).toBe(true);
    expect(isForGateway(head({ target: 'DynamoDB_20120810.GetItem' }), [])).toBe(true);
    expect(isForGateway(head({ method: 'GET', url: '/bucket/key' }), [])).toBe(true);
  });

  it('reads the bucket of a virtual-hosted request', () => {
    expect(virtualHostedBucket('my.bucket.localhost:9', ['localhost'])).toBe('my.bucket');
    expect(virtualHostedBucket('localhost:9', ['localhost'])).toBeUndefined();
    expect(virtualHostedBucket('b.s3.example.com', ['localhost', 's3.example.com'])).toBe('b');
  });
});

describe('a signature scoped to another service', () => {
  it("is refused as AWS refuses it, never routed to the target's service", async () => {
    const { routeService } = await import('./routes/route-service.js');
    const routed = routeService(
      {
        method: 'POST',
        rawPath: '/',
        rawQuery: '',
        headers: [
          ['Host', '127.0.0.1:4599'],
          ['X-Amz-Target', 'AmazonSQS.SendMessage'],
          [
            'Authorization',
            'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261204/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00',
          ],
        ],
      },
      [],
    );
    expect(routed.ok).toBe(false);
    if (!routed.ok) expect(routed.error.message).toContain("Credential should be scoped to correct service: 'sqs'");
  });
});
