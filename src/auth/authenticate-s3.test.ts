import { createHmac } from 'node:crypto';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emulatorRelaxations } from '../server/emulator-relaxations.js';
import { type SignedRequestHead, HmacSha256, SigningKeyCache, bodyVerifier, deriveSigningKey } from '../sigv4/index.js';
import { encodeAwsChunked } from '../sigv4/testing/aws-chunked-encoder.js';
import { type MemoryStore, openMemoryStore } from '../store/testing/memory-store.js';
import { AccountStatus } from './account-status.js';
import { Authenticator, sessionTokenHash } from './authenticate.js';
import { CredentialResolver } from './credentials.js';
import { NodeSha256 } from '../sigv4/testing/node-sha256.js';

const ACCOUNT = '111122223333';
const USER_KEY = { accessKeyId: 'AKIAUSERKEY000000001', secretAccessKey: 'user-secret-0000000000000000000000000000' };
const SESSION = {
  accessKeyId: 'ASIASESSION000000001',
  secretAccessKey: 'session-secret-000000000000000000000000',
  sessionToken: 'the-session-token',
};

/** A SigV4 S3 request signed by the SDK's signer (smithy), as @aws-sdk/client-s3 signs. */
async function sdkSigned(
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  headers: Record<string, string>,
  now = new Date(),
): Promise<SignedRequestHead> {
  const signer = new SignatureV4({
    credentials,
    region: 'eu-west-1',
    service: 's3',
    sha256: NodeSha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const request = new HttpRequest({
    method: 'PUT',
    protocol: 'http:',
    hostname: 'bucket.localhost',
    path: '/my%20key',
    headers: { host: 'bucket.localhost', ...headers },
  });
  const signed = await signer.sign(request, { signingDate: now });
  return { method: 'PUT', rawPath: '/my%20key', rawQuery: '', headers: Object.entries(signed.headers) };
}

let m: MemoryStore;
let authenticator: Authenticator;
let resolver: CredentialResolver;

beforeEach(async () => {
  m = await openMemoryStore();
  const { store } = m;
  const now = new Date();
  await store.accounts.create({ accountId: ACCOUNT, name: 'main', email: 'root@example.com', createdAt: now });
  await store.users.create(
    { userId: 'AIDAALICE00000000001', accountId: ACCOUNT, userName: 'alice', path: '/', createdAt: now },
    [],
  );
  await store.accessKeys.create(
    {
      accessKeyId: USER_KEY.accessKeyId,
      accountId: ACCOUNT,
      userId: 'AIDAALICE00000000001',
      status: 'Active',
      createdAt: now,
    },
    USER_KEY.secretAccessKey,
  );
  const expiresAt = new Date(now.getTime() + 3600_000);
  await store.sessions.create({
    accessKeyId: SESSION.accessKeyId,
    tokenHash: sessionTokenHash(SESSION.sessionToken),
    accountId: ACCOUNT,
    secretAccessKey: SESSION.secretAccessKey,
    principal: {
      kind: 'assumed-role',
      accountId: ACCOUNT,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/R/s`,
      userId: 'AROAROLEID0000000001:s',
      roleId: 'AROAROLEID0000000001',
      roleName: 'R',
      rolePath: '/',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/R`,
      sessionName: 's',
      session: {
        accessKeyId: SESSION.accessKeyId,
        issuedAt: now,
        expiresAt,
        mfaPresent: false,
        policies: [],
        tags: [],
        transitiveTagKeys: [],
      },
    },
    issuedAt: now,
    expiresAt,
  });
  resolver = new CredentialResolver(store, m.bus, undefined, store.sessions, new AccountStatus(store, m.bus));
  authenticator = new Authenticator(resolver, new SigningKeyCache());
});
afterEach(() => m.close());

async function s3Code(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (e: { code?: string }) => e.code ?? 'not an AWS error',
  );
}

describe('Authenticator.authenticateS3: SigV4 with an unread body', () => {
  it('a signed aws-chunked upload: the caller, and a plan whose chunks verify from the seed', async () => {
    const data = Buffer.alloc(20_000, 'x');
    const req = await sdkSigned(USER_KEY, {
      'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'x-amz-decoded-content-length': String(data.length),
      'content-encoding': 'aws-chunked',
    });
    const now = new Date();
    const { scheme, caller, body } = await authenticator.authenticateS3(req, now);
    expect(scheme).toBe('sigv4');
    expect(caller).toMatchObject({
      principal: { kind: 'user', userName: 'alice' },
      region: 'eu-west-1',
      service: 's3',
    });
    if (body.kind !== 'aws-chunked') throw new Error(body.kind);
    // The client's side, independently: its own signing key, the seed from its Authorization header.
    const authorization = req.headers.find(([n]) => n === 'authorization')![1];
    const seed = /Signature=([0-9a-f]{64})/.exec(authorization)![1]!;
    const day = body.signing!.amzDate.slice(0, 8);
    const client = {
      signer: new HmacSha256(deriveSigningKey(USER_KEY.secretAccessKey, day, 'eu-west-1', 's3')),
      amzDate: body.signing!.amzDate,
      scope: `${day}/eu-west-1/s3/aws4_request`,
      seedSignature: seed,
    };
    const verifier = bodyVerifier(body);
    const out = verifier.push(encodeAwsChunked(data, [10_000, 10_000], { signing: client }));
    verifier.end();
    expect(Buffer.concat(out).equals(data)).toBe(true);
  });

  it('session credentials need their token; S3 codes for every refusal', async () => {
    const headers = { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
    const ok = await authenticator.authenticateS3(await sdkSigned(SESSION, headers), new Date());
    expect(ok.caller?.principal.kind).toBe('assumed-role');
    expect(ok.body).toEqual({ kind: 'unsigned' });
    const { sessionToken: _token, ...noToken } = SESSION;
    void _token;
    expect(await s3Code(authenticator.authenticateS3(await sdkSigned(noToken, headers), new Date()))).toBe(
      'InvalidToken',
    );
    const wrong = { ...SESSION, sessionToken: 'another-token' };
    expect(await s3Code(authenticator.authenticateS3(await sdkSigned(wrong, headers), new Date()))).toBe(
      'InvalidToken',
    );
    const later = new Date(Date.now() + 7200_000);
    expect(await s3Code(authenticator.authenticateS3(await sdkSigned(SESSION, headers, later), later))).toBe(
      'ExpiredToken',
    );
    const unknown = { ...USER_KEY, accessKeyId: 'AKIAUNKNOWN000000001' };
    expect(await s3Code(authenticator.authenticateS3(await sdkSigned(unknown, headers), new Date()))).toBe(
      'InvalidAccessKeyId',
    );
    const badSecret = { ...USER_KEY, secretAccessKey: 'nope' };
    expect(await s3Code(authenticator.authenticateS3(await sdkSigned(badSecret, headers), new Date()))).toBe(
      'SignatureDoesNotMatch',
    );
    const keyWithToken = { ...USER_KEY, sessionToken: 'x' };
    expect(await s3Code(authenticator.authenticateS3(await sdkSigned(keyWithToken, headers), new Date()))).toBe(
      'InvalidToken',
    );
  });

  it('anonymous requests have no caller; the body plan still applies', async () => {
    const anonymous = await authenticator.authenticateS3(
      { method: 'GET', rawPath: '/b/k', rawQuery: '', headers: [['Host', 'h']] },
      new Date(),
    );
    expect(anonymous).toEqual({ scheme: 'anonymous', caller: undefined, body: { kind: 'unsigned' } });
  });
});

describe('Authenticator.authenticateS3: SigV2', () => {
  function v2(
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
    bucket: string,
  ): SignedRequestHead {
    const date = new Date().toUTCString();
    const token = credentials.sessionToken === undefined ? '' : `x-amz-security-token:${credentials.sessionToken}\n`;
    const stringToSign = `GET\n\n\n${date}\n${token}/${bucket}/k`;
    const signature = createHmac('sha1', credentials.secretAccessKey).update(stringToSign).digest('base64');
    const headers: Array<[string, string]> = [
      ['Host', `${bucket}.localhost`],
      ['Date', date],
      ['Authorization', `AWS ${credentials.accessKeyId}:${signature}`],
    ];
    if (credentials.sessionToken !== undefined) headers.push(['x-amz-security-token', credentials.sessionToken]);
    return { method: 'GET', rawPath: '/k', rawQuery: '', headers };
  }

  it('names the caller of a virtual-hosted request, and refuses it for another bucket', async () => {
    const result = await authenticator.authenticateS3(v2(USER_KEY, 'photos'), new Date(), {
      bucket: 'photos',
      region: 'eu-west-1',
    });
    expect(result.scheme).toBe('sigv2');
    expect(result.caller).toMatchObject({
      principal: { userName: 'alice' },
      accessKeyId: USER_KEY.accessKeyId,
      region: 'eu-west-1',
      service: 's3',
    });
    expect(await s3Code(authenticator.authenticateS3(v2(USER_KEY, 'photos'), new Date(), { bucket: 'other' }))).toBe(
      'SignatureDoesNotMatch',
    );
  });

  it('session tokens work with SigV2 too', async () => {
    const result = await authenticator.authenticateS3(v2(SESSION, 'b'), new Date(), { bucket: 'b' });
    expect(result.caller?.principal.kind).toBe('assumed-role');
    const { sessionToken: _t, ...noToken } = SESSION;
    void _t;
    expect(await s3Code(authenticator.authenticateS3(v2(noToken, 'b'), new Date(), { bucket: 'b' }))).toBe(
      'InvalidToken',
    );
  });
});

describe('Authenticator.authenticateS3: emulator mode', () => {
  it("an unknown key is moto's default caller, and its signed chunks are decoded unverified", async () => {
    const emulator = new Authenticator(resolver, new SigningKeyCache(), emulatorRelaxations(ACCOUNT));
    const req = await sdkSigned(
      { accessKeyId: 'AKIAANYKEY0000000001', secretAccessKey: 'whatever' },
      {
        'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
        'x-amz-decoded-content-length': '5',
      },
    );
    const { caller, body } = await emulator.authenticateS3(req, new Date());
    expect(caller?.principal).toMatchObject({ kind: 'user', accountId: ACCOUNT, userName: 'moto' });
    const verifier = bodyVerifier(body);
    const out = verifier.push(
      Buffer.from(`5;chunk-signature=${'a'.repeat(64)}\r\nhello\r\n0;chunk-signature=${'b'.repeat(64)}\r\n\r\n`),
    );
    verifier.end();
    expect(Buffer.concat(out).toString()).toBe('hello');
  });
});
