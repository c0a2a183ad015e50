import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalRequest, parseAuthorization, verifySignature } from './index.js';

const header = fc.tuple(
  fc.oneof(
    fc.constantFrom('Host', 'X-Amz-Date', 'Authorization', 'X-Amz-Security-Token', 'Content-Type'),
    fc.string({ maxLength: 20 }),
  ),
  fc.string({ maxLength: 120 }),
);
const authorization = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc
    .tuple(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), fc.string({ maxLength: 70 }))
    .map(([cred, signed, sig]) => `AWS4-HMAC-SHA256 Credential=${cred}, SignedHeaders=${signed}, Signature=${sig}`),
);
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT'),
  rawPath: fc.oneof(
    fc.constant('/'),
    fc.string({ maxLength: 60 }).map((p) => `/${p}`),
  ),
  rawQuery: fc.oneof(
    fc.constant(''),
    fc.string({ maxLength: 80 }),
    fc.constant('X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=A%2F20150830%2Fus-east-1%2Fiam%2Faws4_request'),
  ),
  headers: fc
    .tuple(fc.array(header, { maxLength: 6 }), authorization, fc.constantFrom('20150830T123600Z', 'garbage', ''))
    .map(([hs, auth, date]) => [
      ['Host', 'example.amazonaws.com'] as const,
      ['X-Amz-Date', date] as const,
      ['Authorization', auth] as const,
      ...hs,
    ]),
  payloadSha256Hex: fc.constant('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'),
});

describe('SigV4 parsing, canonicalization and verification never throw (fuzz)', () => {
  it('any request gives an AWS-shaped failure or a verdict', () => {
    fc.assert(
      fc.property(request, (req) => {
        const parsed = parseAuthorization(req);
        if (!parsed.ok) {
          expect(parsed.code).toMatch(
            /^(MissingAuthenticationToken|IncompleteSignature|SignatureDoesNotMatch|InvalidClientTokenId|AccessDenied)$/,
          );
          expect(parsed.status).toBeGreaterThanOrEqual(400);
          expect(parsed.status).toBeLessThan(500);
          return;
        }
        expect(typeof canonicalRequest(req, parsed.auth)).toBe('string');
        const verdict = verifySignature(req, parsed.auth, 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', {
          now: new Date('2015-08-30T12:36:00Z'),
        });
        if (!verdict.ok) expect(verdict.status).toBeLessThan(500);
      }),
      { numRuns: 3000 },
    );
  });
});
