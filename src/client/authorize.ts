/**
 * Client for Ward's `POST /authorize`: a service that receives SigV4-signed requests from its own
 * users asks Ward who signed a request and whether that principal may perform an action on a
 * resource. Dependency-free: only the platform's `fetch` and node:crypto.
 */
import { createHash } from 'node:crypto';

export interface AuthorizeRequestInput {
  /** Ward's base URL, e.g. http://127.0.0.1:4599 */
  wardUrl: string;
  /** The request as the service received it. */
  request: {
    method: string;
    /** Path and query exactly as on the request line. */
    url: string;
    /** Header pairs as received (Node: pair up `req.rawHeaders`). */
    headers: Array<[string, string]> | Record<string, string>;
    /** The body bytes (hashed here; never sent to Ward). */
    body?: Uint8Array | string;
  };
  action: string;
  resource: string;
  /**
   * The request's own condition keys: the service's (`s3:prefix`…) and the request-side global ones
   * (aws:RequestTag/*, aws:TagKeys, aws:ResourceTag/*, aws:SourceArn…). Ward derives the principal's
   * keys (aws:PrincipalArn, aws:PrincipalTag/*, aws:MultiFactorAuthPresent…) from the signature and
   * refuses them here with a 400.
   */
  context?: Record<string, string | string[]>;
  /** The end user's address as the service saw it (aws:SourceIp); an IP address, honoured with `token` only. */
  sourceIp?: string;
  /** Whether the end user's request came over TLS (aws:SecureTransport). */
  secureTransport?: boolean;
  /**
   * Ward's WARD_AUTHORIZE_TOKEN. Without it only processes on Ward's host may ask, and only when
   * Ward allows it (WARD_AUTHORIZE_ALLOW_LOOPBACK_WITHOUT_TOKEN=1).
   */
  token?: string;
}

export interface AuthorizeResult {
  principal: { arn: string; accountId: string; userId: string; type: string };
  accessKeyId?: string;
  decision: 'Allowed' | 'ExplicitDeny' | 'ImplicitDeny';
  allowed: boolean;
  /** The statements that decided, for token-authenticated callers only. */
  matchedStatements?: Array<{ policyId: string; sid?: string; effect: 'Allow' | 'Deny'; index: number }>;
  /** AWS's AccessDenied text, when denied. */
  message?: string;
}

/**
 * Ward refused the request itself: the signature, the key, or the call (401/403 when this caller may
 * not use /authorize, 400 for a refused context key or sourceIp, 413 for an oversized body).
 * `code` is AWS's error code.
 */
export class WardAuthorizeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'WardAuthorizeError';
  }
}

/** Pairs node's `req.rawHeaders` list into [name, value] tuples. */
export function pairRawHeaders(raw: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

export async function authorizeRequest(input: AuthorizeRequestInput): Promise<AuthorizeResult> {
  const bodySha256 = createHash('sha256')
    .update(input.request.body ?? '')
    .digest('hex');
  const res = await fetch(new URL('/authorize', input.wardUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(input.token ? { authorization: `Bearer ${input.token}` } : {}) },
    body: JSON.stringify({
      request: { method: input.request.method, url: input.request.url, headers: input.request.headers, bodySha256 },
      action: input.action,
      resource: input.resource,
      ...(input.context ? { context: input.context } : {}),
      ...(input.sourceIp ? { sourceIp: input.sourceIp } : {}),
      ...(input.secureTransport !== undefined ? { secureTransport: input.secureTransport } : {}),
    }),
  });
  const payload = (await res.json()) as AuthorizeResult & { error?: { code: string; message: string } };
  if (!res.ok || payload.error)
    throw new WardAuthorizeError(
      payload.error?.code ?? 'Unknown',
      payload.error?.message ?? res.statusText,
      res.status,
    );
  return payload;
}
