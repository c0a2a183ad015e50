/**
 * Proves the signature comparison goes through crypto.timingSafeEqual on equal-length buffers,
 * including when the lengths differ (no early return before a constant-time compare).
 */
import * as crypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from './canonical.js';
import { parseAuthorization } from './parse-authorization.js';
import { signRequest } from './sign.js';
import { timingSafeEqualString, verifySignature } from './verify.js';

vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const spy = vi.mocked(crypto.timingSafeEqual);

function lengthsOfLastCall(): [number, number] {
  const call = spy.mock.calls.at(-1);
  if (!call) throw new Error('timingSafeEqual was not called');
  return [(call[0] as Buffer).length, (call[1] as Buffer).length];
}

describe('constant-time signature comparison', () => {
  beforeEach(() => {
    spy.mockClear();
  });

  it('uses timingSafeEqual for equal and unequal lengths alike', () => {
    expect(timingSafeEqualString('a'.repeat(64), 'b'.repeat(64))).toBe(false);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(lengthsOfLastCall()).toEqual([64, 64]);

    expect(timingSafeEqualString('a'.repeat(64), 'a'.repeat(10))).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(lengthsOfLastCall()).toEqual([64, 64]);
  });

  it('is what verifySignature relies on, for good and bad signatures', () => {
    const signed = signRequest({
      method: 'POST',
      url: 'https://iam.amazonaws.com/',
      body: 'Action=ListUsers&Version=2010-05-08',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      region: 'us-east-1',
      service: 'iam',
      date: new Date('2015-08-30T12:36:00Z'),
    });
    const req = {
      method: 'POST',
      rawPath: signed.path,
      rawQuery: signed.query,
      headers: signed.headers,
      payloadSha256Hex: sha256Hex('Action=ListUsers&Version=2010-05-08'),
    };
    const parsed = parseAuthorization(req);
    if (!parsed.ok) throw new Error(parsed.message);
    const now = new Date('2015-08-30T12:36:00Z');

    expect(verifySignature(req, parsed.auth, 'secret', { now })).toEqual({ ok: true });
    expect(spy).toHaveBeenCalledTimes(1);

    spy.mockClear();
    const short = { ...parsed.auth, signature: parsed.auth.signature.slice(0, 10) };
    expect(verifySignature(req, short, 'secret', { now })).toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(lengthsOfLastCall()).toEqual([64, 64]);

    spy.mockClear();
    // A wide character whose low byte is the right digit must not pass for that digit.
    const last = String.fromCharCode(0x100 | parsed.auth.signature.charCodeAt(63));
    const notHex = { ...parsed.auth, signature: `${parsed.auth.signature.slice(0, 63)}${last}` };
    expect(verifySignature(req, notHex, 'secret', { now })).toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(lengthsOfLastCall()).toEqual([64, 64]);
  });
});
