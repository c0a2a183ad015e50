import { formatAmzDate } from './amz-date.js';
import { canonicalRequest, credentialScope, sha256Hex, stringToSign } from './canonical.js';
import { uriEncode } from './encoding.js';
import { ALGORITHM, MAX_EXPIRES_SECONDS, QUERY_PARAMS } from './parse-authorization.js';
import { deriveSigningKey } from './signing-key.js';
import type { IncomingSignedRequest, ParsedAuthorization } from './types.js';
import { signString } from './verify.js';

/** Credentials a client signs with. */
export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary-credential session token, sent as X-Amz-Security-Token. */
  sessionToken?: string;
}

/** What to sign; see {@link signRequest}. */
export interface SignRequestInput {
  method: string;
  /**
   * Absolute URL. Path and query are used exactly as written (no normalization, no re-encoding),
   * so write them percent-encoded as they will travel on the wire.
   */
  url: string;
  /** Request headers; `host` is added from the URL when absent. */
  headers?: ReadonlyArray<readonly [string, string]> | Readonly<Record<string, string>>;
  body?: string | Uint8Array;
  credentials: SigningCredentials;
  region: string;
  service: string;
  /** Signing time (default: now). */
  date?: Date;
  /** `header` (Authorization header, default) or `query` (presigned URL). */
  mode?: 'header' | 'query';
  /** Presigned lifetime in seconds, 1..604800 (default 900). */
  expiresSeconds?: number;
  /** Add and sign `x-amz-content-sha256` (default false; IAM/STS SDK clients do not send it). */
  signPayloadHeader?: boolean;
  /** Sign the session token (default true); false adds it after signing, as some presigners do. */
  signSessionToken?: boolean;
  /** Normalize the path in the canonical request (default true). */
  normalizePath?: boolean;
  /** Extra header names to leave unsigned. */
  unsignedHeaders?: readonly string[];
}

/** A signed request, ready to send. */
export interface SignedRequest {
  method: string;
  /** Final URL; for presigned requests it carries the X-Amz-* parameters. */
  url: string;
  /** Path as it goes on the wire. */
  path: string;
  /** Final query string without `?` (may be `''`). */
  query: string;
  /** Final headers in send order (usable as fetch `HeadersInit`). */
  headers: Array<[string, string]>;
  /** Authorization header value (header mode only). */
  authorization?: string;
  signature: string;
  canonicalRequest: string;
  stringToSign: string;
}

/** Headers proxies or HTTP clients may change in flight, so signing them would break requests. */
const NEVER_SIGNED = new Set([
  'authorization',
  'connection',
  'expect',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);

const URL_PARTS = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/s;

// Array.isArray narrows a readonly array type to any[]; this keeps the element type.
const isHeaderList = (h: SignRequestInput['headers']): h is ReadonlyArray<readonly [string, string]> =>
  Array.isArray(h);

/**
 * Signs a request with SigV4 (Authorization header or presigned query), producing exactly what
 * Ward's verifier expects. For Ward's own tests, benchmarks and tooling; throws on bad input.
 */
export function signRequest(input: SignRequestInput): SignedRequest {
  const m = URL_PARTS.exec(input.url);
  if (!m) throw new TypeError(`signRequest: not an absolute URL: ${input.url}`);
  const scheme = (m[1] as string).toLowerCase();
  const authority = m[2] as string;
  const path = m[3] || '/';
  const query = m[4] ?? '';

  const headers: Array<[string, string]> = isHeaderList(input.headers)
    ? input.headers.map(([n, v]): [string, string] => [n, v])
    : Object.entries(input.headers ?? {});
  if (!headers.some(([n]) => n.toLowerCase() === 'host')) headers.unshift(['host', hostHeader(scheme, authority)]);
  removeHeader(headers, 'authorization');

  const amzDate = formatAmzDate(input.date ?? new Date());
  const scopeDate = amzDate.slice(0, 8);
  const { accessKeyId, secretAccessKey, sessionToken } = input.credentials;
  const scope = credentialScope(scopeDate, input.region, input.service);
  const body = input.body ?? '';
  const payloadSha256Hex = sha256Hex(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  const signToken = input.signSessionToken ?? true;
  const unsigned = new Set(NEVER_SIGNED);
  for (const name of input.unsignedHeaders ?? []) unsigned.add(name.toLowerCase());
  const mode = input.mode ?? 'header';

  if (mode === 'header') {
    if (sessionToken) setHeader(headers, 'X-Amz-Security-Token', sessionToken);
    setHeader(headers, 'X-Amz-Date', amzDate);
    if (input.signPayloadHeader) setHeader(headers, 'x-amz-content-sha256', payloadSha256Hex);
    if (!signToken) unsigned.add('x-amz-security-token');
  }
  const signedHeaders = [...new Set(headers.map(([n]) => n.toLowerCase()))].filter((n) => !unsigned.has(n)).sort();

  const auth: ParsedAuthorization = {
    kind: mode,
    accessKeyId,
    scopeDate,
    region: input.region,
    service: input.service,
    signedHeaders,
    signature: '',
    amzDate,
  };

  let signingQuery = query;
  let finalQuery = query;
  if (mode === 'query') {
    const expires = input.expiresSeconds ?? 900;
    if (!Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES_SECONDS) {
      throw new RangeError(`signRequest: expiresSeconds must be an integer in 1..${MAX_EXPIRES_SECONDS}`);
    }
    const params: Array<[string, string]> = [
      [QUERY_PARAMS.algorithm, ALGORITHM],
      [QUERY_PARAMS.credential, `${accessKeyId}/${scope}`],
      [QUERY_PARAMS.date, amzDate],
      [QUERY_PARAMS.signedHeaders, signedHeaders.join(';')],
      [QUERY_PARAMS.expires, String(expires)],
    ];
    const encode = ([k, v]: [string, string]): string => `${k}=${uriEncode(v)}`;
    const token = sessionToken ? [encode([QUERY_PARAMS.securityToken, sessionToken])] : [];
    signingQuery = joinQuery(query, [...params.map(encode), ...(signToken ? token : [])]);
    finalQuery = joinQuery(query, [...params.map(encode), ...token]);
  }

  const incoming: IncomingSignedRequest = {
    method: input.method,
    rawPath: path,
    rawQuery: signingQuery,
    headers,
    payloadSha256Hex,
  };
  const creq = canonicalRequest(incoming, auth, { normalizePath: input.normalizePath ?? true });
  const sts = stringToSign(auth, creq);
  const signature = signString(deriveSigningKey(secretAccessKey, scopeDate, input.region, input.service), sts);

  const result: SignedRequest = {
    method: input.method,
    url: '',
    path,
    query: finalQuery,
    headers,
    signature,
    canonicalRequest: creq,
    stringToSign: sts,
  };
  if (mode === 'header') {
    result.authorization = `${ALGORITHM} Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
    headers.push(['Authorization', result.authorization]);
  } else {
    result.query = joinQuery(finalQuery, [`${QUERY_PARAMS.signature}=${signature}`]);
  }
  result.url = `${scheme}://${authority}${path}${result.query ? `?${result.query}` : ''}`;
  return result;
}

/** Host header as fetch would send it: no userinfo, lowercase, default port dropped. */
function hostHeader(scheme: string, authority: string): string {
  const host = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
  if ((scheme === 'https' && host.endsWith(':443')) || (scheme === 'http' && host.endsWith(':80'))) {
    return host.slice(0, host.lastIndexOf(':'));
  }
  return host;
}

function joinQuery(query: string, parts: string[]): string {
  return [...(query ? [query] : []), ...parts].join('&');
}

/** Replaces the first header of that name in place (dropping repeats) or appends it. */
function setHeader(headers: Array<[string, string]>, name: string, value: string): void {
  const lower = name.toLowerCase();
  const index = headers.findIndex(([n]) => n.toLowerCase() === lower);
  if (index < 0) {
    headers.push([name, value]);
    return;
  }
  const existing = headers[index] as [string, string];
  existing[1] = value;
  for (let i = headers.length - 1; i > index; i--) {
    if ((headers[i] as [string, string])[0].toLowerCase() === lower) headers.splice(i, 1);
  }
}

function removeHeader(headers: Array<[string, string]>, lowerName: string): void {
  for (let i = headers.length - 1; i >= 0; i--) {
    if ((headers[i] as [string, string])[0].toLowerCase() === lowerName) headers.splice(i, 1);
  }
}
