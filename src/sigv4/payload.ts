import { createHash, type Hash } from 'node:crypto';
import { AwsChunkedDecoder, type ChunkSigningContext, type StreamingPayload } from './aws-chunked.js';
import { headerValue } from './headers.js';
import {
  anonymousSignedStreaming,
  contentSha256Mismatch,
  invalidContentSha256,
  invalidSha256PayloadUsage,
  missingContentLength,
  missingContentSha256,
} from './s3-errors.js';

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

const STREAMING: ReadonlySet<string> = new Set<StreamingPayload>([
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
]);
/** SigV4a's streaming values: valid for S3, but Ward verifies no ECDSA signatures. */
const ECDSA_STREAMING: ReadonlySet<string> = new Set([
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD',
  'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER',
]);
const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/** What `x-amz-content-sha256` says of the body. */
export type ContentSha256 =
  { kind: 'sha256'; sha256Hex: string } | { kind: 'unsigned' } | { kind: 'streaming'; payload: StreamingPayload };

/**
 * S3's reading of `x-amz-content-sha256`: a SHA-256 in hex, UNSIGNED-PAYLOAD or a STREAMING-*
 * value; anything else is S3's InvalidArgument. Absent: `undefined` (the caller decides: header
 * auth requires it, presigned URLs mean UNSIGNED-PAYLOAD).
 */
export function readContentSha256(value: string | undefined): ContentSha256 | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === UNSIGNED_PAYLOAD) return { kind: 'unsigned' };
  if (HEX_SHA256.test(v)) return { kind: 'sha256', sha256Hex: v.toLowerCase() };
  if (STREAMING.has(v)) return { kind: 'streaming', payload: v as StreamingPayload };
  if (ECDSA_STREAMING.has(v)) throw invalidSha256PayloadUsage();
  throw invalidContentSha256(value);
}

/** The header a header-signed S3 request must carry. */
export function requireContentSha256(value: string | undefined): ContentSha256 {
  const read = readContentSha256(value);
  if (read === undefined) throw missingContentSha256();
  return read;
}

/** How the body of a verified request is to be verified as it streams. */
export type BodyPlan =
  /** UNSIGNED-PAYLOAD, presigned URLs, SigV2: the body is not covered by the signature. */
  | { kind: 'unsigned' }
  /** The hex SHA-256 the signature covers, to compare once the body has been read. */
  | { kind: 'sha256'; sha256Hex: string }
  /** aws-chunked: decode, and verify each chunk (signed payloads) and the trailer. */
  | {
      kind: 'aws-chunked';
      payload: StreamingPayload;
      decodedContentLength: number;
      /** `x-amz-trailer` as sent. */
      trailer?: string;
      /** For the signed payloads; holds the signing key's HMAC, never to be logged or stored. */
      signing?: ChunkSigningContext;
      /** Emulator mode only: signed framing decoded without checking signatures. */
      unverifiedSignatures?: boolean;
    };

/**
 * `x-amz-decoded-content-length` of an aws-chunked upload: required, a decimal byte count
 * (MissingContentLength otherwise, as S3).
 */
export function decodedContentLength(value: string | undefined): number {
  const v = value?.trim();
  if (v === undefined || !/^\d{1,15}$/.test(v)) throw missingContentLength();
  return Number(v);
}

/**
 * The one interface a gateway streams a request body through, whatever the plan: `push` returns
 * the bytes it may forward now (the decoded object for aws-chunked), `end` throws the S3 error if
 * the body turned out bad. A gateway must not complete its request to the backend before `end`
 * returned: with a plain SHA-256 the mismatch is only known once the last byte is in.
 */
export interface BodyVerifier {
  push(bytes: Uint8Array): Buffer[];
  end(): void;
  /** Verified trailing headers of an aws-chunked body (lowercase names), after `end`. */
  readonly trailers: ReadonlyArray<readonly [string, string]>;
}

/**
 * The body plan of a request with no SigV4 signature to chain chunks from: anonymous, or SigV2.
 * A declared SHA-256 is still checked and an unsigned aws-chunked body still decoded (as S3 does);
 * signed chunks cannot be, so S3 refuses them (its anonymous wording when `anonymous`).
 */
export function bodyPlanWithoutSeed(headers: ReadonlyArray<readonly [string, string]>, anonymous: boolean): BodyPlan {
  const read = readContentSha256(headerValue(headers, 'x-amz-content-sha256'));
  if (read === undefined || read.kind !== 'streaming') return read ?? { kind: 'unsigned' };
  if (read.payload !== 'STREAMING-UNSIGNED-PAYLOAD-TRAILER') {
    throw anonymous ? anonymousSignedStreaming() : invalidSha256PayloadUsage();
  }
  const plan: BodyPlan = {
    kind: 'aws-chunked',
    payload: read.payload,
    decodedContentLength: decodedContentLength(headerValue(headers, 'x-amz-decoded-content-length')),
  };
  const trailer = headerValue(headers, 'x-amz-trailer')?.trim();
  if (trailer) plan.trailer = trailer;
  return plan;
}

/** Opens the verifier a plan calls for; `maxChunkBytes` bounds a signed chunk held in memory. */
export function bodyVerifier(plan: BodyPlan, opts?: { maxChunkBytes?: number }): BodyVerifier {
  switch (plan.kind) {
    case 'unsigned':
      return new PassThroughBody();
    case 'sha256':
      return new Sha256BodyVerifier(plan.sha256Hex);
    case 'aws-chunked':
      return new AwsChunkedDecoder({ ...plan, maxChunkBytes: opts?.maxChunkBytes });
  }
}

const NO_TRAILERS: ReadonlyArray<readonly [string, string]> = [];

class PassThroughBody implements BodyVerifier {
  readonly trailers = NO_TRAILERS;
  push(bytes: Uint8Array): Buffer[] {
    return [Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)];
  }
  end(): void {}
}

/** Hashes the body as it passes; `end` answers XAmzContentSHA256Mismatch if it is not the signed hash. */
export class Sha256BodyVerifier implements BodyVerifier {
  readonly trailers = NO_TRAILERS;
  readonly #expected: string;
  readonly #hash: Hash = createHash('sha256');
  #result: string | undefined;

  constructor(expectedHex: string) {
    this.#expected = expectedHex.toLowerCase();
  }

  push(bytes: Uint8Array): Buffer[] {
    if (this.#result !== undefined) throw new Error('Sha256BodyVerifier: push after end');
    this.#hash.update(bytes);
    return [Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)];
  }

  end(): void {
    this.#result ??= this.#hash.digest('hex');
    if (this.#result !== this.#expected) throw contentSha256Mismatch(this.#expected, this.#result);
  }
}
