import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { detectS3Auth } from './s3-auth.js';
import { S3Error } from './s3-errors.js';
import { parseSigV2, sigV2StringToSign, verifySigV2, type VerifySigV2Options } from './sigv2.js';
import type { SignedRequestHead } from './types.js';

const AKID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function request(method: string, target: string, headers: Array<[string, string]>): SignedRequestHead {
  const q = target.indexOf('?');
  return { method, rawPath: q < 0 ? target : target.slice(0, q), rawQuery: q < 0 ? '' : target.slice(q + 1), headers };
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

function check(req: SignedRequestHead, opts: VerifySigV2Options): string {
  expect(detectS3Auth(req)).toBe('sigv2');
  const auth = parseSigV2(req);
  verifySigV2(req, auth, SECRET, opts);
  return sigV2StringToSign(req, auth, opts.bucket);
}

// "Authenticating Requests (AWS Signature Version 2)", S3 user guide: its examples whose published
// signature matches its published StringToSign.
describe("SigV2: the S3 documentation's examples", () => {
  it.each([
    {
      name: 'Object GET (virtual-hosted)',
      req: request('GET', '/photos/puppy.jpg', [
        ['Host', 'awsexamplebucket1.us-west-1.s3.amazonaws.com'],
        ['Date', 'Tue, 27 Mar 2007 19:36:42 +0000'],
        ['Authorization', `AWS ${AKID}:qgk2+6Sv9/oM7G3qLEjTH1a1l1g=`],
      ]),
      bucket: 'awsexamplebucket1',
      sts: 'GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/awsexamplebucket1/photos/puppy.jpg',
    },
    {
      name: 'Object PUT',
      req: request('PUT', '/photos/puppy.jpg', [
        ['Content-Type', 'image/jpeg'],
        ['Content-Length', '94328'],
        ['Host', 'awsexamplebucket1.s3.us-west-1.amazonaws.com'],
        ['Date', 'Tue, 27 Mar 2007 21:15:45 +0000'],
        ['Authorization', `AWS ${AKID}:iqRzw+ileNPu1fhspnRs8nOjjIA=`],
      ]),
      bucket: 'awsexamplebucket1',
      sts: 'PUT\n\nimage/jpeg\nTue, 27 Mar 2007 21:15:45 +0000\n/awsexamplebucket1/photos/puppy.jpg',
    },
    {
      name: 'List (parameters that are not sub-resources are not signed)',
      req: request('GET', '/?prefix=photos&max-keys=50&marker=puppy', [
        ['User-Agent', 'Mozilla/5.0'],
        ['Host', 'awsexamplebucket1.s3.us-west-1.amazonaws.com'],
        ['Date', 'Tue, 27 Mar 2007 19:42:41 +0000'],
        ['Authorization', `AWS ${AKID}:m0WP8eCtspQl5Ahe6L1SozdX9YA=`],
      ]),
      bucket: 'awsexamplebucket1',
      sts: 'GET\n\n\nTue, 27 Mar 2007 19:42:41 +0000\n/awsexamplebucket1/',
    },
    {
      name: 'Fetch (the acl sub-resource)',
      req: request('GET', '/?acl', [
        ['Host', 'awsexamplebucket1.s3.us-west-1.amazonaws.com'],
        ['Date', 'Tue, 27 Mar 2007 19:44:46 +0000'],
        ['Authorization', `AWS ${AKID}:82ZHiFIjc+WbcwFKGUVEQspPn+0=`],
      ]),
      bucket: 'awsexamplebucket1',
      sts: 'GET\n\n\nTue, 27 Mar 2007 19:44:46 +0000\n/awsexamplebucket1/?acl',
    },
    {
      name: 'Upload (Content-MD5, x-amz-* headers merged and sorted, CNAME bucket)',
      req: request('PUT', '/db-backup.dat.gz', [
        ['User-Agent', 'curl/7.15.5'],
        ['Host', 'static.example.com:8080'],
        ['Date', 'Tue, 27 Mar 2007 21:06:08 +0000'],
        ['x-amz-acl', 'public-read'],
        ['content-type', 'application/x-download'],
        ['Content-MD5', '4gJE4saaMU4BqNR0kLY+lw=='],
        ['X-Amz-Meta-ReviewedBy', 'joe@example.com'],
        ['X-Amz-Meta-ReviewedBy', 'jane@example.com'],
        ['X-Amz-Meta-FileChecksum', '0x02661779'],
        ['X-Amz-Meta-ChecksumAlgorithm', 'crc32'],
        ['Content-Disposition', 'attachment; filename=database.dat'],
        ['Content-Encoding', 'gzip'],
        ['Content-Length', '5913339'],
        // The page prints dKZcB+bz2EPXgSdXZp9ozGeOM4I= here, which matches no reading of its own
        // StringToSign; this is the HMAC of that StringToSign.
        ['Authorization', `AWS ${AKID}:jtBQa0Aq+DkULFI8qrpwIjGEx0E=`],
      ]),
      bucket: 'static.example.com',
      sts:
        'PUT\n4gJE4saaMU4BqNR0kLY+lw==\napplication/x-download\nTue, 27 Mar 2007 21:06:08 +0000\n' +
        'x-amz-acl:public-read\nx-amz-meta-checksumalgorithm:crc32\nx-amz-meta-filechecksum:0x02661779\n' +
        'x-amz-meta-reviewedby:joe@example.com,jane@example.com\n/static.example.com/db-backup.dat.gz',
    },
    {
      name: 'List all my buckets',
      req: request('GET', '/', [
        ['Host', 's3.us-west-1.amazonaws.com'],
        ['Date', 'Wed, 28 Mar 2007 01:29:59 +0000'],
        ['Authorization', `AWS ${AKID}:qGdzdERIC03wnaRNKh6OqZehG9s=`],
      ]),
      bucket: undefined,
      sts: 'GET\n\n\nWed, 28 Mar 2007 01:29:59 +0000\n/',
    },
    {
      name: 'Unicode keys (the path exactly as sent)',
      req: request('GET', '/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re', [
        ['Host', 's3.us-west-1.amazonaws.com'],
        ['Date', 'Wed, 28 Mar 2007 01:49:49 +0000'],
        ['Authorization', `AWS ${AKID}:DNEZGsoieTZ92F3bUfSPQcbGmlM=`],
      ]),
      bucket: undefined,
      sts: 'GET\n\n\nWed, 28 Mar 2007 01:49:49 +0000\n/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re',
    },
  ])('$name', ({ req, bucket, sts }) => {
    const date = req.headers.find(([n]) => n === 'Date')![1];
    expect(check(req, { now: new Date(Date.parse(date) + 60_000), bucket })).toBe(sts);
  });

  it('query string authentication (presigned), then "Request has expired"', () => {
    const req = request(
      'GET',
      '/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D&Expires=1175139620',
      [['Host', 'johnsmith.s3.amazonaws.com']],
    );
    expect(check(req, { now: new Date(1175139620_000), bucket: 'johnsmith' })).toBe(
      'GET\n\n\n1175139620\n/johnsmith/photos/puppy.jpg',
    );
    const expired = s3Error(() =>
      verifySigV2(req, parseSigV2(req), SECRET, { now: new Date(1175139621_000), bucket: 'johnsmith' }),
    );
    expect([expired.code, expired.message, expired.status]).toEqual(['AccessDenied', 'Request has expired', 403]);
    expect(expired.details).toEqual([
      ['Expires', '2007-03-29T03:40:20Z'],
      ['ServerTime', '2007-03-29T03:40:21Z'],
    ]);
  });
});

describe('SigV2: attacks and S3 errors', () => {
  const now = new Date(Date.parse('Tue, 27 Mar 2007 19:36:42 +0000'));
  const get = request('GET', '/photos/puppy.jpg', [
    ['Host', 'awsexamplebucket1.us-west-1.s3.amazonaws.com'],
    ['Date', 'Tue, 27 Mar 2007 19:36:42 +0000'],
    ['Authorization', `AWS ${AKID}:qgk2+6Sv9/oM7G3qLEjTH1a1l1g=`],
  ]);

  it('a signature for one bucket does not verify for another bucket', () => {
    const error = s3Error(() => verifySigV2(get, parseSigV2(get), SECRET, { now, bucket: 'otherbucket' }));
    expect([error.code, error.status]).toEqual(['SignatureDoesNotMatch', 403]);
    expect(error.message).toBe(
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
    expect(new Map(error.details).get('StringToSign')).toBe(
      'GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/otherbucket/photos/puppy.jpg',
    );
    expect(new Map(error.details).get('AWSAccessKeyId')).toBe(AKID);
  });

  it('an added sub-resource, another key or another secret fails', () => {
    const acl = request('GET', '/photos/puppy.jpg?acl', get.headers as Array<[string, string]>);
    expect(s3Error(() => verifySigV2(acl, parseSigV2(acl), SECRET, { now, bucket: 'awsexamplebucket1' })).code).toBe(
      'SignatureDoesNotMatch',
    );
    const other = request('GET', '/photos/kitten.jpg', get.headers as Array<[string, string]>);
    expect(
      s3Error(() => verifySigV2(other, parseSigV2(other), SECRET, { now, bucket: 'awsexamplebucket1' })).code,
    ).toBe('SignatureDoesNotMatch');
    expect(
      s3Error(() => verifySigV2(get, parseSigV2(get), `${SECRET}x`, { now, bucket: 'awsexamplebucket1' })).code,
    ).toBe('SignatureDoesNotMatch');
  });

  it('refuses a request more than 15 minutes off, or with no usable date', () => {
    const skewed = s3Error(() =>
      verifySigV2(get, parseSigV2(get), SECRET, {
        now: new Date(now.getTime() + 901_000),
        bucket: 'awsexamplebucket1',
      }),
    );
    expect(skewed.code).toBe('RequestTimeTooSkewed');
    const undated = request('GET', '/p', [['Authorization', `AWS ${AKID}:qgk2+6Sv9/oM7G3qLEjTH1a1l1g=`]]);
    expect(s3Error(() => verifySigV2(undated, parseSigV2(undated), SECRET, { now })).message).toBe(
      'AWS authentication requires a valid Date or x-amz-date header',
    );
  });

  it('malformed authentication gets S3 answers', () => {
    expect(s3Error(() => parseSigV2(request('GET', '/', [['Authorization', `AWS ${AKID}`]]))).code).toBe(
      'InvalidArgument',
    );
    expect(s3Error(() => parseSigV2(request('GET', '/?AWSAccessKeyId=A&Expires=1', []))).message).toBe(
      'Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters',
    );
    expect(s3Error(() => detectS3Auth(request('GET', '/?Signature=x', [['Authorization', 'AWS a:b']]))).code).toBe(
      'InvalidArgument',
    );
  });
});

/** Runs python3 with botocore; the signers sign at the current time. */
function botocore(script: string): unknown {
  const run = spawnSync('python3', ['-c', script], { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as unknown;
}

interface Signed {
  method: string;
  url: string;
  headers: Array<[string, string]>;
}

function fromUrl(s: Signed): SignedRequestHead {
  const url = new URL(s.url);
  const target = s.url.slice(s.url.indexOf('/', url.protocol.length + 2));
  return request(s.method, target, [['Host', url.host], ...s.headers]);
}

describe('SigV2 against botocore (HmacV1Auth, HmacV1QueryAuth) and the aws CLI v1', () => {
  const PREAMBLE = `
import json
from botocore.auth import HmacV1Auth, HmacV1QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
def sign(auth, method, url, headers={}, auth_path=None, drop_date=False):
    r = AWSRequest(method=method, url=url, headers=headers)
    r.auth_path = auth_path
    auth.add_auth(r)
    h = [(k, v) for k, v in r.headers.items() if not (drop_date and k == 'Date')]
    return {'method': method, 'url': r.url, 'headers': h}
`;

  it('header-signed requests: path-style, virtual-hosted, sub-resources, x-amz headers, session token', () => {
    const signed = botocore(
      PREAMBLE +
        `
c = Credentials('${AKID}', '${SECRET}')
t = Credentials('ASIAEXAMPLE', '${SECRET}', 'FwoG/token+==')
print(json.dumps([
  sign(HmacV1Auth(c), 'GET', 'http://127.0.0.1:4599/bucket/my%20key%2B1.txt'),
  sign(HmacV1Auth(c), 'PUT', 'https://bucket.s3.amazonaws.com/a/b.txt?acl', {'Content-Type': 'text/plain', 'x-amz-acl': 'private', 'X-Amz-Meta-A': ' v  '}, '/bucket/a/b.txt'),
  sign(HmacV1Auth(c), 'GET', 'http://127.0.0.1:4599/bucket/k?versionId=3%2F4&response-content-type=text%2Fplain&prefix=x'),
  sign(HmacV1Auth(t), 'DELETE', 'http://127.0.0.1:4599/bucket/k?uploadId=u1'),
]))`,
    ) as Signed[];
    const buckets = [undefined, 'bucket', undefined, undefined];
    signed.forEach((s, i) => check(fromUrl(s), { now: new Date(), bucket: buckets[i] }));
    expect(parseSigV2(fromUrl(signed[3]!)).securityToken).toBe('FwoG/token+==');
  });

  it('presigned URLs (HmacV1QueryAuth), a session token in the query, and expiry', () => {
    const signed = botocore(
      PREAMBLE +
        `
c = Credentials('${AKID}', '${SECRET}', 'FwoG/token+==')
print(json.dumps([
  sign(HmacV1QueryAuth(c, 600), 'GET', 'https://bucket.s3.amazonaws.com/k%20%C3%BC', {}, '/bucket/k%20%C3%BC', True),
  sign(HmacV1QueryAuth(c, 600), 'PUT', 'http://127.0.0.1:4599/bucket/up?partNumber=2&uploadId=x', {'Content-Type': 'text/plain'}, None, True),
]))`,
    ) as Signed[];
    const virtual = fromUrl(signed[0]!);
    check(virtual, { now: new Date(), bucket: 'bucket' });
    expect(parseSigV2(virtual).securityToken).toBe('FwoG/token+==');
    check(fromUrl(signed[1]!), { now: new Date() });
    expect(
      s3Error(() =>
        verifySigV2(virtual, parseSigV2(virtual), SECRET, { now: new Date(Date.now() + 700_000), bucket: 'bucket' }),
      ).message,
    ).toBe('Request has expired');
  });

  it('`aws s3 presign` of the aws CLI v1 (SigV2 by default) verifies, and not for another bucket', () => {
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: AKID,
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_SESSION_TOKEN: 'cli/token',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    };
    const run = spawnSync(
      'aws',
      [
        's3',
        'presign',
        's3://my-bucket/dir/file name+1.txt',
        '--endpoint-url',
        'http://127.0.0.1:4599',
        '--expires-in',
        '300',
      ],
      { encoding: 'utf8', env, timeout: 60_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const url = run.stdout.trim();
    expect(url).toContain('AWSAccessKeyId=');
    const req = fromUrl({ method: 'GET', url, headers: [] });
    check(req, { now: new Date() });
    const moved = request('GET', req.rawPath.replace('/my-bucket/', '/other-bucket/') + '?' + req.rawQuery, []);
    expect(s3Error(() => verifySigV2(moved, parseSigV2(moved), SECRET, { now: new Date() })).code).toBe(
      'SignatureDoesNotMatch',
    );
  });
});
