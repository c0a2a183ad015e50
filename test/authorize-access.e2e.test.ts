import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeRequest } from '../src/client/authorize.js';
import { signRequest } from '../src/sigv4/index.js';
import { policy, userWithKey } from './support/users.js';
import { AUTHORIZE_TOKEN, type Credentials, type TestWard, startTestWard } from './support/ward.js';

/**
 * Issue 12, item 7: POST /authorize answered anyone holding a request the victim signed (a shared
 * presigned URL is enough) with the victim's permissions down to policy ARNs and Sids, let the body
 * override the principal's own condition keys, took `sourceIp` unchecked and compared the token
 * with `!==`. AWS itself never lets a caller assert aws:PrincipalArn, aws:PrincipalTag/* or
 * aws:MultiFactorAuthPresent: they come from the credentials that signed the request.
 */

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A presigned URL the victim shared, as a storage service would receive it. */
function presigned(credentials: Credentials, path: string) {
  const signed = signRequest({
    method: 'GET',
    url: `http://storage.internal:9000${path}`,
    credentials,
    region: 'us-east-1',
    service: 's3',
    mode: 'query',
    expiresSeconds: 3600,
  });
  const url = new URL(signed.url);
  return {
    method: 'GET',
    url: `${url.pathname}${url.search}`,
    headers: [['host', 'storage.internal:9000']] as Array<[string, string]>,
  };
}

function body(request: ReturnType<typeof presigned>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    request: { ...request, bodySha256: EMPTY_SHA256 },
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::vault/secret.txt',
    ...extra,
  });
}

async function post(
  base: string,
  payload: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, any> }> {
  const res = await fetch(`${base}/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: payload,
  });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

const bearer = { authorization: `Bearer ${AUTHORIZE_TOKEN}` };

const VICTIM_POLICY = {
  Vault: policy(
    {
      Sid: 'ReadVaultWithMfa',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::vault/*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
    {
      Sid: 'ReadTeamBucket',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::team/*',
      Condition: { StringEquals: { 'aws:PrincipalTag/team': 'finance' } },
    },
    {
      Sid: 'ReadFromOffice',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::office/*',
      Condition: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } },
    },
  ),
};

describe('with a token configured (the platform’s own deployment)', () => {
  let t: TestWard;
  let victim: Credentials;
  beforeAll(async () => {
    t = await startTestWard();
    victim = await userWithKey(t, 'victim', VICTIM_POLICY);
  });
  afterAll(() => t.close());

  it('refuses a holder of the victim’s presigned URL who has no token (401)', async () => {
    const r = await post(t.url, body(presigned(victim, '/vault/secret.txt')));
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('UnrecognizedClient');
    expect(r.json).not.toHaveProperty('matchedStatements');
  });

  it('refuses a wrong token of any length (401)', async () => {
    for (const token of [`${AUTHORIZE_TOKEN}x`, AUTHORIZE_TOKEN.slice(0, -1), 'x']) {
      const r = await post(t.url, body(presigned(victim, '/vault/secret.txt')), { authorization: `Bearer ${token}` });
      expect(r.status).toBe(401);
    }
  });

  it('refuses principal-side global keys in the context with a 400 naming the key, even from the platform', async () => {
    const request = presigned(victim, '/vault/secret.txt');
    const honest = await authorizeRequest({
      wardUrl: t.url,
      token: AUTHORIZE_TOKEN,
      request,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::vault/secret.txt',
    });
    expect(honest.allowed).toBe(false);
    for (const [key, value] of [
      ['aws:MultiFactorAuthPresent', 'true'],
      ['aws:PrincipalTag/team', 'finance'],
      ['aws:PrincipalArn', 'arn:aws:iam::123456789012:root'],
      ['AWS:multifactorauthpresent', 'true'],
    ] as const) {
      const r = await post(t.url, body(request, { context: { [key]: value } }), bearer);
      expect(r.status, key).toBe(400);
      expect(r.json.error.code).toBe('ValidationError');
      expect(r.json.error.message).toContain(key);
    }
  });

  it('still takes the request-side keys a service knows (aws:RequestTag/*, aws:ResourceTag/*, service keys)', async () => {
    const r = await post(
      t.url,
      body(presigned(victim, '/vault/secret.txt'), {
        context: { 'aws:RequestTag/env': 'prod', 'aws:ResourceTag/owner': 'x', 's3:prefix': 'a/' },
      }),
      bearer,
    );
    expect(r.status).toBe(200);
    expect(r.json.allowed).toBe(false);
  });

  it('takes sourceIp from the platform only as an IP address', async () => {
    const request = presigned(victim, '/office/plan.txt');
    const bad = await post(
      t.url,
      body(request, { resource: 'arn:aws:s3:::office/plan.txt', sourceIp: '198.51.100.7, 10.0.0.1' }),
      bearer,
    );
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('sourceIp must be an IPv4 or IPv6 address');
    const office = await post(
      t.url,
      body(request, { resource: 'arn:aws:s3:::office/plan.txt', sourceIp: '198.51.100.7' }),
      bearer,
    );
    expect(office.json).toMatchObject({ allowed: true, matchedStatements: [{ sid: 'ReadFromOffice' }] });
  });

  it('answers an oversized body with a JSON 413, not a 500', async () => {
    const res = await fetch(`${t.url}/authorize`, {
      method: 'POST',
      headers: bearer,
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('RequestEntityTooLarge');
  });
});

describe('without a token and without the loopback opt-out', () => {
  let t: TestWard;
  let victim: Credentials;
  beforeAll(async () => {
    t = await startTestWard({ settings: { authorizeToken: undefined } });
    victim = await userWithKey(t, 'victim', VICTIM_POLICY);
  });
  afterAll(() => t.close());

  it('is closed, and says how to open it (403)', async () => {
    const r = await post(t.url, body(presigned(victim, '/vault/secret.txt')));
    expect(r.status).toBe(403);
    expect(r.json.error.message).toContain('WARD_AUTHORIZE_TOKEN');
    expect(r.json.error.message).toContain('WARD_AUTHORIZE_ALLOW_LOOPBACK_WITHOUT_TOKEN');
  });
});

/** A non-loopback address of this machine, to reach Ward from other than 127.0.0.1. */
const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

describe('with the loopback opt-out and no token', () => {
  let t: TestWard;
  let victim: Credentials;
  beforeAll(async () => {
    t = await startTestWard({
      settings: {
        authorizeToken: undefined,
        authorizeAllowLoopbackWithoutToken: true,
        host: outsideAddress ? '0.0.0.0' : '127.0.0.1',
      },
    });
    victim = await userWithKey(t, 'victim', VICTIM_POLICY);
  });
  afterAll(() => t.close());
  const local = () => `http://127.0.0.1:${t.ward.port}`;

  it('answers a local caller with the decision only: no policy ARNs or Sids', async () => {
    const r = await post(
      local(),
      body(presigned(victim, '/team/report.txt'), { resource: 'arn:aws:s3:::team/report.txt' }),
    );
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      allowed: false,
      decision: 'ImplicitDeny',
      principal: { arn: `arn:aws:iam::${t.accountId}:user/victim` },
    });
    expect(r.json).not.toHaveProperty('matchedStatements');
  });

  it('lets a local caller assert neither sourceIp nor network keys', async () => {
    const request = presigned(victim, '/office/plan.txt');
    const ip = await post(
      local(),
      body(request, { resource: 'arn:aws:s3:::office/plan.txt', sourceIp: '198.51.100.7' }),
    );
    expect(ip.status).toBe(400);
    expect(ip.json.error.message).toBe('sourceIp may only be asserted by a caller with the /authorize token.');
    const vpc = await post(local(), body(request, { context: { 'aws:SourceVpc': 'vpc-1' } }));
    expect(vpc.status).toBe(400);
    expect(vpc.json.error.message).toContain('aws:SourceVpc');
  });

  it('refuses a request relayed by a local reverse proxy (403)', async () => {
    const r = await post(local(), body(presigned(victim, '/vault/secret.txt')), { 'x-forwarded-for': '203.0.113.50' });
    expect(r.status).toBe(403);
  });

  it.skipIf(!outsideAddress)('refuses a caller that is not on this host (403)', async () => {
    const r = await post(`http://${outsideAddress}:${t.ward.port}`, body(presigned(victim, '/vault/secret.txt')));
    expect(r.status).toBe(403);
    expect(r.json.error.message).toContain('only callers on this host');
  });
});
