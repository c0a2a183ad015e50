import { describe, expect, it } from 'vitest';
import { sha256Hex } from './canonical.js';
import { SIGNATURE_MISMATCH_MESSAGE } from './errors.js';
import { parseAuthorization } from './parse-authorization.js';
import { type SignRequestInput, signRequest } from './sign.js';
import { SigningKeyCache } from './signing-key.js';
import type { IncomingSignedRequest, ParsedAuthorization } from './types.js';
import { timingSafeEqualString, verifySignature } from './verify.js';

const SIGNED_AT = new Date('2015-08-30T12:36:00Z');
const CREDS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const BODY = 'Action=ListUsers&Version=2010-05-08';

function sign(overrides: Partial<SignRequestInput> = {}): IncomingSignedRequest {
  const body = overrides.body ?? BODY;
  const signed = signRequest({
    method: 'POST',
    url: 'https://iam.amazonaws.com/',
    headers: [['Content-Type', 'application/x-www-form-urlencoded; charset=utf-8']],
    body,
    credentials: CREDS,
    region: 'us-east-1',
    service: 'iam',
    date: SIGNED_AT,
    ...overrides,
  });
  return {
    method: signed.method,
    rawPath: signed.path,
    rawQuery: signed.query,
    headers: signed.headers,
    payloadSha256Hex: sha256Hex(body),
  };
}

function authOf(req: IncomingSignedRequest): ParsedAuthorization {
  const result = parseAuthorization(req);
  if (!result.ok) throw new Error(result.message);
  return result.auth;
}

function verifyAt(
  req: IncomingSignedRequest,
  now: string,
  extra: { maxSkewMs?: number; enforcePresignedExpiry?: boolean } = {},
) {
  return verifySignature(req, authOf(req), CREDS.secretAccessKey, { now: new Date(now), ...extra });
}

describe('verifySignature: request time', () => {
  const req = sign();

  it('accepts up to exactly 15 minutes of skew either way', () => {
    expect(verifyAt(req, '2015-08-30T12:51:00Z')).toEqual({ ok: true });
    expect(verifyAt(req, '2015-08-30T12:21:00Z')).toEqual({ ok: true });
    expect(verifyAt(req, '2015-08-30T12:51:00.999Z')).toEqual({ ok: true });
  });

  it("reports an old request with AWS's exact message", () => {
    expect(verifyAt(req, '2015-08-30T13:01:00Z')).toEqual({
      ok: false,
      code: 'SignatureDoesNotMatch',
      status: 403,
      message: 'Signature expired: 20150830T123600Z is now earlier than 20150830T124600Z (20150830T130100Z - 15 min.)',
    });
  });

  it("reports a request from the future with AWS's exact message", () => {
    const future = sign({ date: new Date('2015-08-30T13:01:00Z') });
    expect(verifyAt(future, '2015-08-30T12:36:00Z')).toEqual({
      ok: false,
      code: 'SignatureDoesNotMatch',
      status: 403,
      message:
        'Signature not yet current: 20150830T130100Z is still later than 20150830T125100Z (20150830T123600Z + 15 min.)',
    });
  });

  it('honours a custom skew window in the message', () => {
    const result = verifyAt(req, '2015-08-30T12:42:00Z', { maxSkewMs: 5 * 60_000 });
    expect(result).toMatchObject({
      code: 'SignatureDoesNotMatch',
      message: 'Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T124200Z - 5 min.)',
    });
  });

  it('throws on an invalid clock or skew rather than accepting any time', () => {
    expect(() => verifyAt(req, 'not a date')).toThrow(RangeError);
    expect(() => verifyAt(req, '2015-08-30T12:36:00Z', { maxSkewMs: Number.NaN })).toThrow(RangeError);
  });

  it('requires the credential scope date to be the day of X-Amz-Date', () => {
    const auth = { ...authOf(req), scopeDate: '20150831' };
    expect(verifySignature(req, auth, CREDS.secretAccessKey, { now: SIGNED_AT })).toEqual({
      ok: false,
      code: 'SignatureDoesNotMatch',
      status: 403,
      message:
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150831' != '20150830', from '20150830T123600Z'.",
    });
  });
});

describe('verifySignature: presigned expiry', () => {
  const url = 'https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15';
  const short = sign({ method: 'GET', url, body: '', headers: [], mode: 'query', service: 'sts', expiresSeconds: 60 });
  const long = sign({ method: 'GET', url, body: '', headers: [], mode: 'query', service: 'sts', expiresSeconds: 3600 });

  it('by default follows AWS IAM/STS: only the 15-minute window counts, X-Amz-Expires does not', () => {
    expect(verifyAt(short, '2015-08-30T12:46:00Z')).toEqual({ ok: true });
    expect(verifyAt(long, '2015-08-30T13:01:00Z')).toEqual({
      ok: false,
      code: 'SignatureDoesNotMatch',
      status: 403,
      message: 'Signature expired: 20150830T123600Z is now earlier than 20150830T124600Z (20150830T130100Z - 15 min.)',
    });
  });

  it('with enforcePresignedExpiry, also answers AccessDenied once X-Amz-Expires has passed', () => {
    const opts = { enforcePresignedExpiry: true };
    expect(verifyAt(short, '2015-08-30T12:37:00Z', opts)).toEqual({ ok: true });
    expect(verifyAt(short, '2015-08-30T12:37:01Z', opts)).toEqual({
      ok: false,
      code: 'AccessDenied',
      status: 403,
      message: 'Request has expired',
    });
    // The skew window still caps a long X-Amz-Expires, as at AWS.
    expect(verifyAt(long, '2015-08-30T13:01:00Z', opts)).toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect(verifyAt(long, '2015-08-30T12:50:00Z', opts)).toEqual({ ok: true });
  });
});

describe('verifySignature: what the signature covers', () => {
  const now = { now: SIGNED_AT };

  it('ignores headers added after signing', () => {
    const req = sign();
    const more = {
      ...req,
      headers: [...req.headers, ['User-Agent', 'curl'] as const, ['X-Amz-Security-Token', 't'] as const],
    };
    expect(verifySignature(more, authOf(more), CREDS.secretAccessKey, now)).toEqual({ ok: true });
  });

  it('detects a changed signed header, path, query or body', () => {
    const req = sign({ url: 'https://iam.amazonaws.com/a/b?x=1' });
    const variants: IncomingSignedRequest[] = [
      { ...req, headers: req.headers.map(([n, v]) => [n, n === 'Content-Type' ? 'text/plain' : v] as const) },
      { ...req, rawPath: '/a/c' },
      { ...req, rawQuery: 'x=2' },
      { ...req, payloadSha256Hex: sha256Hex('Action=DeleteUser') },
      { ...req, method: 'PUT' },
    ];
    for (const v of variants) {
      expect(verifySignature(v, authOf(v), CREDS.secretAccessKey, now)).toEqual({
        ok: false,
        code: 'SignatureDoesNotMatch',
        status: 403,
        message: SIGNATURE_MISMATCH_MESSAGE,
      });
    }
  });

  it('checks a signed x-amz-content-sha256 against the body actually received', () => {
    const req = sign({ signPayloadHeader: true });
    expect(verifySignature(req, authOf(req), CREDS.secretAccessKey, now)).toEqual({ ok: true });
    const swapped = { ...req, payloadSha256Hex: sha256Hex('Action=DeleteUser') };
    expect(verifySignature(swapped, authOf(swapped), CREDS.secretAccessKey, now)).toEqual({
      ok: false,
      code: 'SignatureDoesNotMatch',
      status: 403,
      message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
    });
  });

  it('accepts upper-case hex and rejects signatures of the wrong length', () => {
    const req = sign();
    const auth = authOf(req);
    const upper = { ...auth, signature: auth.signature.toUpperCase() };
    expect(verifySignature(req, upper, CREDS.secretAccessKey, now)).toEqual({ ok: true });
    for (const signature of [auth.signature.slice(1), `${auth.signature}0`, '', 'zz']) {
      expect(verifySignature(req, { ...auth, signature }, CREDS.secretAccessKey, now)).toMatchObject({
        code: 'SignatureDoesNotMatch',
      });
    }
  });

  it('uses and fills a signing key cache', () => {
    const cache = new SigningKeyCache(4);
    const req = sign();
    expect(verifySignature(req, authOf(req), CREDS.secretAccessKey, { ...now, cache })).toEqual({ ok: true });
    expect(cache.size).toBe(1);
    expect(verifySignature(req, authOf(req), CREDS.secretAccessKey, { ...now, cache })).toEqual({ ok: true });
    expect(cache.size).toBe(1);
    expect(verifySignature(req, authOf(req), 'rotated-secret', { ...now, cache })).toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
    expect(cache.size).toBe(2);
  });

  it('presigned: accepts the session token signed or appended after signing, never a swapped one', () => {
    const base = { method: 'GET', body: '', headers: [], mode: 'query' as const, service: 'sts' };
    const url = 'https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15';
    const creds = { ...CREDS, sessionToken: 'session/token+1=' };
    for (const signSessionToken of [true, false]) {
      const req = sign({ ...base, url, credentials: creds, signSessionToken });
      const auth = authOf(req);
      expect(auth.securityToken).toBe('session/token+1=');
      expect(verifySignature(req, auth, CREDS.secretAccessKey, now)).toEqual({ ok: true });
      const swapped = { ...req, rawQuery: req.rawQuery.replace('session%2Ftoken', 'other%2Ftoken') };
      const expected = signSessionToken ? { code: 'SignatureDoesNotMatch' } : { ok: true };
      expect(verifySignature(swapped, authOf(swapped), CREDS.secretAccessKey, now)).toMatchObject(expected);
    }
  });
});

describe('timingSafeEqualString', () => {
  it('compares equal-length strings exactly and unequal lengths as different', () => {
    expect(timingSafeEqualString('abc', 'abc')).toBe(true);
    expect(timingSafeEqualString('abc', 'abd')).toBe(false);
    expect(timingSafeEqualString('abc', 'ab')).toBe(false);
    expect(timingSafeEqualString('abc', 'abcd')).toBe(false);
    expect(timingSafeEqualString('', '')).toBe(true);
  });
});
