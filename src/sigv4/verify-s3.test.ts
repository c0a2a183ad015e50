import { describe, expect, it } from 'vitest';
import { bodyVerifier } from './payload.js';
import { parseS3Authorization } from './s3-auth.js';
import { S3Error } from './s3-errors.js';
import { SigningKeyCache } from './signing-key.js';
import type { SignedRequestHead } from './types.js';
import { verifyS3Signature, type VerifyS3Options } from './verify-s3.js';

// The examples of the S3 API reference ("Signature Calculations for the Authorization Header: Transferring
// Payload in a Single Chunk", "… in Multiple Chunks", "Query String Authentication").
const AKID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const AT = new Date('2013-05-24T00:05:00Z');
const HOST = 'examplebucket.s3.amazonaws.com';

function head(method: string, target: string, headers: Array<[string, string]>): SignedRequestHead {
  const q = target.indexOf('?');
  return {
    method,
    rawPath: q < 0 ? target : target.slice(0, q),
    rawQuery: q < 0 ? '' : target.slice(q + 1),
    headers,
  };
}

function authorization(signedHeaders: string, signature: string): [string, string] {
  return [
    'Authorization',
    `AWS4-HMAC-SHA256 Credential=${AKID}/20130524/us-east-1/s3/aws4_request,SignedHeaders=${signedHeaders},Signature=${signature}`,
  ];
}

function verify(req: SignedRequestHead, opts: Partial<VerifyS3Options> = {}) {
  return verifyS3Signature(req, parseS3Authorization(req), SECRET, { now: AT, ...opts });
}

function s3Error(fn: () => unknown): S3Error {
  try {
    fn();
  } catch (e) {
    if (e instanceof S3Error) return e;
    throw e;
  }
  throw new Error('expected an S3Error');
}

const GET_OBJECT = head('GET', '/test.txt', [
  ['Host', HOST],
  ['Range', 'bytes=0-9'],
  ['x-amz-content-sha256', EMPTY],
  ['x-amz-date', '20130524T000000Z'],
  authorization(
    'host;range;x-amz-content-sha256;x-amz-date',
    'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  ),
]);

describe("S3 SigV4: AWS's examples", () => {
  it('GET Object (signed empty payload hash): the plan checks the body hash', () => {
    expect(verify(GET_OBJECT)).toEqual({ kind: 'sha256', sha256Hex: EMPTY });
  });

  it('PUT Object: the path is encoded once ($ as %24), the payload hash is the header', () => {
    const req = head('PUT', '/test%24file.text', [
      ['Host', HOST],
      ['Date', 'Fri, 24 May 2013 00:00:00 GMT'],
      ['x-amz-date', '20130524T000000Z'],
      ['x-amz-storage-class', 'REDUCED_REDUNDANCY'],
      ['x-amz-content-sha256', '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072'],
      authorization(
        'date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class',
        '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
      ),
    ]);
    const plan = verify(req);
    const body = bodyVerifier(plan);
    body.push(Buffer.from('Welcome to Amazon S3.'));
    expect(() => body.end()).not.toThrow();
    const wrong = bodyVerifier(plan);
    wrong.push(Buffer.from('Welcome to Amazon S4.'));
    const error = s3Error(() => wrong.end());
    expect(error.code).toBe('XAmzContentSHA256Mismatch');
    expect(error.message).toBe("The provided 'x-amz-content-sha256' header does not match what was computed.");
    expect(error.details[0]).toEqual([
      'ClientComputedContentSHA256',
      '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
    ]);
  });

  it('GET Bucket lifecycle and list objects: sub-resources and parameters in the canonical query', () => {
    const base: Array<[string, string]> = [
      ['Host', HOST],
      ['x-amz-date', '20130524T000000Z'],
      ['x-amz-content-sha256', EMPTY],
    ];
    const lifecycle = head('GET', '/?lifecycle', [
      ...base,
      authorization(
        'host;x-amz-content-sha256;x-amz-date',
        'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
      ),
    ]);
    expect(verify(lifecycle).kind).toBe('sha256');
    const list = head('GET', '/?max-keys=2&prefix=J', [
      ...base,
      authorization(
        'host;x-amz-content-sha256;x-amz-date',
        '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
      ),
    ]);
    expect(verify(list).kind).toBe('sha256');
  });

  it('a presigned GET (UNSIGNED-PAYLOAD) is good for X-Amz-Expires seconds, then "Request has expired"', () => {
    const req = head(
      'GET',
      '/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
      [['Host', HOST]],
    );
    expect(verify(req, { now: new Date('2013-05-24T23:59:59Z') })).toEqual({ kind: 'unsigned' });
    const expired = s3Error(() => verify(req, { now: new Date('2013-05-25T00:00:01Z') }));
    expect([expired.code, expired.message, expired.status]).toEqual(['AccessDenied', 'Request has expired', 403]);
    expect(expired.details).toEqual([
      ['X-Amz-Expires', '86400'],
      ['Expires', '2013-05-25T00:00:00Z'],
      ['ServerTime', '2013-05-25T00:00:01Z'],
    ]);
  });

  it('the chunked-upload request yields the seed the documented chunks chain from', () => {
    const req = head('PUT', '/examplebucket/chunkObject.txt', [
      ['Host', 's3.amazonaws.com'],
      ['x-amz-date', '20130524T000000Z'],
      ['x-amz-storage-class', 'REDUCED_REDUNDANCY'],
      authorization(
        'content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class',
        '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9',
      ),
      ['x-amz-content-sha256', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD'],
      ['Content-Encoding', 'aws-chunked'],
      ['x-amz-decoded-content-length', '66560'],
      ['Content-Length', '66824'],
    ]);
    const plan = verify(req, { cache: new SigningKeyCache() });
    if (plan.kind !== 'aws-chunked') throw new Error(plan.kind);
    expect(plan.payload).toBe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD');
    expect(plan.decodedContentLength).toBe(66_560);
    expect(plan.signing?.seedSignature).toBe('4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9');
    expect(plan.signing?.scope).toBe('20130524/us-east-1/s3/aws4_request');
    const body = bodyVerifier(plan);
    const chunk = (size: string, sig: string, data: Buffer): Buffer[] => [
      Buffer.from(`${size};chunk-signature=${sig}\r\n`),
      data,
      Buffer.from('\r\n'),
    ];
    const wire = Buffer.concat([
      ...chunk('10000', 'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648', Buffer.alloc(65_536, 'a')),
      ...chunk('400', '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497', Buffer.alloc(1024, 'a')),
      ...chunk('0', 'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9', Buffer.alloc(0)),
    ]);
    expect(Buffer.concat(body.push(wire)).length).toBe(66_560);
    body.end();
  });

  it('the trailer example yields its seed and x-amz-trailer', () => {
    const req = head('PUT', '/examplebucket/chunkObject.txt', [
      ['Host', 's3.amazonaws.com'],
      ['x-amz-date', '20130524T000000Z'],
      ['x-amz-storage-class', 'REDUCED_REDUNDANCY'],
      authorization(
        'content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer',
        '106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e',
      ),
      ['x-amz-content-sha256', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER'],
      ['Content-Encoding', 'aws-chunked'],
      ['x-amz-decoded-content-length', '66560'],
      ['x-amz-trailer', 'x-amz-checksum-crc32c'],
    ]);
    const plan = verify(req);
    expect(plan).toMatchObject({ kind: 'aws-chunked', trailer: 'x-amz-checksum-crc32c' });
  });
});

describe('S3 SigV4: what S3 refuses, in its words', () => {
  it('a tampered request: SignatureDoesNotMatch with the string to sign and canonical request', () => {
    const tampered = head('GET', '/test2.txt', GET_OBJECT.headers as Array<[string, string]>);
    const error = s3Error(() => verify(tampered));
    expect([error.code, error.status]).toEqual(['SignatureDoesNotMatch', 403]);
    expect(error.message).toBe(
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
    const details = new Map(error.details);
    expect(details.get('AWSAccessKeyId')).toBe(AKID);
    expect(details.get('CanonicalRequest')).toContain('GET\n/test2.txt\n\nhost:examplebucket.s3.amazonaws.com\n');
    expect(details.get('StringToSignBytes')).toMatch(/^41 57 53 34 /);
  });

  it('S3 does not normalize the path: /a/../test.txt is not /test.txt', () => {
    expect(
      s3Error(() => verify(head('GET', '/x/../test.txt', GET_OBJECT.headers as Array<[string, string]>))).code,
    ).toBe('SignatureDoesNotMatch');
  });

  it('header auth needs a valid x-amz-content-sha256', () => {
    const without = GET_OBJECT.headers.filter(([n]) => n !== 'x-amz-content-sha256') as Array<[string, string]>;
    const missing = s3Error(() => verify(head('GET', '/test.txt', without)));
    expect([missing.code, missing.message]).toEqual([
      'InvalidRequest',
      'Missing required header for this request: x-amz-content-sha256',
    ]);
    const bad = GET_OBJECT.headers.map(([n, v]) => [n, n === 'x-amz-content-sha256' ? 'nope' : v] as [string, string]);
    const invalid = s3Error(() => verify(head('GET', '/test.txt', bad)));
    expect(invalid.code).toBe('InvalidArgument');
    expect(invalid.details).toEqual([
      ['ArgumentName', 'x-amz-content-sha256'],
      ['ArgumentValue', 'nope'],
    ]);
  });

  it('outside 15 minutes: RequestTimeTooSkewed', () => {
    const error = s3Error(() => verify(GET_OBJECT, { now: new Date('2013-05-24T00:15:01Z') }));
    expect([error.code, error.message, error.status]).toEqual([
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
      403,
    ]);
    expect(error.details).toContainEqual(['MaxAllowedSkewMilliseconds', '900000']);
  });

  it('unsigned x-amz-* headers: AccessDenied listing them all', () => {
    const req = head('GET', '/test.txt', [
      ...(GET_OBJECT.headers as Array<[string, string]>),
      ['x-amz-meta-wrong', '1'],
      ['X-Amz-Acl', 'private'],
    ]);
    const error = s3Error(() => parseS3Authorization(req));
    expect([error.code, error.message]).toEqual([
      'AccessDenied',
      'There were headers present in the request which were not signed',
    ]);
    expect(error.details).toEqual([['HeadersNotSigned', 'x-amz-acl, x-amz-meta-wrong']]);
  });

  it('presigned URLs need X-Amz-Expires, at most a week', () => {
    const base =
      '/t?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
    const missing = s3Error(() => parseS3Authorization(head('GET', base, [['Host', HOST]])));
    expect(missing.code).toBe('AuthorizationQueryParametersError');
    expect(missing.message).toContain(
      'requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires',
    );
    const long = s3Error(() => parseS3Authorization(head('GET', `${base}&X-Amz-Expires=604801`, [['Host', HOST]])));
    expect(long.message).toBe(
      'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
    );
  });

  it('streaming payloads: only where the operation takes a body, with a decoded length, never presigned', () => {
    const streaming = (extra: Array<[string, string]>): SignedRequestHead =>
      head('PUT', '/k', [
        ['Host', HOST],
        ['x-amz-date', '20130524T000000Z'],
        ['x-amz-content-sha256', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD'],
        ...extra,
        authorization(
          'host;x-amz-content-sha256;x-amz-date' + (extra.length ? ';x-amz-decoded-content-length' : ''),
          '0'.repeat(64),
        ),
      ]);
    expect(s3Error(() => verify(streaming([]), { allowStreaming: false })).message).toBe(
      'The value of x-amz-content-sha256 header is invalid.',
    );
    expect(
      s3Error(() => verify(streaming([['x-amz-decoded-content-length', '5']]), { allowStreaming: false })).code,
    ).toBe('InvalidRequest');
  });
});
