import { createHash } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Upload } from '@aws-sdk/lib-storage';
import { LookupEventsCommand, CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { PutUserPermissionsBoundaryCommand, CreatePolicyCommand } from '@aws-sdk/client-iam';
import { Agent } from 'node:http';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3rver, type TestBackend } from './support/backends.js';
import { createRole, sessionCredentials, trustPolicy } from './support/sts.js';
import { policy, userWithKey } from './support/users.js';
import { type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

/**
 * Issue 14: Ward in front of an S3-compatible store (s3rver from npm, which checks SigV4 with its
 * own key), re-signing with the configured backend key. Each case is AWS's behaviour: a call no
 * policy allows is refused with S3's AccessDenied and AWS's text, and the backend never sees it.
 */
let backend: TestBackend & { key: string };
let t: TestWard;

const s3 = (credentials: Credentials, extra: Record<string, unknown> = {}) =>
  new S3Client({ endpoint: t.url, region: 'us-east-1', credentials, forcePathStyle: true, maxAttempts: 1, ...extra });

/** `photos.localhost` resolves to loopback, as browsers and curl resolve *.localhost (RFC 6761). */
const loopback = ((_host: string, options: { all?: boolean }, done: (...args: unknown[]) => void) =>
  options.all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4)) as never;

const allObjects = (bucket: string) =>
  policy({ Effect: 'Allow', Action: ['s3:*'], Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] });

beforeAll(async () => {
  backend = await startS3rver();
  t = await startTestWard({
    settings: { gatewayTargets: [`s3=${backend.url}`], gatewayBackendKeys: [`s3=${backend.key}`] },
  });
  await s3(t.root).send(new CreateBucketCommand({ Bucket: 'photos' }));
}, 60_000);

afterAll(async () => {
  await t?.close();
  await backend?.close();
});

describe('the gateway in front of an S3-compatible store', () => {
  it('forwards what the identity policy allows, both ways, path-style and virtual-hosted', async () => {
    const alice = await userWithKey(t, 'alice', { objects: allObjects('photos') });
    await s3(alice).send(new PutObjectCommand({ Bucket: 'photos', Key: 'cat.txt', Body: 'meow' }));
    const got = await s3(alice).send(new GetObjectCommand({ Bucket: 'photos', Key: 'cat.txt' }));
    expect(await got.Body!.transformToString()).toBe('meow');
    const port = new URL(t.url).port;
    const virtual = s3(alice, {
      endpoint: `http://localhost:${port}`,
      forcePathStyle: false,
      requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ lookup: loopback }) }),
    });
    const listed = await virtual.send(new ListObjectsV2Command({ Bucket: 'photos' }));
    expect(listed.Contents?.map((o) => o.Key)).toContain('cat.txt');
  });

  it("refuses what no policy allows with S3's AccessDenied and AWS's text", async () => {
    const bob = await userWithKey(t, 'bob');
    const err = await caught(() => s3(bob).send(new GetObjectCommand({ Bucket: 'photos', Key: 'cat.txt' })));
    expect(err.name).toBe('AccessDenied');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    expect(err.message).toBe(
      `User: arn:aws:iam::${t.accountId}:user/bob is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::photos/cat.txt because no identity-based policy allows the s3:GetObject action`,
    );
  });

  it('asks a request signed for cn-north-1 in aws-cn: a policy for arn:aws-cn:s3 allows it, one for arn:aws:s3 does not', async () => {
    const li = await userWithKey(t, 'li', {
      cn: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws-cn:s3:::photos/*' }),
    });
    const cn = s3(li, { region: 'cn-north-1' });
    await s3(t.root).send(new PutObjectCommand({ Bucket: 'photos', Key: 'panda.txt', Body: 'bamboo' }));
    const got = await cn.send(new GetObjectCommand({ Bucket: 'photos', Key: 'panda.txt' }));
    expect(await got.Body!.transformToString()).toBe('bamboo');
    const denied = await caught(() => s3(li).send(new GetObjectCommand({ Bucket: 'photos', Key: 'panda.txt' })));
    expect(denied.name).toBe('AccessDenied');
    const cnDenied = await caught(() => cn.send(new PutObjectCommand({ Bucket: 'photos', Key: 'x', Body: 'x' })));
    expect(cnDenied.message).toBe(
      `User: arn:aws-cn:iam::${t.accountId}:user/li is not authorized to perform: s3:PutObject on resource: arn:aws-cn:s3:::photos/x because no identity-based policy allows the s3:PutObject action`,
    );
  });

  it('asks s3:ListBucket for ListObjectsV2 and honours s3:prefix', async () => {
    const carol = await userWithKey(t, 'carol', {
      list: policy({
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::photos',
        Condition: { StringLike: { 's3:prefix': 'public/*' } },
      }),
    });
    await s3(carol).send(new ListObjectsV2Command({ Bucket: 'photos', Prefix: 'public/' }));
    const err = await caught(() => s3(carol).send(new ListObjectsV2Command({ Bucket: 'photos', Prefix: 'private/' })));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toContain('s3:ListBucket on resource: arn:aws:s3:::photos');
  });

  it('applies an explicit deny in a permissions boundary', async () => {
    const dave = await userWithKey(t, 'dave', { objects: allObjects('photos') });
    const boundary = await t.iam().send(
      new CreatePolicyCommand({
        PolicyName: 'no-deletes',
        PolicyDocument: JSON.stringify(
          policy(
            { Effect: 'Allow', Action: 's3:*', Resource: '*' },
            { Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
          ),
        ),
      }),
    );
    await t
      .iam()
      .send(new PutUserPermissionsBoundaryCommand({ UserName: 'dave', PermissionsBoundary: boundary.Policy!.Arn! }));
    const err = await caught(() => s3(dave).send(new DeleteObjectCommand({ Bucket: 'photos', Key: 'cat.txt' })));
    expect(err.message).toContain('with an explicit deny in a permissions boundary');
  });

  it('narrows an assumed role by its session policy', async () => {
    const roleArn = await createRole(t, 'reader', trustPolicy({ AWS: t.accountId }), { objects: allObjects('photos') });
    const assumer = await userWithKey(t, 'assumer', {
      assume: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }),
    });
    const session = await t.sts(assumer).send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: 'narrow',
        Policy: JSON.stringify(policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })),
      }),
    );
    const creds = sessionCredentials(session.Credentials);
    await s3(creds).send(new GetObjectCommand({ Bucket: 'photos', Key: 'cat.txt' }));
    const err = await caught(() => s3(creds).send(new PutObjectCommand({ Bucket: 'photos', Key: 'x', Body: 'y' })));
    expect(err.message).toContain('because no session policy allows the s3:PutObject action');
  });

  it('verifies presigned GET and PUT URLs from the SDK', async () => {
    const frank = await userWithKey(t, 'frank', { objects: allObjects('photos') });
    const put = await getSignedUrl(s3(frank), new PutObjectCommand({ Bucket: 'photos', Key: 'pre.txt' }), {
      expiresIn: 300,
    });
    expect((await fetch(put, { method: 'PUT', body: 'presigned' })).status).toBe(200);
    const get = await getSignedUrl(s3(frank), new GetObjectCommand({ Bucket: 'photos', Key: 'pre.txt' }), {
      expiresIn: 300,
    });
    const res = await fetch(get);
    expect(await res.text()).toBe('presigned');
    const tampered = get.replace('pre.txt', 'cat.txt');
    expect((await fetch(tampered)).status).toBe(403);
  });

  it('streams a multipart upload (lib-storage) and reads it back whole', async () => {
    const grace = await userWithKey(t, 'grace', { objects: allObjects('photos') });
    const body = Buffer.alloc(12 * 1024 * 1024, 7);
    await new Upload({
      client: s3(grace),
      params: { Bucket: 'photos', Key: 'big.bin', Body: body },
      partSize: 5 * 1024 * 1024,
    }).done();
    const got = await s3(grace).send(new GetObjectCommand({ Bucket: 'photos', Key: 'big.bin' }));
    const bytes = Buffer.from(await got.Body!.transformToByteArray());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(body).digest('hex'));
  });

  it('records gateway calls in the audit trail, which LookupEvents shows', async () => {
    await t.ward.flush();
    const trail = new CloudTrailClient({ endpoint: t.url, region: 'us-east-1', credentials: t.root, maxAttempts: 1 });
    const events = await trail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 's3.amazonaws.com' }],
      }),
    );
    const names = (events.Events ?? []).map((e) => e.EventName);
    expect(names).toContain('GetObject');
    expect(names).toContain('PutObject');
    const denied = (events.Events ?? []).find((e) => e.Username === 'bob');
    const record = JSON.parse(denied!.CloudTrailEvent!);
    expect(record.errorCode, JSON.stringify(record)).toBe('AccessDenied');
    expect(record.eventCategory, JSON.stringify(record)).toBe('Data');
    expect(record.additionalEventData.Authorizations[0]).toMatchObject({
      Action: 's3:GetObject',
      Decision: 'ImplicitDeny',
    });
  });
});
