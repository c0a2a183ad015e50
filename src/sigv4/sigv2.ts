import { createHmac, timingSafeEqual } from 'node:crypto';
import { percentDecode, percentDecodeToString, splitQuery } from './encoding.js';
import { headerValue } from './headers.js';
import {
  S3Error,
  requestExpired,
  requestTimeTooSkewed,
  s3InvalidArgument,
  s3SignatureDoesNotMatch,
} from './s3-errors.js';
import type { SignedRequestHead } from './types.js';
import { DEFAULT_MAX_SKEW_MS } from './verify.js';

/** S3's legacy Signature Version 2 authentication of one request (HMAC-SHA1). */
export interface SigV2Auth {
  /** `header`: `Authorization: AWS AKID:signature`; `query`: `AWSAccessKeyId`/`Expires`/`Signature`. */
  kind: 'header' | 'query';
  accessKeyId: string;
  /** Base64 HMAC-SHA1, as sent. */
  signature: string;
  /** Query only: seconds since the epoch after which the URL is refused. */
  expires?: string;
  /** `x-amz-security-token` (header, or query parameter of a presigned URL). */
  securityToken?: string;
}

/**
 * The query parameters S3 signs as sub-resources (S3's list, and every one botocore's HmacV1Auth
 * signs). Any other parameter (prefix, max-keys, …) is not part of a SigV2 signature.
 */
export const SIGV2_SUBRESOURCES: ReadonlySet<string> = new Set([
  'accelerate',
  'acl',
  'analytics',
  'cors',
  'defaultObjectAcl',
  'delete',
  'inventory',
  'lifecycle',
  'location',
  'logging',
  'metrics',
  'notification',
  'object-lock',
  'partNumber',
  'policy',
  'replication',
  'requestPayment',
  'response-cache-control',
  'response-content-disposition',
  'response-content-encoding',
  'response-content-language',
  'response-content-type',
  'response-expires',
  'restore',
  'select',
  'select-type',
  'storageClass',
  'tagging',
  'torrent',
  'uploadId',
  'uploads',
  'versionId',
  'versioning',
  'versions',
  'website',
]);

const accessDenied = (message: string): S3Error => new S3Error('AccessDenied', message, 403);
const NEEDS_DATE = 'AWS authentication requires a valid Date or x-amz-date header';

/** Reads SigV2 authentication (see detectS3Auth for which scheme a request uses). Throws an S3Error. */
export function parseSigV2(req: SignedRequestHead): SigV2Auth {
  const header = headerValue(req.headers, 'authorization');
  if (header !== undefined) {
    const rest = header.slice('AWS '.length);
    const colon = rest.lastIndexOf(':');
    if (!header.startsWith('AWS ') || rest.includes(' ') || colon <= 0 || colon === rest.length - 1) {
      throw s3InvalidArgument(
        'AWS authorization header is invalid.  Expected AwsAccessKeyId:signature',
        'Authorization',
        header,
      );
    }
    const auth: SigV2Auth = { kind: 'header', accessKeyId: rest.slice(0, colon), signature: rest.slice(colon + 1) };
    const token = headerValue(req.headers, 'x-amz-security-token')?.trim();
    if (token) auth.securityToken = token;
    return auth;
  }
  const query = new Map<string, string>();
  for (const { name, value } of splitQuery(req.rawQuery)) {
    const key = percentDecodeToString(name);
    if (!query.has(key)) query.set(key, percentDecodeToString(value));
  }
  const accessKeyId = query.get('AWSAccessKeyId');
  const signature = query.get('Signature');
  const expires = query.get('Expires');
  if (!accessKeyId || !signature || !expires) {
    throw accessDenied('Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters');
  }
  // Base64 has no spaces: a `+` sent unencoded was read as one.
  const auth: SigV2Auth = { kind: 'query', accessKeyId, signature: signature.replaceAll(' ', '+'), expires };
  const token = query.get('x-amz-security-token') ?? headerValue(req.headers, 'x-amz-security-token')?.trim();
  if (token) auth.securityToken = token;
  return auth;
}

/**
 * S3's SigV2 StringToSign: method, Content-MD5, Content-Type, Date (empty when x-amz-date is sent;
 * Expires for a presigned URL), the canonicalized x-amz-* headers, and the canonicalized resource:
 * `/bucket` for a virtual-hosted request (`bucket` given), the path as sent (undecoded), and the
 * sub-resources. A presigned URL's x-amz-* query parameters count as headers (botocore puts the
 * session token there).
 */
export function sigV2StringToSign(req: SignedRequestHead, auth: SigV2Auth, bucket?: string): string {
  const query = splitQuery(req.rawQuery);
  const fromQuery = (name: string): string | undefined => (auth.kind === 'query' ? queryValue(query, name) : undefined);
  const md5 = headerValue(req.headers, 'content-md5') ?? fromQuery('content-md5') ?? '';
  const type = headerValue(req.headers, 'content-type') ?? fromQuery('content-type') ?? '';
  const amz = amzHeaders(req, auth.kind === 'query' ? query : []);
  const date =
    auth.kind === 'query' ? auth.expires! : amz.has('x-amz-date') ? '' : (headerValue(req.headers, 'date') ?? '');
  let out = `${req.method}\n${md5.trim()}\n${type.trim()}\n${date.trim()}\n`;
  for (const name of [...amz.keys()].sort()) out += `${name}:${amz.get(name)!.join(',')}\n`;
  return out + canonicalizedResource(req.rawPath, query, bucket);
}

/** Lowercase x-amz-* name → values (unfolded, trimmed) in received order. */
function amzHeaders(req: SignedRequestHead, query: ReturnType<typeof splitQuery>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (name: string, value: string): void => {
    const list = map.get(name);
    const v = value.replace(/\s*\r?\n\s*/g, ' ').trim();
    if (list) list.push(v);
    else map.set(name, [v]);
  };
  for (const [name, value] of req.headers) {
    const lower = name.toLowerCase();
    if (lower.startsWith('x-amz-')) add(lower, value);
  }
  for (const { name, value } of query) {
    const lower = percentDecodeToString(name).toLowerCase();
    if (lower.startsWith('x-amz-') && !map.has(lower)) add(lower, percentDecodeToString(value));
  }
  return map;
}

function canonicalizedResource(rawPath: string, query: ReturnType<typeof splitQuery>, bucket?: string): string {
  let resource = (bucket === undefined ? '' : `/${bucket}`) + (rawPath === '' ? '/' : rawPath);
  const subresources: Array<[string, string | undefined]> = [];
  for (const { name, value } of query) {
    if (!SIGV2_SUBRESOURCES.has(name)) continue;
    subresources.push([name, value === '' ? undefined : Buffer.from(percentDecode(value)).toString('utf8')]);
  }
  if (subresources.length > 0) {
    subresources.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    resource += '?' + subresources.map(([n, v]) => (v === undefined ? n : `${n}=${v}`)).join('&');
  }
  return resource;
}

function queryValue(query: ReturnType<typeof splitQuery>, lowerName: string): string | undefined {
  for (const { name, value } of query) {
    if (percentDecodeToString(name).toLowerCase() === lowerName) return percentDecodeToString(value);
  }
  return undefined;
}

export interface VerifySigV2Options {
  now: Date;
  /** The bucket named by the Host of a virtual-hosted-style request; undefined for path-style. */
  bucket?: string;
  /** Header auth: allowed difference from `now` (default 15 minutes). */
  maxSkewMs?: number;
}

/**
 * Verifies a SigV2 request as S3 does: the time (header Date/x-amz-date within 15 minutes, or the
 * presigned URL's Expires), then HMAC-SHA1 of the StringToSign under the secret, compared in
 * constant time. Throws an S3Error (SignatureDoesNotMatch shows the StringToSign, as S3's does).
 */
export function verifySigV2(
  req: SignedRequestHead,
  auth: SigV2Auth,
  secretAccessKey: string,
  opts: VerifySigV2Options,
): void {
  const nowMs = Math.floor(opts.now.getTime() / 1000) * 1000;
  if (!Number.isFinite(nowMs)) throw new RangeError('verifySigV2: opts.now is not a valid Date');
  const serverTime = new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (auth.kind === 'query') {
    const expires = auth.expires!;
    if (!/^\d{1,12}$/.test(expires)) throw accessDenied(`Invalid date (should be seconds since epoch): ${expires}`);
    const expiresMs = Number(expires) * 1000;
    if (nowMs > expiresMs)
      throw requestExpired(new Date(expiresMs).toISOString().replace(/\.\d{3}Z$/, 'Z'), serverTime);
  } else {
    const sent = headerValue(req.headers, 'x-amz-date') ?? headerValue(req.headers, 'date');
    const ms = sent === undefined ? Number.NaN : Date.parse(sent.trim());
    if (Number.isNaN(ms)) throw accessDenied(NEEDS_DATE);
    const skew = opts.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
    if (Math.abs(ms - nowMs) > skew) throw requestTimeTooSkewed(sent!.trim(), serverTime, skew);
  }
  const stringToSign = sigV2StringToSign(req, auth, opts.bucket);
  const expected = createHmac('sha1', secretAccessKey).update(stringToSign, 'utf8').digest();
  const provided = Buffer.from(auth.signature, 'base64');
  const valid = provided.length === expected.length && provided.toString('base64') === auth.signature;
  // Same-length comparison either way, so timing shows only that the length was wrong.
  if (!(timingSafeEqual(expected, valid ? provided : expected) && valid)) {
    throw s3SignatureDoesNotMatch(auth.accessKeyId, stringToSign, auth.signature);
  }
}
