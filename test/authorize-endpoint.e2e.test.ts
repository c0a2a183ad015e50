import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WardAuthorizeError, authorizeRequest } from '../src/client/authorize.js';
import { signRequest } from '../src/sigv4/index.js';
import { policy, userWithKey } from './support/users.js';
import { AUTHORIZE_TOKEN, type Credentials, type TestWard, startTestWard } from './support/ward.js';

let t: TestWard;
let user: Credentials;
beforeAll(async () => {
  t = await startTestWard();
  user = await userWithKey(t, 'storage-user', {
    Objects: policy({
      Sid: 'ReadOwnPrefix',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::bucket/${aws:username}/*',
    }),
  });
});
afterAll(() => t.close());

/** A request as a storage service of the platform would receive it from its own client. */
function received(path: string, credentials = user) {
  const signed = signRequest({
    method: 'GET',
    url: `http://storage.internal:9000${path}`,
    headers: { 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    credentials,
    region: 'us-east-1',
    service: 's3',
  });
  return { method: 'GET', url: path, headers: signed.headers };
}

describe('POST /authorize for the platform’s own services', () => {
  it('names the signer and allows what its policies allow, with the matched statement', async () => {
    const result = await authorizeRequest({
      wardUrl: t.url,
      token: AUTHORIZE_TOKEN,
      request: received('/bucket/storage-user/report.csv'),
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::bucket/storage-user/report.csv',
      sourceIp: '203.0.113.9',
    });
    expect(result.allowed).toBe(true);
    expect(result.decision).toBe('Allowed');
    expect(result.principal).toMatchObject({
      arn: `arn:aws:iam::${t.accountId}:user/storage-user`,
      accountId: t.accountId,
      type: 'IAMUser',
    });
    expect(result.accessKeyId).toBe(user.accessKeyId);
    expect(result.matchedStatements).toEqual([
      {
        policyId: `arn:aws:iam::${t.accountId}:user/storage-user#inline/Objects`,
        sid: 'ReadOwnPrefix',
        effect: 'Allow',
        index: 0,
      },
    ]);
  });

  it('denies outside the policy, with AWS’s access-denied text', async () => {
    const result = await authorizeRequest({
      wardUrl: t.url,
      token: AUTHORIZE_TOKEN,
      request: received('/bucket/someone-else/report.csv'),
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::bucket/someone-else/report.csv',
    });
    expect(result.allowed).toBe(false);
    expect(result.decision).toBe('ImplicitDeny');
    expect(result.message).toBe(
      `User: arn:aws:iam::${t.accountId}:user/storage-user is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::bucket/someone-else/report.csv because no identity-based policy allows the s3:GetObject action`,
    );
  });

  it('refuses a tampered signature and an unknown key with AWS’s codes', async () => {
    const tampered = received('/bucket/storage-user/a');
    const badSig = tampered.headers.map(
      ([k, v]) =>
        [
          k,
          k.toLowerCase() === 'authorization'
            ? v.replace(/Signature=(.)/, (_m, c: string) => `Signature=${c === '0' ? '1' : '0'}`)
            : v,
        ] as [string, string],
    );
    await expect(
      authorizeRequest({
        wardUrl: t.url,
        token: AUTHORIZE_TOKEN,
        request: { ...tampered, headers: badSig },
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::bucket/storage-user/a',
      }),
    ).rejects.toMatchObject({ code: 'SignatureDoesNotMatch', status: 401 });

    const stranger = received('/bucket/x', { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x'.repeat(40) });
    const err = await authorizeRequest({
      wardUrl: t.url,
      token: AUTHORIZE_TOKEN,
      request: stranger,
      action: 's3:GetObject',
      resource: '*',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WardAuthorizeError);
    expect((err as WardAuthorizeError).code).toBe('InvalidClientTokenId');
  });

  it('answers a malformed call with a ValidationError', async () => {
    const res = await fetch(`${t.url}/authorize`, {
      method: 'POST',
      headers: { authorization: `Bearer ${AUTHORIZE_TOKEN}` },
      body: JSON.stringify({ action: 'nope' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ValidationError');
  });
});
