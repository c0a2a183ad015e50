/**
 * Cross-check against the AWS SDK's own signer (@smithy/signature-v4, a test oracle only):
 * what the SDK signs, Ward verifies; what Ward's signer produces, the SDK produces too.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './canonical.js';
import { parseAuthorization } from './parse-authorization.js';
import { signRequest } from './sign.js';
import type { IncomingSignedRequest, ParsedAuthorization } from './types.js';
import { verifySignature } from './verify.js';

type Data = string | ArrayBuffer | ArrayBufferView;

function toBuffer(data: Data): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** node:crypto in the shape smithy's signer expects (hash, or HMAC when given a secret). */
class NodeSha256 {
  readonly #hash: Hash | Hmac;
  constructor(secret?: Data) {
    this.#hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(secret));
  }
  update(data: Data): void {
    this.#hash.update(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }
  reset(): void {}
}

const NOW = new Date('2024-05-01T10:20:30Z');
const KEYS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJH+token/with=specials';

function smithy(service: string, credentials: typeof KEYS & { sessionToken?: string }, applyChecksum = false) {
  return new SignatureV4({ credentials, region: 'us-east-1', service, sha256: NodeSha256, applyChecksum });
}

/** smithy keeps the query decoded; on the wire the SDK encodes it strictly (RFC 3986). */
function strict(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function onTheWire(req: HttpRequest): IncomingSignedRequest {
  const rawQuery = Object.entries(req.query)
    .flatMap(([k, v]) =>
      (Array.isArray(v) ? v : [v]).map((x) => (x === null ? strict(k) : `${strict(k)}=${strict(x)}`)),
    )
    .join('&');
  const body = typeof req.body === 'string' ? req.body : '';
  return {
    method: req.method,
    rawPath: req.path,
    rawQuery,
    headers: Object.entries(req.headers),
    payloadSha256Hex: sha256Hex(body),
  };
}

function authOf(req: IncomingSignedRequest): ParsedAuthorization {
  const result = parseAuthorization(req);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.auth;
}

function iamPost(body = 'Action=ListUsers&Version=2010-05-08', path = '/'): HttpRequest {
  return new HttpRequest({
    method: 'POST',
    protocol: 'https:',
    hostname: 'iam.amazonaws.com',
    path,
    headers: {
      host: 'iam.amazonaws.com',
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
  });
}

describe('@smithy/signature-v4 signs, Ward verifies', () => {
  it.each([
    ['long-term keys', KEYS, false],
    ['session credentials', { ...KEYS, sessionToken: TOKEN }, false],
    ['x-amz-content-sha256 signed', KEYS, true],
  ] as const)('IAM POST with %s', async (_label, credentials, applyChecksum) => {
    const signed = await smithy('iam', credentials, applyChecksum).sign(iamPost(), { signingDate: NOW });
    const req = onTheWire(signed as HttpRequest);
    const auth = authOf(req);
    expect(auth).toMatchObject({ kind: 'header', accessKeyId: KEYS.accessKeyId, region: 'us-east-1', service: 'iam' });
    expect(auth.securityToken).toBe('sessionToken' in credentials ? TOKEN : undefined);
    expect(verifySignature(req, auth, KEYS.secretAccessKey, { now: NOW })).toEqual({ ok: true });

    const tampered = { ...req, payloadSha256Hex: sha256Hex('Action=DeleteUser&Version=2010-05-08') };
    expect(verifySignature(tampered, authOf(tampered), KEYS.secretAccessKey, { now: NOW })).toMatchObject({
      ok: false,
      code: 'SignatureDoesNotMatch',
    });
  });

  it('double-encodes an already-encoded path exactly as the SDK does', async () => {
    const signed = await smithy('iam', KEYS).sign(iamPost(undefined, '/a%20b/%E1%88%B4/./c'), { signingDate: NOW });
    const req = onTheWire(signed as HttpRequest);
    expect(verifySignature(req, authOf(req), KEYS.secretAccessKey, { now: NOW })).toEqual({ ok: true });
  });

  it('verifies an STS presigned GetCallerIdentity URL with a session token', async () => {
    const request = new HttpRequest({
      method: 'GET',
      protocol: 'https:',
      hostname: 'sts.amazonaws.com',
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15', 'odd key': "va/l+u e*(')" },
      headers: { host: 'sts.amazonaws.com', 'x-k8s-aws-id': 'my-cluster' },
    });
    const presigned = await smithy('sts', { ...KEYS, sessionToken: TOKEN }).presign(request, {
      signingDate: NOW,
      expiresIn: 60,
    });
    const req = onTheWire(presigned as HttpRequest);
    const auth = authOf(req);
    expect(auth).toMatchObject({ kind: 'query', service: 'sts', expiresSeconds: 60, securityToken: TOKEN });
    expect(auth.signedHeaders).toEqual(['host', 'x-k8s-aws-id']);
    expect(verifySignature(req, auth, KEYS.secretAccessKey, { now: NOW })).toEqual({ ok: true });
    expect(verifySignature(req, auth, 'wrong', { now: NOW })).toMatchObject({ code: 'SignatureDoesNotMatch' });
  });
});

describe("Ward's signer agrees with @smithy/signature-v4", () => {
  it.each([
    ['header', undefined],
    ['header', TOKEN],
    ['query', TOKEN],
  ] as const)('%s mode (token: %s)', async (mode, sessionToken) => {
    const credentials = sessionToken ? { ...KEYS, sessionToken } : KEYS;
    const body = mode === 'header' ? 'Action=GetUser&Version=2010-05-08&UserName=a%20b' : '';
    const ours = signRequest({
      method: mode === 'header' ? 'POST' : 'GET',
      url: `https://iam.amazonaws.com/some%20path/${mode === 'query' ? '?Action=ListUsers&Version=2010-05-08' : ''}`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
      credentials,
      region: 'us-east-1',
      service: 'iam',
      date: NOW,
      mode,
      expiresSeconds: 300,
    });
    const request = new HttpRequest({
      method: ours.method,
      protocol: 'https:',
      hostname: 'iam.amazonaws.com',
      path: '/some%20path/',
      query: mode === 'query' ? { Action: 'ListUsers', Version: '2010-05-08' } : {},
      headers: { host: 'iam.amazonaws.com', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
    });
    const sdk = smithy('iam', credentials);
    if (mode === 'header') {
      const theirs = await sdk.sign(request, { signingDate: NOW });
      expect(ours.authorization).toBe(theirs.headers.authorization);
    } else {
      const theirs = await sdk.presign(request, { signingDate: NOW, expiresIn: 300 });
      expect(ours.signature).toBe(theirs.query?.['X-Amz-Signature']);
    }
    const req: IncomingSignedRequest = {
      method: ours.method,
      rawPath: ours.path,
      rawQuery: ours.query,
      headers: ours.headers,
      payloadSha256Hex: sha256Hex(body),
    };
    expect(verifySignature(req, authOf(req), KEYS.secretAccessKey, { now: NOW })).toEqual({ ok: true });
  });
});
