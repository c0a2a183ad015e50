import { describe, expect, it } from 'vitest';
import {
  bodyPlanWithoutSeed,
  bodyVerifier,
  decodedContentLength,
  readContentSha256,
  requireContentSha256,
} from './payload.js';

const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('x-amz-content-sha256, read as S3 reads it', () => {
  it('takes a hex SHA-256 (either case), UNSIGNED-PAYLOAD and the STREAMING-* values', () => {
    expect(readContentSha256(EMPTY.toUpperCase())).toEqual({ kind: 'sha256', sha256Hex: EMPTY });
    expect(readContentSha256('UNSIGNED-PAYLOAD')).toEqual({ kind: 'unsigned' });
    for (const v of [
      'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
      'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
    ]) {
      expect(readContentSha256(v)).toEqual({ kind: 'streaming', payload: v });
    }
    expect(readContentSha256(undefined)).toBeUndefined();
  });

  it('refuses anything else with S3 InvalidArgument, SigV4a streaming with InvalidRequest', () => {
    for (const v of ['', 'abc', EMPTY.slice(1), 'unsigned-payload', `${EMPTY}0`]) {
      expect(() => readContentSha256(v)).toThrow('x-amz-content-sha256 must be UNSIGNED-PAYLOAD');
    }
    expect(() => readContentSha256('STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD')).toThrow(
      'The value of x-amz-content-sha256 header is invalid.',
    );
    expect(() => requireContentSha256(undefined)).toThrow(
      'Missing required header for this request: x-amz-content-sha256',
    );
  });

  it('x-amz-decoded-content-length must be a byte count (MissingContentLength, 411)', () => {
    expect(decodedContentLength(' 66560 ')).toBe(66_560);
    for (const v of [undefined, '', '-1', '1.5', '0x10']) {
      expect(() => decodedContentLength(v)).toThrow('You must provide the Content-Length HTTP header.');
    }
  });
});

describe('body plans without a seed (anonymous, SigV2)', () => {
  it('still checks a declared SHA-256 and decodes unsigned aws-chunked bodies', () => {
    expect(bodyPlanWithoutSeed([], true)).toEqual({ kind: 'unsigned' });
    expect(bodyPlanWithoutSeed([['x-amz-content-sha256', EMPTY]], false)).toEqual({ kind: 'sha256', sha256Hex: EMPTY });
    const plan = bodyPlanWithoutSeed(
      [
        ['x-amz-content-sha256', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER'],
        ['x-amz-decoded-content-length', '5'],
      ],
      true,
    );
    const body = bodyVerifier(plan);
    expect(Buffer.concat(body.push(Buffer.from('5\r\nhello\r\n0\r\n\r\n'))).toString()).toBe('hello');
    body.end();
  });

  it('refuses signed chunks, which need a seed signature', () => {
    const signed: Array<[string, string]> = [['x-amz-content-sha256', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD']];
    expect(() => bodyPlanWithoutSeed(signed, true)).toThrow(
      "Anonymous requests don't support this x-amz-content-sha256 value.",
    );
    expect(() => bodyPlanWithoutSeed(signed, false)).toThrow('The value of x-amz-content-sha256 header is invalid.');
  });

  it('a plain body passes through as it comes; the hash is judged at the end', () => {
    const body = bodyVerifier({ kind: 'sha256', sha256Hex: EMPTY });
    expect(body.push(Buffer.from('x'))).toHaveLength(1);
    expect(() => body.end()).toThrow("The provided 'x-amz-content-sha256' header does not match what was computed.");
    const unsigned = bodyVerifier({ kind: 'unsigned' });
    expect(Buffer.concat(unsigned.push(Buffer.from('abc'))).toString()).toBe('abc');
    unsigned.end();
  });
});

describe('emulator mode', () => {
  it('decodes signed framing without checking the signatures only when asked to', () => {
    const body = Buffer.from(
      `5;chunk-signature=${'0'.repeat(64)}\r\nhello\r\n0;chunk-signature=${'1'.repeat(64)}\r\n\r\n`,
    );
    const plan = {
      kind: 'aws-chunked',
      payload: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      decodedContentLength: 5,
      unverifiedSignatures: true,
    } as const;
    const verifier = bodyVerifier(plan);
    expect(Buffer.concat(verifier.push(body)).toString()).toBe('hello');
    verifier.end();
    expect(() => bodyVerifier({ ...plan, unverifiedSignatures: undefined })).toThrow('signed payloads need `signing`');
  });
});
