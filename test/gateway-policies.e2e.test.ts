import { request } from 'node:http';
import {
  CreateBucketCommand,
  GetObjectCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CreateQueueCommand, SQSClient, SendMessageCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  DescribeCreateAccountStatusCommand,
  EnablePolicyTypeCommand,
  ListRootsCommand,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HmacSha256, deriveSigningKey, signRequest } from '../src/sigv4/index.js';
import { encodeAwsChunked } from '../src/sigv4/testing/aws-chunked-encoder.js';
import { type TestBackend, motoAvailable, startMoto } from './support/backends.js';
import { orgs, rootKeyFor } from './support/organizations.js';
import { policy, userWithKey } from './support/users.js';
import { type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

/**
 * Issue 14, every policy layer through the gateway in front of moto (whose S3 and SQS keep
 * resource policies): the bucket policy read from the backend (cached, dropped when a policy
 * change passes through), cross-account access only through it, as the bucket owner's; an SCP's
 * deny; soft mode; a service without a backend; and a tampered chunk that never reaches moto.
 */
const available = motoAvailable();

let moto: TestBackend;
let t: TestWard;
const clients = (credentials: Credentials) => ({
  s3: new S3Client({ endpoint: t.url, region: 'us-east-1', credentials, forcePathStyle: true, maxAttempts: 1 }),
  sqs: new SQSClient({ endpoint: t.url, region: 'us-east-1', credentials, maxAttempts: 1 }),
});

describe.skipIf(!available)('the gateway decides every policy layer', () => {
  beforeAll(async () => {
    moto = await startMoto();
    t = await startTestWard({ settings: { gatewayTargets: [`s3=${moto.url}`, `sqs=${moto.url}`] } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await moto?.close();
  });

  it("applies the bucket policy's explicit deny, read from the backend and refreshed when it changes", async () => {
    const { s3 } = clients(t.root);
    await s3.send(new CreateBucketCommand({ Bucket: 'vault' }));
    const erin = await userWithKey(t, 'erin', {
      all: policy({ Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::vault', 'arn:aws:s3:::vault/*'] }),
    });
    await clients(erin).s3.send(new PutObjectCommand({ Bucket: 'vault', Key: 'a', Body: 'x' }));
    await clients(erin).s3.send(new GetObjectCommand({ Bucket: 'vault', Key: 'a' }));
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'vault',
        Policy: JSON.stringify(
          policy({
            Effect: 'Deny',
            Principal: { AWS: `arn:aws:iam::${t.accountId}:user/erin` },
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::vault/*',
          }),
        ),
      }),
    );
    const denied = await caught(() => clients(erin).s3.send(new GetObjectCommand({ Bucket: 'vault', Key: 'a' })));
    expect(denied.name).toBe('AccessDenied');
    expect(denied.message).toContain('with an explicit deny in a resource-based policy');
  });

  it("lets another account in only through the bucket's policy, the bucket being its creator's", async () => {
    const org = await orgs(t).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    expect(org.Organization?.Id).toBeDefined();
    const car = (await orgs(t).send(new CreateAccountCommand({ Email: 'other@example.com', AccountName: 'other' })))
      .CreateAccountStatus!.Id!;
    const other = (await orgs(t).send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: car })))
      .CreateAccountStatus!.AccountId!;
    const otherRoot = await rootKeyFor(t, other);
    const { s3 } = clients(t.root);
    await s3.send(new CreateBucketCommand({ Bucket: 'shared' }));
    await s3.send(new PutObjectCommand({ Bucket: 'shared', Key: 'report.csv', Body: 'a,b' }));
    const before = await caught(() =>
      clients(otherRoot).s3.send(new GetObjectCommand({ Bucket: 'shared', Key: 'report.csv' })),
    );
    expect(before.message).toContain('because no resource-based policy allows the s3:GetObject action');
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'shared',
        Policy: JSON.stringify(
          policy({
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${other}:root` },
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::shared/*',
          }),
        ),
      }),
    );
    const got = await clients(otherRoot).s3.send(new GetObjectCommand({ Bucket: 'shared', Key: 'report.csv' }));
    expect(await got.Body!.transformToString()).toBe('a,b');

    // The member's own bucket is its own: its root needs no policy there.
    await clients(otherRoot).s3.send(new CreateBucketCommand({ Bucket: 'member-own' }));
    await clients(otherRoot).s3.send(new PutObjectCommand({ Bucket: 'member-own', Key: 'k', Body: 'v' }));

    // An SCP denying s3:PutObject binds the member account, even its root.
    const roots = await orgs(t).send(new ListRootsCommand({}));
    await orgs(t).send(
      new EnablePolicyTypeCommand({ RootId: roots.Roots![0]!.Id!, PolicyType: 'SERVICE_CONTROL_POLICY' }),
    );
    const scp = await orgs(t).send(
      new CreatePolicyCommand({
        Name: 'no-uploads',
        Description: 'no uploads',
        Type: 'SERVICE_CONTROL_POLICY',
        Content: JSON.stringify(
          policy(
            { Effect: 'Allow', Action: '*', Resource: '*' },
            { Effect: 'Deny', Action: 's3:PutObject', Resource: '*' },
          ),
        ),
      }),
    );
    await orgs(t).send(new AttachPolicyCommand({ PolicyId: scp.Policy!.PolicySummary!.Id!, TargetId: other }));
    const scpDenied = await caught(() =>
      clients(otherRoot).s3.send(new PutObjectCommand({ Bucket: 'member-own', Key: 'k2', Body: 'v' })),
    );
    expect(scpDenied.message).toContain('with an explicit deny in a service control policy');
  });

  it("reads an object's tags from the backend once a policy names s3:ExistingObjectTag", async () => {
    const { s3 } = clients(t.root);
    await s3.send(new CreateBucketCommand({ Bucket: 'records' }));
    await s3.send(
      new PutObjectCommand({ Bucket: 'records', Key: 'open.txt', Body: 'o', Tagging: 'classification=public' }),
    );
    await s3.send(
      new PutObjectCommand({ Bucket: 'records', Key: 'secret.txt', Body: 's', Tagging: 'classification=secret' }),
    );
    const clerk = await userWithKey(t, 'clerk', {
      read: policy(
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::records/*' },
        {
          Effect: 'Deny',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::records/*',
          Condition: { StringEquals: { 's3:ExistingObjectTag/classification': 'secret' } },
        },
      ),
    });
    await clients(clerk).s3.send(new GetObjectCommand({ Bucket: 'records', Key: 'open.txt' }));
    const denied = await caught(() =>
      clients(clerk).s3.send(new GetObjectCommand({ Bucket: 'records', Key: 'secret.txt' })),
    );
    expect(denied.message).toContain('with an explicit deny in an identity-based policy');
  });

  it('reads an SQS queue policy for a cross-account sender', async () => {
    const { sqs } = clients(t.root);
    const queue = await sqs.send(new CreateQueueCommand({ QueueName: 'inbox' }));
    const stranger = await userWithKey(t, 'stranger', {
      send: policy({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }),
    });
    // Same account: the identity policy is enough.
    await clients(stranger).sqs.send(new SendMessageCommand({ QueueUrl: queue.QueueUrl, MessageBody: 'hi' }));
    await sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: queue.QueueUrl,
        Attributes: {
          Policy: JSON.stringify(
            policy({
              Effect: 'Deny',
              Principal: '*',
              Action: 'sqs:SendMessage',
              Resource: `arn:aws:sqs:us-east-1:${t.accountId}:inbox`,
            }),
          ),
        },
      }),
    );
    const denied = await caught(() =>
      clients(stranger).sqs.send(new SendMessageCommand({ QueueUrl: queue.QueueUrl, MessageBody: 'hi' })),
    );
    expect(denied.message).toContain('with an explicit deny in a resource-based policy');
  });

  it('answers 501 NotImplemented in the service’s own protocol for a service without a backend', async () => {
    const dynamo = new DynamoDBClient({ endpoint: t.url, region: 'us-east-1', credentials: t.root, maxAttempts: 1 });
    const err = await caught(() => dynamo.send(new ListTablesCommand({})));
    expect(err.$metadata?.httpStatusCode).toBe(501);
    expect(err.name).toBe('NotImplemented');
    expect(err.message).toContain('--gateway-target dynamodb=URL');
  });

  it('aborts an upload whose chunk was tampered with: the backend never sees the object', async () => {
    const writer = await userWithKey(t, 'chunky', {
      put: policy({ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: 'arn:aws:s3:::uploads/*' }),
    });
    await clients(t.root).s3.send(new CreateBucketCommand({ Bucket: 'uploads' }));
    const data = Buffer.alloc(20_000, 'z');
    const send = async (tamper: boolean) => {
      const now = new Date();
      const headers = {
        'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
        'content-encoding': 'aws-chunked',
        'x-amz-decoded-content-length': String(data.length),
      };
      const signed = signRequest({
        method: 'PUT',
        url: `${t.url}/uploads/chunked.bin`,
        headers,
        credentials: writer,
        region: 'us-east-1',
        service: 's3',
        date: now,
        normalizePath: false,
      });
      const amzDate = signed.headers.find(([n]) => n.toLowerCase() === 'x-amz-date')![1];
      const signer = new HmacSha256(deriveSigningKey(writer.secretAccessKey, amzDate.slice(0, 8), 'us-east-1', 's3'));
      const body = encodeAwsChunked(data, [10_000, 10_000], {
        signing: {
          signer,
          amzDate,
          scope: `${amzDate.slice(0, 8)}/us-east-1/s3/aws4_request`,
          seedSignature: signed.signature,
        },
      });
      // The second chunk's bytes changed after signing: its signature no longer matches.
      if (tamper) body.writeUInt8(body.readUInt8(body.length - 200) ^ 1, body.length - 200);
      return new Promise<{ status: number; text: string }>((resolve, reject) => {
        const url = new URL(signed.url);
        const req = request(
          {
            hostname: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'PUT',
            headers: { ...Object.fromEntries(signed.headers), 'content-length': String(body.length) },
          },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.once('error', reject);
        req.end(body);
      });
    };
    const tampered = await send(true);
    expect(tampered.status).toBe(403);
    expect(tampered.text).toContain('<Code>SignatureDoesNotMatch</Code>');
    const missing = await caught(() =>
      clients(writer).s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'chunked.bin' })),
    );
    expect(missing.name, `${missing.message}`).toBe('NoSuchKey');
    const good = await send(false);
    expect(good.status, good.text).toBe(200);
    const got = await clients(writer).s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'chunked.bin' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(data)).toBe(true);
  });
});

describe.skipIf(!available)('soft mode', () => {
  let soft: TestWard;
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startMoto();
    soft = await startTestWard({ settings: { gatewayTargets: [`*=${backend.url}`], gatewayMode: 'soft' } });
  }, 60_000);
  afterAll(async () => {
    await soft?.close();
    await backend?.close();
  });

  it('forwards a call IAM would deny and records the would-be denial', async () => {
    const { sqs } = {
      sqs: new SQSClient({ endpoint: soft.url, region: 'us-east-1', credentials: soft.root, maxAttempts: 1 }),
    };
    const queue = await sqs.send(new CreateQueueCommand({ QueueName: 'soft' }));
    const nobody = await userWithKey(soft, 'nobody');
    const client = new SQSClient({ endpoint: soft.url, region: 'us-east-1', credentials: nobody, maxAttempts: 1 });
    await client.send(new SendMessageCommand({ QueueUrl: queue.QueueUrl, MessageBody: 'through' }));
    await soft.ward.flush();
    const events = await soft.ward.store.events.lookup(
      { attribute: { key: 'Username', value: 'nobody' } },
      { limit: 10 },
    );
    const record = JSON.parse(events.events.at(0)?.record ?? '{}') as Record<string, any>;
    expect(record.eventName).toBe('SendMessage');
    expect(record.errorCode).toBeUndefined();
    expect(record.additionalEventData).toMatchObject({
      GatewayMode: 'soft',
      Authorizations: [{ Action: 'sqs:SendMessage', Decision: 'ImplicitDeny', DenyingLayer: 'identity' }],
    });
  });
});
