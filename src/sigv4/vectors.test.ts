/**
 * Third-party SigV4 vectors (aws-c-auth v4 and the botocore copy of AWS's aws-sig-v4-test-suite),
 * checked in both directions: our signer must reproduce the signed request, and the server side
 * (parse → canonicalize → verify) must accept it as it appears on the wire.
 * aws-c-auth `v4a/` (ECDSA SigV4a) is deliberately skipped: out of scope for Ward.
 */
import { describe, expect, it } from 'vitest';
import { canonicalRequest, stringToSign } from './canonical.js';
import { headerValue } from './headers.js';
import { parseAuthorization } from './parse-authorization.js';
import { signRequest } from './sign.js';
import {
  type RawHttpRequest,
  loadAwsCAuthV4Cases,
  loadBotocoreCases,
  parseRawHttp,
  toIncoming,
} from './testing/vectors.js';
import type { IncomingSignedRequest, ParsedAuthorization } from './types.js';
import { verifySignature } from './verify.js';

const NOW = new Date('2015-08-30T12:36:00Z');
const ACCESS_KEY_ID = 'AKIDEXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

/**
 * Upstream erratum: botocore's get-vanilla-with-session-token.sreq carries get-vanilla's signature
 * (5fa00f…) although its SignedHeaders include the token; its .authz (07ec16…) is the correct one,
 * consistent with .creq/.sts and with aws-c-auth's copy of the case.
 */
const BOTOCORE_SREQ_ERRATA = ['get-vanilla-with-session-token'];

function urlOf(raw: RawHttpRequest): string {
  return `http://${headerValue(raw.headers, 'host')}${raw.path}${raw.query ? `?${raw.query}` : ''}`;
}

function parsed(req: IncomingSignedRequest): ParsedAuthorization {
  const result = parseAuthorization(req);
  if (!result.ok) throw new Error(`parseAuthorization failed: ${result.code}: ${result.message}`);
  return result.auth;
}

function flipLastHexDigit(sig: string): string {
  return sig.slice(0, -1) + (sig.endsWith('0') ? '1' : '0');
}

/** The same request with its signature changed in one hex digit, wherever it is carried. */
function withTamperedSignature(req: IncomingSignedRequest, auth: ParsedAuthorization): IncomingSignedRequest {
  const bad = flipLastHexDigit(auth.signature);
  if (auth.kind === 'query') {
    return { ...req, rawQuery: req.rawQuery.replace(`X-Amz-Signature=${auth.signature}`, `X-Amz-Signature=${bad}`) };
  }
  return {
    ...req,
    headers: req.headers.map(([n, v]) =>
      n.toLowerCase() === 'authorization'
        ? ([n, v.replace(`Signature=${auth.signature}`, `Signature=${bad}`)] as const)
        : ([n, v] as const),
    ),
  };
}

/** Verifies the wire request, then proves a flipped digit and a wrong secret are both rejected. */
function expectVerifies(req: IncomingSignedRequest, normalizePath: boolean): void {
  const auth = parsed(req);
  expect(verifySignature(req, auth, SECRET, { now: NOW, normalizePath })).toEqual({ ok: true });

  const tampered = withTamperedSignature(req, auth);
  const tamperedAuth = parsed(tampered);
  expect(tamperedAuth.signature).not.toBe(auth.signature);
  expect(verifySignature(tampered, tamperedAuth, SECRET, { now: NOW, normalizePath })).toMatchObject({
    ok: false,
    code: 'SignatureDoesNotMatch',
    status: 403,
  });
  expect(verifySignature(req, auth, `${SECRET}x`, { now: NOW, normalizePath })).toMatchObject({
    ok: false,
    code: 'SignatureDoesNotMatch',
  });
}

describe('aws-c-auth v4 vectors', () => {
  const cases = loadAwsCAuthV4Cases();

  it('finds all 38 v4 cases', () => {
    expect(cases).toHaveLength(38);
  });

  for (const mode of ['header', 'query'] as const) {
    it.each(cases)(`$name (${mode})`, (c) => {
      const ctx = c.context;
      expect(ctx.credentials.access_key_id).toBe(ACCESS_KEY_ID);
      expect(ctx.credentials.secret_access_key).toBe(SECRET);
      const request = parseRawHttp(c.request);

      // Client side: our signer reproduces the vector byte for byte.
      const signed = signRequest({
        method: request.method,
        url: urlOf(request),
        headers: request.headers,
        body: request.body,
        credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET, sessionToken: ctx.credentials.token },
        region: ctx.region,
        service: ctx.service,
        date: new Date(ctx.timestamp),
        mode,
        expiresSeconds: ctx.expiration_in_seconds,
        signPayloadHeader: ctx.sign_body,
        signSessionToken: !ctx.omit_session_token,
        normalizePath: ctx.normalize,
      });
      expect(signed.canonicalRequest).toBe(c.text(`${mode}-canonical-request.txt`));
      expect(signed.stringToSign).toBe(c.text(`${mode}-string-to-sign.txt`));
      expect(signed.signature).toBe(c.text(`${mode}-signature.txt`).trim());
      const wire = parseRawHttp(c.read(`${mode}-signed-request.txt`));
      expect(signed.path).toBe(wire.path);
      expect(signed.query).toBe(wire.query);
      expect(signed.headers).toEqual(wire.headers);

      // Server side: the signed request as received.
      const incoming = toIncoming(wire);
      const auth = parsed(incoming);
      expect(auth).toMatchObject({
        kind: mode,
        accessKeyId: ACCESS_KEY_ID,
        scopeDate: '20150830',
        region: 'us-east-1',
        service: 'service',
        amzDate: '20150830T123600Z',
        signature: signed.signature,
      });
      expect(auth.securityToken).toBe(ctx.credentials.token);
      expect(auth.expiresSeconds).toBe(mode === 'query' ? ctx.expiration_in_seconds : undefined);
      const creq = canonicalRequest(incoming, auth, {
        normalizePath: ctx.normalize,
        omitQuerySecurityToken: mode === 'query' && ctx.omit_session_token === true,
      });
      expect(creq).toBe(c.text(`${mode}-canonical-request.txt`));
      expect(stringToSign(auth, creq)).toBe(c.text(`${mode}-string-to-sign.txt`));
      expectVerifies(incoming, ctx.normalize);
    });
  }
});

describe('botocore aws4_testsuite vectors', () => {
  const cases = loadBotocoreCases();

  it('finds all 34 cases', () => {
    expect(cases).toHaveLength(34);
  });

  it.each(cases)('$name', (c) => {
    const req = parseRawHttp(c.req);
    const sreq = parseRawHttp(c.sreq);
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(c.authz)?.[1]?.split(';') ?? [];
    const reqHasToken = headerValue(req.headers, 'x-amz-security-token') !== undefined;

    // Client side: signing the .req yields the .authz value.
    const signed = signRequest({
      method: req.method,
      url: urlOf(req),
      headers: req.headers,
      body: req.body,
      credentials: {
        accessKeyId: ACCESS_KEY_ID,
        secretAccessKey: SECRET,
        sessionToken: reqHasToken ? undefined : headerValue(sreq.headers, 'x-amz-security-token'),
      },
      region: 'us-east-1',
      service: 'service',
      date: NOW,
      signSessionToken: signedHeaders.includes('x-amz-security-token'),
    });
    expect(signed.canonicalRequest).toBe(c.creq);
    expect(signed.stringToSign).toBe(c.sts);
    expect(signed.authorization).toBe(c.authz);

    // Server side: the .sreq as received, with the erratum's Authorization corrected from .authz.
    if (headerValue(sreq.headers, 'authorization') !== c.authz) expect(BOTOCORE_SREQ_ERRATA).toContain(c.name);
    const wire: RawHttpRequest = {
      ...sreq,
      headers: sreq.headers.map(([n, v]): [string, string] => [n, n.toLowerCase() === 'authorization' ? c.authz : v]),
    };
    const incoming = toIncoming(wire);
    const auth = parsed(incoming);
    const creq = canonicalRequest(incoming, auth);
    expect(creq).toBe(c.creq);
    expect(stringToSign(auth, creq)).toBe(c.sts);
    expect(auth.securityToken).toBe(headerValue(sreq.headers, 'x-amz-security-token'));
    expectVerifies(incoming, true);
  });
});
