import { CloudTrailClient, type Event, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeRequest } from '../src/client/authorize.js';
import { signRequest } from '../src/sigv4/index.js';
import { policy, userWithKey } from './support/users.js';
import { AUTHORIZE_TOKEN, type Credentials, type TestWard, startTestWard } from './support/ward.js';

// Every POST /authorize decision leaves a CloudTrail-style record, as AWS records the call a
// service authorized: under the action's own service and name, saying that Ward decided it.
let t: TestWard;
let user: Credentials;
beforeAll(async () => {
  t = await startTestWard();
  user = await userWithKey(t, 'reader', {
    Objects: policy({
      Sid: 'ReadReports',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::bucket/reports/*',
    }),
  });
});
afterAll(() => t.close());

function received(path: string, credentials: Credentials) {
  const signed = signRequest({
    method: 'GET',
    url: `http://storage.internal:9000${path}`,
    headers: {
      'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'user-agent': 'storage-client/1.0',
    },
    credentials,
    region: 'eu-west-1',
    service: 's3',
  });
  return { method: 'GET', url: path, headers: signed.headers };
}

async function events(name: string): Promise<Event[]> {
  const cloudtrail = new CloudTrailClient({
    endpoint: t.url,
    region: 'us-east-1',
    credentials: t.root,
    maxAttempts: 1,
  });
  return (
    (
      await cloudtrail.send(
        new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: name }] }),
      )
    ).Events ?? []
  );
}

describe('POST /authorize in the audit trail', () => {
  it('records an allowed and a denied decision with the action, resource, principal, key and matched statement', async () => {
    const allowedRequest = received('/bucket/reports/q1.csv', user);
    await authorizeRequest({
      wardUrl: t.url,
      token: AUTHORIZE_TOKEN,
      request: allowedRequest,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::bucket/reports/q1.csv',
      sourceIp: '203.0.113.9',
    });
    await authorizeRequest({
      wardUrl: t.url,
      token: AUTHORIZE_TOKEN,
      request: received('/bucket/secret/k', user),
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::bucket/secret/k',
    });

    const found = await events('GetObject');
    expect(found).toHaveLength(2);
    const records = found.map((e) => ({ event: e, record: JSON.parse(e.CloudTrailEvent!) as Record<string, any> }));
    const allowed = records.find((r) => r.record.additionalEventData.Authorizations[0].Decision === 'Allowed')!;
    const denied = records.find((r) => r.record.additionalEventData.Authorizations[0].Decision === 'ImplicitDeny')!;

    expect(allowed.event).toMatchObject({
      EventSource: 's3.amazonaws.com',
      Username: 'reader',
      AccessKeyId: user.accessKeyId,
    });
    expect(allowed.record).toMatchObject({
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
      awsRegion: 'eu-west-1',
      sourceIPAddress: '203.0.113.9',
      userAgent: 'storage-client/1.0',
      userIdentity: {
        type: 'IAMUser',
        arn: `arn:aws:iam::${t.accountId}:user/reader`,
        accessKeyId: user.accessKeyId,
        userName: 'reader',
      },
      requestParameters: null,
      readOnly: true,
      additionalEventData: {
        AuthorizationSource: 'POST /authorize',
        Authorizations: [
          {
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::bucket/reports/q1.csv',
            Decision: 'Allowed',
            MatchedStatements: [
              {
                PolicyId: `arn:aws:iam::${t.accountId}:user/reader#inline/Objects`,
                Sid: 'ReadReports',
                Effect: 'Allow',
              },
            ],
          },
        ],
      },
    });
    expect(allowed.record).not.toHaveProperty('errorCode');

    expect(denied.record).toMatchObject({
      errorCode: 'AccessDenied',
      errorMessage: `User: arn:aws:iam::${t.accountId}:user/reader is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::bucket/secret/k because no identity-based policy allows the s3:GetObject action`,
      additionalEventData: {
        Authorizations: [
          {
            Resource: 'arn:aws:s3:::bucket/secret/k',
            Decision: 'ImplicitDeny',
            DenyingLayer: 'identity',
            MatchedStatements: [],
          },
        ],
      },
    });

    // Neither the signature nor anything else of the signed request is kept.
    const signature = /Signature=([0-9a-f]{64})/.exec(
      String(new Headers(allowedRequest.headers).get('authorization')),
    )![1]!;
    for (const r of records) {
      expect(r.event.CloudTrailEvent).not.toContain(signature);
      expect(r.event.CloudTrailEvent).not.toContain('AWS4-HMAC-SHA256');
    }
  });

  it('records a request that failed authentication with the key it named', async () => {
    const forged = received('/bucket/reports/q2.csv', {
      accessKeyId: user.accessKeyId,
      secretAccessKey: 'not-the-secret-0000000000000000000000000',
    });
    await expect(
      authorizeRequest({
        wardUrl: t.url,
        token: AUTHORIZE_TOKEN,
        request: forged,
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::bucket/reports/q2.csv',
      }),
    ).rejects.toThrow();
    const [event] = await events('PutObject');
    expect(event).toMatchObject({ EventSource: 's3.amazonaws.com', AccessKeyId: user.accessKeyId });
    expect(JSON.parse(event!.CloudTrailEvent!)).toMatchObject({
      errorCode: 'SignatureDoesNotMatch',
      userIdentity: { type: 'AWSAccount', accountId: t.accountId },
      additionalEventData: { AuthorizationSource: 'POST /authorize', Authorizations: [] },
    });
  });
});
