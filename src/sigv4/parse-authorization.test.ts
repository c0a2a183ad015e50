import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseAuthorization } from './parse-authorization.js';
import type { IncomingSignedRequest } from './types.js';

const EMPTY_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SIG = '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31';
const GOOD_AUTH = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIG}`;

function request(headers: Array<[string, string]>, rawQuery = ''): IncomingSignedRequest {
  return { method: 'POST', rawPath: '/', rawQuery, headers, payloadSha256Hex: EMPTY_HASH };
}

function withAuth(authorization: string, extra: Array<[string, string]> = [['X-Amz-Date', '20150830T123600Z']]) {
  return request([['Host', 'iam.amazonaws.com'], ...extra, ['Authorization', authorization]]);
}

function failure(req: IncomingSignedRequest) {
  const result = parseAuthorization(req);
  if (result.ok) throw new Error('expected a failure');
  return result;
}

const PRESIGN_BASE: Record<string, string> = {
  'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
  'X-Amz-Credential': 'AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fsts%2Faws4_request',
  'X-Amz-Date': '20150830T123600Z',
  'X-Amz-Expires': '900',
  'X-Amz-SignedHeaders': 'host',
  'X-Amz-Signature': SIG,
};

function presigned(overrides: Record<string, string | undefined> = {}): IncomingSignedRequest {
  const params = { ...PRESIGN_BASE, ...overrides };
  const query = Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return {
    ...request([['Host', 'sts.amazonaws.com']], `Action=GetCallerIdentity&Version=2011-06-15&${query}`),
    method: 'GET',
  };
}

describe('parseAuthorization: header auth', () => {
  it('reads unusual spacing, order and repeats exactly as the standard form', () => {
    const standard = parseAuthorization(withAuth(GOOD_AUTH));
    const credential = 'Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request';
    for (const variant of [
      `  AWS4-HMAC-SHA256   ${credential} ,SignedHeaders=host;x-amz-date,  Signature=${SIG}  `,
      `AWS4-HMAC-SHA256 Signature=${SIG}, SignedHeaders=host;x-amz-date, ${credential}`,
      `AWS4-HMAC-SHA256 ${credential}, SignedHeaders=host;x-amz-date, Signature=${SIG}, Signature=other`,
      `AWS4-HMAC-SHA256\t${credential},SignedHeaders= host;x-amz-date ,Signature=${SIG}`,
    ]) {
      expect(parseAuthorization(withAuth(variant))).toEqual(standard);
    }
  });

  it('leaves a comma inside a value to the general parser', () => {
    const result = parseAuthorization(
      withAuth(GOOD_AUTH.replace('SignedHeaders=host;x-amz-date', 'SignedHeaders=host,x-amz-date')),
    );
    expect(result).toMatchObject({ ok: false, code: 'IncompleteSignature' });
  });
  it('parses a well-formed Authorization header', () => {
    const result = parseAuthorization(
      withAuth(GOOD_AUTH, [
        ['X-Amz-Date', '20150830T123600Z'],
        ['X-Amz-Security-Token', ' tok '],
      ]),
    );
    expect(result).toEqual({
      ok: true,
      auth: {
        kind: 'header',
        accessKeyId: 'AKIDEXAMPLE',
        scopeDate: '20150830',
        region: 'us-east-1',
        service: 'iam',
        signedHeaders: ['host', 'x-amz-date'],
        signature: SIG,
        amzDate: '20150830T123600Z',
        securityToken: 'tok',
      },
    });
  });

  it('reports a request without any authentication as MissingAuthenticationToken', () => {
    expect(failure(request([['Host', 'iam.amazonaws.com']], 'Action=ListUsers'))).toEqual({
      ok: false,
      code: 'MissingAuthenticationToken',
      message: 'Request is missing Authentication Token',
      status: 403,
    });
  });

  it('lists every missing part, one sentence each, then echoes the header', () => {
    const f = failure(
      request([
        ['Host', 'iam.amazonaws.com'],
        ['Authorization', 'AWS4-HMAC-SHA256'],
      ]),
    );
    expect(f).toEqual({
      ok: false,
      code: 'IncompleteSignature',
      status: 400,
      message:
        "Authorization header requires 'Credential' parameter. " +
        "Authorization header requires 'Signature' parameter. " +
        "Authorization header requires 'SignedHeaders' parameter. " +
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
        'Authorization=AWS4-HMAC-SHA256',
    });
  });

  it.each([
    ['Credential', `AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=${SIG}`],
    ['Signature', 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=host'],
    ['SignedHeaders', `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, Signature=${SIG}`],
  ])("requires the '%s' parameter", (part, header) => {
    expect(failure(withAuth(header)).message).toBe(
      `Authorization header requires '${part}' parameter. Authorization=${header}`,
    );
  });

  it('requires X-Amz-Date or Date', () => {
    const f = failure(withAuth(GOOD_AUTH, []));
    expect(f.code).toBe('IncompleteSignature');
    expect(f.message).toBe(
      `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${GOOD_AUTH}`,
    );
  });

  it('accepts a Date header when X-Amz-Date is absent, and prefers X-Amz-Date', () => {
    const viaDate = parseAuthorization(withAuth(GOOD_AUTH, [['Date', 'Sun, 30 Aug 2015 12:36:00 GMT']]));
    expect(viaDate.ok && viaDate.auth.amzDate).toBe('20150830T123600Z');
    const both = parseAuthorization(
      withAuth(GOOD_AUTH, [
        ['Date', 'Mon, 31 Aug 2015 00:00:00 GMT'],
        ['x-amz-date', '20150830T123600Z'],
      ]),
    );
    expect(both.ok && both.auth.amzDate).toBe('20150830T123600Z');
  });

  it('rejects a malformed X-Amz-Date', () => {
    expect(failure(withAuth(GOOD_AUTH, [['X-Amz-Date', '2015-08-30T12:36:00Z']]))).toEqual({
      ok: false,
      code: 'IncompleteSignature',
      status: 400,
      message:
        "Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'. See http://en.wikipedia.org/wiki/ISO_8601",
    });
    expect(failure(withAuth(GOOD_AUTH, [['X-Amz-Date', '20150231T123600Z']])).code).toBe('IncompleteSignature');
  });

  it('rejects other algorithms', () => {
    expect(failure(withAuth(GOOD_AUTH.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA512'))).message).toBe(
      "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'",
    );
    expect(failure(withAuth('Bearer abc')).message).toBe("Unsupported AWS 'algorithm': 'Bearer'");
  });

  it('rejects a component without an equal sign, hashing rather than echoing the header', () => {
    const header = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders, Signature=${SIG}`;
    const digest = createHash('sha256').update(header).digest('base64');
    expect(failure(withAuth(header)).message).toBe(
      `Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '${digest}'.`,
    );
  });

  it('rejects a credential that is not five slash-delimited elements', () => {
    const header = GOOD_AUTH.replace('/us-east-1/iam/', '/us-east-1/');
    expect(failure(withAuth(header))).toMatchObject({
      code: 'IncompleteSignature',
      status: 400,
      message:
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIDEXAMPLE/20150830/us-east-1/aws4_request'",
    });
  });

  it('rejects a scope with the wrong terminator or no region', () => {
    expect(failure(withAuth(GOOD_AUTH.replace('/aws4_request', '/aws4_requests'))).message).toBe(
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4_requests'. ",
    );
    expect(failure(withAuth(GOOD_AUTH.replace('/us-east-1/', '//'))).message).toBe(
      "Credential should be scoped to a valid region, not ''. ",
    );
  });

  it('requires host among the signed headers', () => {
    expect(failure(withAuth(GOOD_AUTH.replace('host;x-amz-date', 'x-amz-date')))).toEqual({
      ok: false,
      code: 'IncompleteSignature',
      status: 400,
      message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    });
  });

  it('lowercases signed header names and keeps their order', () => {
    const result = parseAuthorization(withAuth(GOOD_AUTH.replace('host;x-amz-date', 'Host;X-Amz-Date;content-type')));
    expect(result.ok && result.auth.signedHeaders).toEqual(['host', 'x-amz-date', 'content-type']);
  });

  it('refuses two Authorization headers, and header plus query auth together', () => {
    const twice = request([
      ['Host', 'iam.amazonaws.com'],
      ['X-Amz-Date', '20150830T123600Z'],
      ['Authorization', GOOD_AUTH],
      ['authorization', GOOD_AUTH],
    ]);
    expect(failure(twice).code).toBe('IncompleteSignature');
    const mixed = { ...presigned(), headers: [...presigned().headers, ['Authorization', GOOD_AUTH] as const] };
    expect(failure(mixed).code).toBe('IncompleteSignature');
  });
});

describe('parseAuthorization: presigned query auth', () => {
  it('parses the X-Amz-* parameters, decoding them', () => {
    const result = parseAuthorization(presigned({ 'X-Amz-Security-Token': 'a%2Fb%2Bc%3D' }));
    expect(result).toEqual({
      ok: true,
      auth: {
        kind: 'query',
        accessKeyId: 'AKIDEXAMPLE',
        scopeDate: '20150830',
        region: 'us-east-1',
        service: 'sts',
        signedHeaders: ['host'],
        signature: SIG,
        amzDate: '20150830T123600Z',
        securityToken: 'a/b+c=',
        expiresSeconds: 900,
      },
    });
  });

  it('names every missing parameter', () => {
    const f = failure(
      presigned({ 'X-Amz-Credential': undefined, 'X-Amz-Signature': undefined, 'X-Amz-Date': undefined }),
    );
    expect(f).toEqual({
      ok: false,
      code: 'IncompleteSignature',
      status: 400,
      message:
        "AWS query-string parameters must include 'X-Amz-Credential'. " +
        "AWS query-string parameters must include 'X-Amz-Signature'. " +
        "AWS query-string parameters must include 'X-Amz-Date'. " +
        'Re-examine the query-string parameters.',
    });
  });

  it('treats X-Amz-Expires as optional but validates it when present', () => {
    const noExpires = parseAuthorization(presigned({ 'X-Amz-Expires': undefined }));
    expect(noExpires.ok && noExpires.auth.expiresSeconds).toBeUndefined();
    expect(failure(presigned({ 'X-Amz-Expires': 'soon' })).message).toBe('X-Amz-Expires should be a number');
    expect(failure(presigned({ 'X-Amz-Expires': '-5' })).message).toBe('X-Amz-Expires must be non-negative');
    expect(failure(presigned({ 'X-Amz-Expires': '0' })).message).toBe('X-Amz-Expires must be greater than 0');
    expect(failure(presigned({ 'X-Amz-Expires': '604801' })).message).toBe(
      'X-Amz-Expires must be less than a week (in seconds) that is 604800',
    );
    const week = parseAuthorization(presigned({ 'X-Amz-Expires': '604800' }));
    expect(week.ok && week.auth.expiresSeconds).toBe(604800);
  });

  it('applies the algorithm, date, scope and host rules too', () => {
    expect(failure(presigned({ 'X-Amz-Algorithm': 'AWS4-ECDSA-P256-SHA256' })).message).toBe(
      "Unsupported AWS 'algorithm': 'AWS4-ECDSA-P256-SHA256'",
    );
    expect(failure(presigned({ 'X-Amz-Date': '20150830' })).code).toBe('IncompleteSignature');
    expect(failure(presigned({ 'X-Amz-SignedHeaders': 'x-amz-date' })).message).toBe(
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
    expect(failure(presigned({ 'X-Amz-Credential': 'AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fsts%2Fx' })).message).toBe(
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'x'. ",
    );
  });
});

describe('parseAuthorization: x-amz-* headers must be signed', () => {
  const auth = (signed: string) => GOOD_AUTH.replace('SignedHeaders=host;x-amz-date', `SignedHeaders=${signed}`);

  it('refuses an unsigned X-Amz-Target, which would pick another operation', () => {
    const result = parseAuthorization(
      withAuth(GOOD_AUTH, [
        ['X-Amz-Date', '20150830T123600Z'],
        ['X-Amz-Target', 'AWSOrganizationsV20161128.LeaveOrganization'],
      ]),
    );
    expect(result).toEqual({
      ok: false,
      code: 'SignatureDoesNotMatch',
      status: 403,
      message: "'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.",
    });
  });

  it('refuses any other unsigned x-amz-* header, named as received', () => {
    const result = parseAuthorization(
      withAuth(GOOD_AUTH, [
        ['X-Amz-Date', '20150830T123600Z'],
        ['x-amz-content-sha256', 'UNSIGNED-PAYLOAD'],
      ]),
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'SignatureDoesNotMatch',
      message: "'x-amz-content-sha256' must be a 'SignedHeader' in the AWS Authorization.",
    });
  });

  it('accepts them signed, an unsigned session token, and x-amzn-* trace headers', () => {
    const headers: Array<[string, string]> = [
      ['X-Amz-Date', '20150830T123600Z'],
      ['X-Amz-Target', 'x.Y'],
      ['X-Amz-Security-Token', 'tok'],
      ['X-Amzn-Trace-Id', 'Root=1'],
    ];
    expect(parseAuthorization(withAuth(auth('host;x-amz-date;x-amz-target'), headers))).toMatchObject({ ok: true });
  });
});
