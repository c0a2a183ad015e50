import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Caller, S3AuthOptions, S3Authentication, Unsigned } from '../auth/authenticate.js';
import { AwsError } from '../shared/aws-error.js';
import {
  type BodyPlan,
  type IncomingSignedRequest,
  type ParseAuthorizationResult,
  Sha256BodyVerifier,
  bodyVerifier,
  parseAmzDate,
  parseAuthorization,
} from '../sigv4/index.js';
import type { IdentifiedOperation, RequestHead } from '../wire/routing/types.js';
import type { BackendRequestPlan } from './backend-request.js';
import type { GatewayDeps, RoutedService } from './gateway-deps.js';
import type { S3AuthFacts } from './iam-questions/index.js';
import { readBounded } from './read-bounded.js';
import { authErrorFor } from './service-errors.js';
import { type StreamVerifier, VerifiedBody } from './verified-body.js';
import { headerOf } from './routes/wire-text.js';

/** The pipeline's authentication steps, as the door binds them (facts noted, the scope's region checked). */
export interface Authenticators {
  sigv4(signed: IncomingSignedRequest, parsed: ParseAuthorizationResult): Promise<Caller | Unsigned>;
  s3(head: RequestHead, opts: S3AuthOptions): Promise<S3Authentication>;
}

/** The request's body as the gateway will forward it: buffered, or streamed through its verifier. */
export class GatewayBody {
  buffered: Buffer | undefined;
  plan: BackendRequestPlan['body'];
  source: Readable | Buffer | undefined;
  #failure: AwsError | undefined;

  constructor(stream: Readable, length: number | undefined, decodedFromChunked = false) {
    this.plan = { kind: 'stream', ...(length !== undefined ? { length } : {}), decodedFromChunked };
    this.source = stream;
    stream.once('error', (err) => {
      if (err instanceof AwsError) this.#failure = err;
    });
  }

  useBuffered(bytes: Buffer): void {
    this.buffered = bytes;
    this.plan = { kind: 'buffered', bytes };
    this.source = bytes;
  }

  /** Why the body's verification stopped the upload, if it did. */
  failure(): AwsError | undefined {
    return this.#failure;
  }
}

export interface GatewayAuth {
  caller: Caller;
  body: GatewayBody;
  /** What the signature's transport says, for S3's condition keys (s3:authType, s3:signatureversion…). */
  s3Auth?: S3AuthFacts;
}

/** S3 operations that take an object body, the only ones that may send it aws-chunked. */
const OBJECT_UPLOADS = new Set(['PutObject', 'UploadPart']);
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Authenticates a request for a backend with Ward's own verifiers. S3 (`op` known from the head)
 * by S3's rules: SigV4 header or presigned, SigV2, the body streamed through its verifier
 * (x-amz-content-sha256, aws-chunked). Other services by SigV4: a body whose hash the signature
 * declares streams, checked; any other is read (bounded) and hashed first, as AWS's services do.
 * Failures answer in the service's own codes; anonymous requests are refused (Ward grants nothing
 * to no one).
 */
export async function authenticateGatewayRequest(
  deps: Pick<GatewayDeps, 'bufferLimit'>,
  head: RequestHead,
  body: Readable,
  service: RoutedService,
  op: IdentifiedOperation | undefined,
  authenticate: Authenticators,
  now: Date,
): Promise<GatewayAuth> {
  try {
    if (service.signingName === 's3') return await authenticateS3(head, body, service, op, authenticate, now);
    return await authenticateSigV4(deps, head, body, authenticate);
  } catch (err) {
    if (err instanceof AwsError && service.signingName !== 's3')
      throw authErrorFor(service.eventService, service.protocol, err);
    throw err;
  }
}

async function authenticateS3(
  head: RequestHead,
  body: Readable,
  service: RoutedService,
  op: IdentifiedOperation | undefined,
  authenticate: Authenticators,
  now: Date,
): Promise<GatewayAuth> {
  const s3 = await authenticate.s3(head, {
    ...(service.virtualHostedBucket !== undefined ? { bucket: service.virtualHostedBucket } : {}),
    allowStreaming: op !== undefined && OBJECT_UPLOADS.has(op.operation),
  });
  if (!s3.caller) throw new AwsError('AccessDenied', 'Access Denied', 403);
  const chunked = s3.body.kind === 'aws-chunked';
  const length = chunked
    ? (s3.body as Extract<BodyPlan, { kind: 'aws-chunked' }>).decodedContentLength
    : contentLength(head);
  const gatewayBody = new GatewayBody(verifiedStream(body, bodyVerifier(s3.body)), length, chunked);
  return { caller: s3.caller, body: gatewayBody, s3Auth: s3AuthFacts(head, s3, now) };
}

async function authenticateSigV4(
  deps: Pick<GatewayDeps, 'bufferLimit'>,
  head: RequestHead,
  body: Readable,
  authenticate: Authenticators,
): Promise<GatewayAuth> {
  const parsed = parseAuthorization(head);
  const declared =
    parsed.ok && parsed.auth.signedHeaders.includes('x-amz-content-sha256')
      ? headerOf(head, 'x-amz-content-sha256')?.trim()
      : undefined;
  let gatewayBody: GatewayBody;
  let payloadSha256Hex: string;
  if (declared !== undefined && HEX_SHA256.test(declared)) {
    // The signature covers the hash: the body streams, checked on the way.
    gatewayBody = new GatewayBody(verifiedStream(body, new Sha256BodyVerifier(declared)), contentLength(head));
    payloadSha256Hex = declared;
  } else {
    const bytes = await readBounded(body, deps.bufferLimit);
    gatewayBody = new GatewayBody(body, bytes.length);
    gatewayBody.useBuffered(bytes);
    payloadSha256Hex = createHash('sha256').update(bytes).digest('hex');
  }
  const authn = await authenticate.sigv4({ ...head, payloadSha256Hex }, parsed);
  if ('unsigned' in authn) throw authn.unsigned;
  return { caller: authn, body: gatewayBody };
}

/** S3's request-side condition keys about the signature (s3:authType, s3:signatureversion, s3:signatureAge…). */
function s3AuthFacts(head: RequestHead, s3: S3Authentication, now: Date): S3AuthFacts {
  const presigned = /(?:^|&)(X-Amz-Signature|Signature)=/.test(head.rawQuery);
  const facts: S3AuthFacts = {
    authType: presigned ? 'REST-QUERY-STRING' : 'REST-HEADER',
    signatureversion: s3.scheme === 'sigv2' ? 'AWS' : 'AWS4-HMAC-SHA256',
  };
  const sha = headerOf(head, 'x-amz-content-sha256');
  if (sha !== undefined) facts['x-amz-content-sha256'] = sha.trim();
  const amzDate = headerOf(head, 'x-amz-date') ?? /(?:^|&)X-Amz-Date=([0-9TZ]+)/.exec(head.rawQuery)?.[1];
  const signedAt = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (signedAt !== undefined) facts.signatureAge = String(Math.max(0, now.getTime() - signedAt));
  return facts;
}

/** The body through its verifier; a client that breaks off breaks the verified stream too. */
function verifiedStream(body: Readable, verifier: StreamVerifier): Readable {
  const verified = body.pipe(new VerifiedBody(verifier));
  body.once('error', (err) => verified.destroy(err));
  return verified;
}

function contentLength(head: RequestHead): number | undefined {
  const n = Number(headerOf(head, 'content-length') ?? Number.NaN);
  return Number.isFinite(n) ? n : undefined;
}
