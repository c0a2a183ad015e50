import { describe, expect, it } from 'vitest';
import { parseAuthorization, verifySignature } from '../sigv4/index.js';
import { backendRequest } from './backend-request.js';

const now = new Date('2026-12-04T12:00:00Z');
const client = {
  method: 'PUT',
  rawPath: '/photos/cat%20one.jpg',
  rawQuery: 'X-Amz-Signature=abc&versionId=1',
  headers: [
    ['Host', 'photos.localhost:4599'],
    ['Connection', 'keep-alive'],
    ['Authorization', 'AWS4-HMAC-SHA256 Credential=…'],
    ['x-amz-content-sha256', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD'],
    ['Content-Encoding', 'aws-chunked,gzip'],
    ['x-amz-decoded-content-length', '10'],
    ['Content-Length', '200'],
    ['Content-Type', 'image/jpeg'],
  ] as Array<[string, string]>,
};

describe('the request a backend gets', () => {
  it('is path-style, framed for the decoded body, hop-by-hop headers gone, and signed with the backend key', () => {
    const credentials = { accessKeyId: 'BACKENDKEY', secretAccessKey: 'backend-secret' };
    const out = backendRequest(
      { ...client, rawPath: '/cat%20one.jpg' },
      {
        target: new URL('http://127.0.0.1:9000'),
        signingName: 's3',
        region: 'us-east-1',
        virtualHostedBucket: 'photos',
        body: { kind: 'stream', length: 10, decodedFromChunked: true },
        credentials,
        now,
      },
    );
    expect(out.path).toBe('/photos/cat%20one.jpg');
    expect(out.query).toBe('versionId=1');
    const names = out.headers.map(([n]) => n.toLowerCase());
    expect(names).not.toContain('connection');
    expect(names).not.toContain('x-amz-decoded-content-length');
    expect(out.headers).toContainEqual(['Content-Encoding', 'gzip']);
    expect(out.headers).toContainEqual(['Content-Length', '10']);
    expect(out.headers).toContainEqual(['Host', '127.0.0.1:9000']);
    // The backend's own verifier accepts it.
    const signed = {
      method: 'PUT',
      rawPath: out.path,
      rawQuery: out.query,
      headers: out.headers,
      payloadSha256Hex: 'UNSIGNED-PAYLOAD',
    };
    const parsed = parseAuthorization(signed);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(verifySignature(signed, parsed.auth, credentials.secretAccessKey, { now, normalizePath: false }).ok).toBe(
      true,
    );
  });

  it("passes the client's signature on when no backend key is configured", () => {
    const out = backendRequest(client, {
      target: new URL('http://moto:5000/base/'),
      signingName: 's3',
      region: 'us-east-1',
      body: { kind: 'buffered', bytes: Buffer.from('0123456789') },
      now,
    });
    expect(out.path).toBe('/base/photos/cat%20one.jpg');
    expect(out.query).toBe(client.rawQuery);
    expect(out.headers).toContainEqual(['Authorization', 'AWS4-HMAC-SHA256 Credential=…']);
    expect(out.headers).toContainEqual(['Content-Length', '10']);
  });
});
