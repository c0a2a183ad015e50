import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Sha256BodyVerifier } from '../sigv4/index.js';
import { VerifiedBody } from './verified-body.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function run(parts: Buffer[], expected: string): Promise<{ passed: Buffer; error?: Error }> {
  const check = Readable.from(parts).pipe(new VerifiedBody(new Sha256BodyVerifier(expected)));
  const out: Buffer[] = [];
  return new Promise((resolve) => {
    check.on('data', (c: Buffer) => out.push(c));
    check.on('end', () => resolve({ passed: Buffer.concat(out) }));
    check.on('error', (error) => resolve({ passed: Buffer.concat(out), error }));
  });
}

describe('x-amz-content-sha256 checked while streaming', () => {
  const parts = [Buffer.from('hello '), Buffer.from('wide '), Buffer.from('world')];
  const whole = Buffer.concat(parts);

  it('passes a body whose hash the client signed', async () => {
    const { passed, error } = await run(parts, sha(whole));
    expect(error).toBeUndefined();
    expect(passed.equals(whole)).toBe(true);
  });

  it('holds back the last piece of a body that does not match, so the backend never gets it whole', async () => {
    const { passed, error } = await run(parts, sha(Buffer.from('something else')));
    expect(error).toMatchObject({ code: 'XAmzContentSHA256Mismatch', status: 400 });
    expect(passed.length).toBeLessThan(whole.length);
  });
});
