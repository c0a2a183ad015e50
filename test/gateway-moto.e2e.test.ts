import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePolicy } from '../src/audit/policy-generation/generate.js';
import { targetPrincipal } from '../src/audit/policy-generation/principal.js';
import { type TestBackend, motoAvailable, startMoto } from './support/backends.js';
import { policy, userWithKey } from './support/users.js';
import { type Credentials, type TestWard, startTestWard } from './support/ward.js';

/**
 * Issue 14: Ward in front of moto's server (every service, the client's signature passed through),
 * driven by the real aws CLI as the README shows it: `aws s3 cp` and `aws sqs send-message`
 * allowed and denied, DynamoDB's leading keys, KMS's encryption context, SNS's own error code.
 */
const available = motoAvailable();
if (!available)
  console.warn('moto is not installed for python3 (pip install "moto[server]"): the moto gateway suite is skipped');

let moto: TestBackend;
let t: TestWard;
let dir: string;

/** The aws CLI, run without blocking: the Ward under test answers in this very process. */
function aws(credentials: Credentials, ...args: string[]): Promise<{ status: number; out: string; err: string }> {
  const child = spawn('aws', ['--endpoint-url', t.url, '--region', 'us-east-1', '--output', 'json', ...args], {
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_MAX_ATTEMPTS: '1',
    },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status: status ?? -1, out, err })));
}

describe.skipIf(!available)('the gateway in front of moto, with the aws CLI', () => {
  beforeAll(async () => {
    moto = await startMoto();
    t = await startTestWard({ settings: { gatewayTargets: [`*=${moto.url}`] } });
    dir = mkdtempSync(join(tmpdir(), 'ward-gw-moto-'));
    writeFileSync(join(dir, 'hello.txt'), 'hello from the CLI\n');
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await moto?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('aws s3 cp: allowed by the policy, denied without it', async () => {
    expect((await aws(t.root, 's3', 'mb', 's3://uploads')).status).toBe(0);
    const writer = await userWithKey(t, 'writer', {
      put: policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::uploads/*' }),
    });
    const ok = await aws(writer, 's3', 'cp', join(dir, 'hello.txt'), 's3://uploads/hello.txt');
    expect(ok.status, ok.err).toBe(0);
    const reader = await userWithKey(t, 'stranger');
    const denied = await aws(reader, 's3', 'cp', 's3://uploads/hello.txt', join(dir, 'back.txt'));
    expect(denied.status).not.toBe(0);
    expect(denied.err).toContain('403');
    const back = await aws(t.root, 's3', 'cp', 's3://uploads/hello.txt', '-');
    expect(back.out).toBe('hello from the CLI\n');
  });

  it('aws s3 presign: the URL the CLI makes (its default signature) is verified, and only as signed', async () => {
    const reader = await userWithKey(t, 'presigner', {
      get: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::uploads/*' }),
    });
    const presigned = await aws(reader, 's3', 'presign', 's3://uploads/hello.txt', '--expires-in', '300');
    expect(presigned.status, presigned.err).toBe(0);
    const url = presigned.out.trim();
    const ok = await fetch(url);
    expect(await ok.text()).toBe('hello from the CLI\n');
    const tampered = await fetch(url.replace('hello.txt', 'other.txt'));
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('aws sqs send-message: the queue ARN comes from the queue URL', async () => {
    const created = await aws(t.root, 'sqs', 'create-queue', '--queue-name', 'orders');
    expect(created.status, created.err).toBe(0);
    const queueUrl = (JSON.parse(created.out) as { QueueUrl: string }).QueueUrl;
    const sender = await userWithKey(t, 'sender', {
      send: policy({
        Effect: 'Allow',
        Action: 'sqs:SendMessage',
        Resource: `arn:aws:sqs:us-east-1:${t.accountId}:orders`,
      }),
    });
    const sent = await aws(sender, 'sqs', 'send-message', '--queue-url', queueUrl, '--message-body', 'order 1');
    expect(sent.status, sent.err).toBe(0);
    const purge = await aws(sender, 'sqs', 'purge-queue', '--queue-url', queueUrl);
    expect(purge.status).not.toBe(0);
    expect(purge.err).toContain(
      `User: arn:aws:iam::${t.accountId}:user/sender is not authorized to perform: sqs:PurgeQueue on resource: arn:aws:sqs:us-east-1:${t.accountId}:orders`,
    );
  });

  it("sns publish: denied with SNS's AuthorizationError", async () => {
    const topic = JSON.parse((await aws(t.root, 'sns', 'create-topic', '--name', 'alerts')).out) as {
      TopicArn: string;
    };
    const nobody = await userWithKey(t, 'nobody');
    const denied = await aws(nobody, 'sns', 'publish', '--topic-arn', topic.TopicArn, '--message', 'hi');
    expect(denied.status).not.toBe(0);
    expect(denied.err).toContain('AuthorizationError');
  });

  it('dynamodb: dynamodb:LeadingKeys limits a user to its own partition', async () => {
    const table = await aws(
      t.root,
      'dynamodb',
      'create-table',
      '--table-name',
      'profiles',
      '--attribute-definitions',
      'AttributeName=owner,AttributeType=S',
      '--key-schema',
      'AttributeName=owner,KeyType=HASH',
      '--billing-mode',
      'PAY_PER_REQUEST',
    );
    expect(table.status, table.err).toBe(0);
    const tenant = await userWithKey(t, 'tenant', {
      own: policy({
        Effect: 'Allow',
        Action: ['dynamodb:PutItem', 'dynamodb:GetItem'],
        Resource: `arn:aws:dynamodb:us-east-1:${t.accountId}:table/profiles`,
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['tenant'] } },
      }),
    });
    const own = await aws(
      tenant,
      'dynamodb',
      'put-item',
      '--table-name',
      'profiles',
      '--item',
      '{"owner":{"S":"tenant"}}',
    );
    expect(own.status, own.err).toBe(0);
    const other = await aws(
      tenant,
      'dynamodb',
      'put-item',
      '--table-name',
      'profiles',
      '--item',
      '{"owner":{"S":"admin"}}',
    );
    expect(other.status).not.toBe(0);
    expect(other.err).toContain('AccessDeniedException');
  });

  it('generates the least-privilege policy of what a user did through the gateway', async () => {
    await t.ward.flush();
    const page = await t.ward.store.events.lookup({ attribute: { key: 'Username', value: 'sender' } }, { limit: 50 });
    const generated = generatePolicy(
      page.events.map((e) => JSON.parse(e.record) as unknown),
      targetPrincipal(`arn:aws:iam::${t.accountId}:user/sender`)!,
    );
    expect(generated?.Statement).toEqual([
      expect.objectContaining({ Action: ['sqs:SendMessage'], Resource: `arn:aws:sqs:us-east-1:${t.accountId}:orders` }),
    ]);
  });

  it('kms encrypt: kms:EncryptionContext keys decide', async () => {
    const key = JSON.parse((await aws(t.root, 'kms', 'create-key')).out) as { KeyMetadata: { Arn: string } };
    const app = await userWithKey(t, 'app', {
      enc: policy({
        Effect: 'Allow',
        Action: 'kms:Encrypt',
        Resource: key.KeyMetadata.Arn,
        Condition: { StringEquals: { 'kms:EncryptionContext:app': 'billing' } },
      }),
    });
    const plaintext = Buffer.from('secret').toString('base64');
    const ok = await aws(
      app,
      'kms',
      'encrypt',
      '--key-id',
      key.KeyMetadata.Arn,
      '--plaintext',
      plaintext,
      '--encryption-context',
      'app=billing',
    );
    expect(ok.status, ok.err).toBe(0);
    const wrong = await aws(
      app,
      'kms',
      'encrypt',
      '--key-id',
      key.KeyMetadata.Arn,
      '--plaintext',
      plaintext,
      '--encryption-context',
      'app=payroll',
    );
    expect(wrong.status).not.toBe(0);
    expect(wrong.err).toContain('AccessDeniedException');
  });

  it('kms: identity policies count only where the key policy allows the account, as in AWS KMS', async () => {
    const keyAdmin = await userWithKey(t, 'key-admin');
    const keyPolicy = JSON.stringify(
      policy({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${t.accountId}:user/key-admin` },
        Action: 'kms:*',
        Resource: '*',
      }),
    );
    const created = await aws(
      t.root,
      'kms',
      'create-key',
      '--policy',
      keyPolicy,
      '--bypass-policy-lockout-safety-check',
    );
    expect(created.status, created.err).toBe(0);
    const arn = (JSON.parse(created.out) as { KeyMetadata: { Arn: string } }).KeyMetadata.Arn;
    const plaintext = Buffer.from('secret').toString('base64');
    // An identity policy allowing kms:Encrypt on the key: the key policy does not enable IAM policies.
    const outsider = await userWithKey(t, 'kms-outsider', {
      enc: policy({ Effect: 'Allow', Action: 'kms:Encrypt', Resource: arn }),
    });
    const refused = await aws(outsider, 'kms', 'encrypt', '--key-id', arn, '--plaintext', plaintext);
    expect(refused.status).not.toBe(0);
    expect(refused.err).toContain('AccessDeniedException');
    expect(refused.err).toContain('no resource-based policy allows the kms:Encrypt action');
    // The user the key policy names needs no identity policy at all.
    const allowed = await aws(keyAdmin, 'kms', 'encrypt', '--key-id', arn, '--plaintext', plaintext);
    expect(allowed.status, allowed.err).toBe(0);
  });
});
