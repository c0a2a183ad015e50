import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Caller, Unsigned } from '../auth/authenticate.js';
import { AwsError } from '../shared/aws-error.js';
import { type IncomingSignedRequest, type ParseAuthorizationResult, parseAuthorization } from '../sigv4/index.js';
import type { RequestHead } from '../wire/routing/types.js';
import type { BackendRequestPlan } from './backend-request.js';
import type { GatewayDeps, RoutedService } from './gateway-deps.js';
import { PayloadHashCheck } from './payload-hash-check.js';
import { readBounded } from './read-bounded.js';
import { authErrorFor } from './service-errors.js';
import type { S3AuthFacts } from './iam-questions/index.js';

/** Verifies a request's signature (the pipeline's authentication step, as the door binds it). */
export type Authenticate = (signed: IncomingSignedRequest, parsed: ParseAuthorizationResult) => Promise<Caller | Unsigned>;

/** The request's body as the gateway will forward it: buffered, or streamed through its verifier. */
export class GatewayBody {
  buffered: Buffer | undefined;
  plan: BackendRequestPlan['body'];
  source: Readable | Buffer | undefined;
  #failure: AwsError | undefined;

  constructor(stream: Readable, length: number | undefined) {
    this.plan = { kind: 'stream', ...(length !== undefined ? { length } : {}), decodedFromChunked: false };
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

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Authenticates a request for a backend with Ward's own SigV4 verifier. A body the client
 * hashed into the signature (`x-amz-content-sha256`) streams, checked as it goes; an unsigned
 * payload streams as is; any other body is read (bounded) and hashed first, as AWS's services
 * verify it. Failures answer in the service's own codes.
 */
export async function authenticateGatewayRequest(
  deps: Pick<GatewayDeps, 'bufferLimit'>,
  head: RequestHead,
  body: Readable,
  service: RoutedService,
  authenticate: Authenticate,
): Promise<GatewayAuth> {
  const unsignedHead: IncomingSignedRequest = { ...head, payloadSha256Hex: '' };
  const parsed = parseAuthorization(unsignedHead);
  const declared = parsed.ok && parsed.auth.signedHeaders.includes('x-amz-content-sha256')
    ? headerOf(head, 'x-amz-content-sha256')?.trim()
    : undefined;
  const presignedS3 = parsed.ok && parsed.auth.kind === 'query' && service.signingName === 's3';
  const length = Number(headerOf(head, 'content-length') ?? Number.NaN);
  const gatewayBody = new GatewayBody(body, Number.isFinite(length) ? length : undefined);

  let payloadSha256Hex: string;
  if (presignedS3) payloadSha256Hex = 'UNSIGNED-PAYLOAD';
  else if (declared !== undefined) {
    payloadSha256Hex = declared;
    if (HEX_SHA256.test(declared)) {
      const checked = body.pipe(new PayloadHashCheck(declared));
      gatewayBody.source = checked;
      checked.once('error', () => body.unpipe(checked));
    } else if (declared !== 'UNSIGNED-PAYLOAD') {
      throw authErrorFor(
        service.eventService,
        service.protocol,
        new AwsError('NotImplemented', `Ward's gateway does not verify ${declared} bodies yet.`, 501),
      );
    }
  } else if (parsed.ok && service.signingName === 's3' && parsed.auth.kind === 'header') {
    throw new AwsError('InvalidRequest', 'Missing required header for this request: x-amz-content-sha256', 400);
  } else {
    const bytes = await readBounded(body, deps.bufferLimit);
    gatewayBody.useBuffered(bytes);
    payloadSha256Hex = createHash('sha256').update(bytes).digest('hex');
  }

  let authn: Caller | Unsigned;
  try {
    authn = await authenticate({ ...head, payloadSha256Hex }, parsed);
  } catch (err) {
    if (err instanceof AwsError) throw authErrorFor(service.eventService, service.protocol, err);
    throw err;
  }
  // Anonymous requests (S3's public buckets) are refused: Ward grants nothing to no one.
  if ('unsigned' in authn) throw authErrorFor(service.eventService, service.protocol, authn.unsigned);
  return { caller: authn, body: gatewayBody };
}

function headerOf(head: RequestHead, name: string): string | undefined {
  for (const [k, v] of head.headers) if (k.length === name.length && k.toLowerCase() === name) return v;
  return undefined;
}
