import { type SigningCredentials, signRequest } from '../sigv4/index.js';
import { HOP_BY_HOP } from './forward.js';

/** What the gateway learned of the client's request, enough to rebuild it for the backend. */
export interface ClientRequestHead {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: ReadonlyArray<readonly [string, string]>;
}

export interface BackendRequestPlan {
  target: URL;
  /** The signing name and region the backend request is signed for. */
  signingName: string;
  region: string;
  /** S3 addressed virtual-hosted style: the bucket moves into the path for the backend. */
  virtualHostedBucket?: string;
  /** The body the backend gets: its length when known (a decoded aws-chunked body), and its hash when buffered. */
  body: { kind: 'buffered'; bytes: Buffer } | { kind: 'stream'; length?: number; decodedFromChunked: boolean };
  /** Re-sign with these (a configured backend key); absent: the client's signature passes through. */
  credentials?: SigningCredentials;
  now: Date;
}

/** Query parameters of a presigned URL (SigV4 and S3's SigV2): the backend gets its own signature, or none. */
const PRESIGN_PARAMS = new Set([
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-signedheaders',
  'x-amz-signature',
  'x-amz-security-token',
  'awsaccesskeyid',
  'signature',
  'expires',
]);

/** Headers that carry the client's signature, or frame its aws-chunked body: rebuilt for the backend. */
const SIGNATURE_HEADERS = new Set([
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'date',
]);
const CHUNKED_FRAMING = new Set([
  'content-length',
  'x-amz-decoded-content-length',
  'x-amz-trailer',
  'x-amz-sdk-checksum-algorithm',
]);

/**
 * The request the backend gets: path-style, its Host, no hop-by-hop headers, a decoded body's
 * true framing, and either a fresh signature from the backend key or the client's own passed on.
 */
export function backendRequest(client: ClientRequestHead, plan: BackendRequestPlan) {
  const base = plan.target.pathname.replace(/\/+$/, '');
  const path = `${base}${plan.virtualHostedBucket ? `/${encodeURIComponent(plan.virtualHostedBucket)}` : ''}${client.rawPath}`;
  const resign = plan.credentials !== undefined;
  const query = resign ? withoutPresignParams(client.rawQuery) : client.rawQuery;
  const decoded = plan.body.kind === 'stream' && plan.body.decodedFromChunked;

  const headers: Array<[string, string]> = [];
  for (const [name, value] of client.headers) {
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || lower === 'host' || lower === 'expect') continue;
    if (resign && SIGNATURE_HEADERS.has(lower)) continue;
    if (decoded && CHUNKED_FRAMING.has(lower)) continue;
    if (lower === 'content-encoding' && decoded) {
      const rest = value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '' && s.toLowerCase() !== 'aws-chunked');
      if (rest.length > 0) headers.push([name, rest.join(',')]);
      continue;
    }
    if (lower === 'content-length' && plan.body.kind === 'buffered') continue;
    headers.push([name, value]);
  }
  headers.unshift(['Host', plan.target.host]);
  if (plan.body.kind === 'buffered') headers.push(['Content-Length', String(plan.body.bytes.length)]);
  else if (decoded && plan.body.length !== undefined) headers.push(['Content-Length', String(plan.body.length)]);
  if (decoded && !resign) replaceHeader(headers, 'x-amz-content-sha256', 'UNSIGNED-PAYLOAD');

  if (!plan.credentials) return { path, query, headers };
  const signed = signRequest({
    method: client.method,
    url: `${plan.target.protocol}//${plan.target.host}${path}${query ? `?${query}` : ''}`,
    headers: plan.body.kind === 'stream' ? [...headers, ['x-amz-content-sha256', 'UNSIGNED-PAYLOAD']] : headers,
    ...(plan.body.kind === 'buffered' ? { body: plan.body.bytes, signPayloadHeader: true } : {}),
    credentials: plan.credentials,
    region: plan.region,
    service: plan.signingName,
    date: plan.now,
    // S3 signs the path as sent; the other services normalize it.
    normalizePath: plan.signingName !== 's3',
    unsignedHeaders: ['content-length'],
  });
  return { path: signed.path, query: signed.query, headers: signed.headers };
}

function withoutPresignParams(rawQuery: string): string {
  if (rawQuery === '') return rawQuery;
  return rawQuery
    .split('&')
    .filter((pair) => {
      const name = pair.split('=', 1)[0]!;
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // A malformed escape is kept as written; the backend judges it.
      }
      return !PRESIGN_PARAMS.has(decoded.toLowerCase());
    })
    .join('&');
}

function replaceHeader(headers: Array<[string, string]>, name: string, value: string): void {
  const at = headers.findIndex(([n]) => n.toLowerCase() === name);
  if (at >= 0) headers[at] = [headers[at]![0], value];
}
