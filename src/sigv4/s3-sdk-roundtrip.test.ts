/**
 * Cross-check with the real S3 client (@aws-sdk/client-s3, a test oracle only): what it sends over
 * HTTP, S3's verifier accepts, and the body decodes to what was uploaded.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyVerifier } from './payload.js';
import { parseS3Authorization } from './s3-auth.js';
import type { SignedRequestHead } from './types.js';
import { verifyS3Signature } from './verify-s3.js';
import { NodeSha256 } from './testing/node-sha256.js';

const KEYS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

interface Captured {
  head: SignedRequestHead;
  body: Buffer;
}

let server: Server;
let endpoint: string;
const captured: Captured[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const pairs: Array<[string, string]> = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) pairs.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
      captured.push({
        head: {
          method: req.method ?? 'GET',
          rawPath: Buffer.from(q < 0 ? url : url.slice(0, q), 'latin1').toString('utf8'),
          rawQuery: q < 0 ? '' : url.slice(q + 1),
          headers: pairs,
        },
        body: Buffer.concat(chunks),
      });
      const get = req.method === 'GET';
      res.writeHead(req.method === 'DELETE' ? 204 : 200, { etag: '"e"', 'content-length': get ? '5' : '0' });
      res.end(get ? 'hello' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function client(sessionToken?: string): S3Client {
  return new S3Client({
    region: 'eu-west-1',
    endpoint,
    forcePathStyle: true,
    credentials: { ...KEYS, sessionToken },
  });
}

/** Verifies the last captured request and streams its body through the plan's verifier in small pieces. */
function verifyLast(): { decoded: Buffer; trailers: ReadonlyArray<readonly [string, string]> } {
  const { head, body } = captured.at(-1)!;
  const auth = parseS3Authorization(head);
  const plan = verifyS3Signature(head, auth, KEYS.secretAccessKey, { now: new Date() });
  const verifier = bodyVerifier(plan);
  const out: Buffer[] = [];
  for (let i = 0; i < body.length; i += 1000) out.push(...verifier.push(body.subarray(i, i + 1000)));
  verifier.end();
  return { decoded: Buffer.concat(out), trailers: verifier.trailers };
}

describe('S3 SigV4 against @aws-sdk/client-s3 over HTTP', () => {
  it.each(['plain.txt', "a b/c+d~e!f(g)*h'i", 'ünïcödé/日本語', 'dir//double/./dot/../x', '%41%20'])(
    'PutObject and GetObject of key %j verify',
    async (key) => {
      const data = randomBytes(300);
      await client().send(new PutObjectCommand({ Bucket: 'bucket', Key: key, Body: data }));
      expect(verifyLast().decoded.equals(data)).toBe(true);
      await client().send(new GetObjectCommand({ Bucket: 'bucket', Key: key }));
      expect(verifyLast().decoded.length).toBe(0);
    },
  );

  it('a streamed upload (STREAMING-UNSIGNED-PAYLOAD-TRAILER with a CRC32 trailer) decodes', async () => {
    const data = randomBytes(150_000);
    await client().send(
      new PutObjectCommand({
        Bucket: 'bucket',
        Key: 'streamed',
        Body: Readable.from([data.subarray(0, 65_536), data.subarray(65_536, 131_072), data.subarray(131_072)]),
        ContentLength: data.length,
      }),
    );
    const sent = captured.at(-1)!.head.headers.find(([n]) => n.toLowerCase() === 'x-amz-content-sha256')?.[1];
    expect(sent).toBe('STREAMING-UNSIGNED-PAYLOAD-TRAILER');
    const { decoded, trailers } = verifyLast();
    expect(decoded.equals(data)).toBe(true);
    expect(trailers.map(([n]) => n)).toEqual(['x-amz-checksum-crc32']);
  });

  it('session credentials (signed x-amz-security-token), HeadObject and DeleteObject verify', async () => {
    await client('FwoGZXIvYXdzEXAMPLE/token+with=specials').send(new HeadObjectCommand({ Bucket: 'bucket', Key: 'k' }));
    const auth = parseS3Authorization(captured.at(-1)!.head);
    expect(auth.securityToken).toBe('FwoGZXIvYXdzEXAMPLE/token+with=specials');
    verifyLast();
    await client().send(new DeleteObjectCommand({ Bucket: 'bucket', Key: 'k', VersionId: 'v 1' }));
    verifyLast();
  });

  it("a body changed on the way fails the SDK's signed payload hash", async () => {
    await client().send(new PutObjectCommand({ Bucket: 'bucket', Key: 'k', Body: 'original' }));
    const last = captured.at(-1)!;
    last.body = Buffer.from('tampered');
    expect(() => verifyLast()).toThrow("The provided 'x-amz-content-sha256' header does not match what was computed.");
  });
});

describe("S3 presigned URLs from smithy's signer (as the S3 presigner configures it)", () => {
  const signer = new SignatureV4({
    credentials: { ...KEYS, sessionToken: 'tok/en+=' },
    region: 'us-west-2',
    service: 's3',
    sha256: NodeSha256,
    uriEscapePath: false,
    applyChecksum: false,
  });

  it.each([
    ['GET', '/bucket/my%20photo%2B1.jpg', {}],
    ['PUT', '/bucket/k%C3%BC', { 'x-amz-meta-a': 'b' }],
    ['GET', '/bucket/k', { 'response-content-disposition': 'attachment; filename="a b.txt"' }],
  ] as const)('%s %s verifies, and expires', async (method, path, query) => {
    const now = new Date();
    const request = new HttpRequest({
      method,
      protocol: 'https:',
      hostname: 'bucket.s3.us-west-2.amazonaws.com',
      path,
      query: Object.fromEntries(Object.entries(query).filter(([k]) => !k.startsWith('x-amz-'))),
      headers: {
        host: 'bucket.s3.us-west-2.amazonaws.com',
        // What @aws-sdk/s3-request-presigner sets: the signer hoists it into the query.
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
        ...Object.fromEntries(Object.entries(query).filter(([k]) => k.startsWith('x-amz-'))),
      },
    });
    const presigned = await signer.presign(request, { expiresIn: 600, signingDate: now });
    const rawQuery = Object.entries(presigned.query ?? {})
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
    const head: SignedRequestHead = {
      method,
      rawPath: path,
      rawQuery,
      headers: Object.entries(presigned.headers),
    };
    expect(rawQuery).toContain('x-amz-content-sha256=UNSIGNED-PAYLOAD');
    const auth = parseS3Authorization(head);
    expect(auth.kind).toBe('query');
    expect(verifyS3Signature(head, auth, KEYS.secretAccessKey, { now })).toEqual({ kind: 'unsigned' });
    expect(() =>
      verifyS3Signature(head, auth, KEYS.secretAccessKey, { now: new Date(now.getTime() + 601_000) }),
    ).toThrow('Request has expired');
  });
});
