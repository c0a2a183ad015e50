import { createHash, type Hash } from 'node:crypto';
import {
  CHECKSUM_HEADERS,
  decodeChecksumValue,
  runningChecksum,
  type ChecksumAlgorithm,
  type RunningChecksum,
} from './checksums.js';
import type { HmacSha256 } from './hmac.js';
import {
  S3Error,
  checksumBadDigest,
  chunkSignatureDoesNotMatch,
  contentLengthMismatch,
  entityTooLarge,
  incompleteBody,
  invalidChunkSize,
  invalidTrailingChecksum,
  malformedTrailer,
  trailerNotSupported,
} from './s3-errors.js';
import { signatureMatches } from './verify.js';

/** The aws-chunked `x-amz-content-sha256` values Ward decodes (SigV4a's ECDSA variants are out of scope). */
export type StreamingPayload =
  | 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD'
  | 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER'
  | 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';

/** What verifying chunk signatures needs, from the request's own (verified) signature. */
export interface ChunkSigningContext {
  /** HMAC under the request's SigV4 signing key: the key itself stays inside it, in memory only. */
  signer: HmacSha256;
  /** The request's `YYYYMMDDTHHMMSSZ`. */
  amzDate: string;
  /** `YYYYMMDD/region/s3/aws4_request`. */
  scope: string;
  /** The request's signature (Authorization header), lowercase hex: the first link of the chain. */
  seedSignature: string;
}

export interface AwsChunkedOptions {
  payload: StreamingPayload;
  /** `x-amz-decoded-content-length`: the decoded body must have exactly this many bytes. */
  decodedContentLength: number;
  /** Required for the two signed payloads, unless `unverifiedSignatures`. */
  signing?: ChunkSigningContext;
  /**
   * Emulator mode only (a key Ward does not hold, or moto's skipped authentication): decode signed
   * framing without checking the signatures, as moto does. Never for a real deployment.
   */
  unverifiedSignatures?: boolean;
  /** `x-amz-trailer` as sent (the one trailing checksum header the body must end with), if any. */
  trailer?: string;
  /** Largest signed chunk accepted; see {@link DEFAULT_MAX_CHUNK_BYTES}. */
  maxChunkBytes?: number;
}

/**
 * A signed chunk is held in memory until its signature (which covers all its bytes) verifies, so its
 * size bounds the memory an upload takes. The SDKs that sign chunks use 64 KiB (AWS's own example,
 * MinIO's clients) or 128 KiB (the Java SDKs); the CRT may send up to a part (8 MiB) at once. 8 MiB
 * admits all of them and caps a connection's buffer at that. Unsigned chunks are never held.
 */
export const DEFAULT_MAX_CHUNK_BYTES = 8 * 1024 * 1024;

/** S3's rule: every chunk but the last must hold at least this many bytes. */
export const MIN_CHUNK_BYTES = 8192;

// A chunk header is at most 16 hex digits + ";chunk-signature=" + 64 hex; a trailer line is a
// checksum header or the trailer signature. Anything longer is not aws-chunked framing.
const MAX_LINE_BYTES = 256;
const MAX_TRAILER_LINES = 8;
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const CHUNK_SIGNATURE_EXT = 'chunk-signature=';
const TRAILER_SIGNATURE = 'x-amz-trailer-signature';

const HEADER = 0;
const DATA = 1;
const DATA_CRLF = 2;
const TRAILER = 3;
const FINAL_CRLF = 4;
const DONE = 5;

/**
 * Incremental decoder and verifier of an aws-chunked body (S3's chunked uploads). Feed it the body
 * as it arrives, in pieces of any size; it returns the decoded object bytes it may release:
 *
 * - signed payloads: a chunk's bytes only once its signature, chained from the seed, verified (and a
 *   chunk under 8 KiB only once the next header shows it was the last), so unverified bytes never
 *   leave; then the final zero-length chunk's signature, and for `-TRAILER` the trailer signature;
 * - unsigned payload: bytes as they arrive (nothing to verify before the trailer).
 *
 * Trailing checksums are checked against the decoded bytes, and the decoded length against
 * `x-amz-decoded-content-length`. Any fault throws an {@link S3Error} with S3's code and message,
 * and every later call throws it again. Only after {@link end} returns is the body complete and
 * verified: a caller streaming the bytes on must not complete its own request before that.
 */
export class AwsChunkedDecoder {
  /** Chunks carry signatures (the framing); `#signing` absent means they are not checked. */
  readonly #signed: boolean;
  readonly #signing: ChunkSigningContext | undefined;
  readonly #trailerMode: boolean;
  readonly #declaredTrailer: string | undefined;
  readonly #checksum: { algorithm: ChecksumAlgorithm; sum: RunningChecksum } | undefined;
  readonly #maxChunk: number;
  #remainingDeclared: number;

  #state = HEADER;
  #failure: S3Error | undefined;
  readonly #line = Buffer.alloc(MAX_LINE_BYTES + 2);
  #lineLength = 0;
  #crlfSeen = 0;

  #chunkIndex = 0;
  #chunkSize = 0;
  #chunkLeft = 0;
  #chunkSignature = '';
  #chunkHash: Hash | undefined;
  /**
   * The signed chunk being received: the caller's own piece when one piece held it all, otherwise a
   * copy of exactly the chunk's size (never a list of pieces: a client dripping one byte per packet
   * would otherwise cost an object per byte).
   */
  #chunkData: Buffer | undefined;
  #chunkFill = 0;
  /** A verified chunk under 8 KiB, kept until the next header shows whether it was the last. */
  #heldSmall: { index: number; data: Buffer[]; size: number } | undefined;
  #previousSignature: string;

  readonly #trailers: Array<[string, string]> = [];
  #skippedTrailerBlank = false;

  constructor(opts: AwsChunkedOptions) {
    const signed = opts.payload !== 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';
    if (signed && opts.signing === undefined && opts.unverifiedSignatures !== true) {
      throw new TypeError('AwsChunkedDecoder: signed payloads need `signing`');
    }
    this.#signed = signed;
    if (!Number.isSafeInteger(opts.decodedContentLength) || opts.decodedContentLength < 0) {
      throw new RangeError('AwsChunkedDecoder: decodedContentLength must be a non-negative safe integer');
    }
    this.#signing = signed ? opts.signing : undefined;
    this.#previousSignature = opts.signing?.seedSignature.toLowerCase() ?? '';
    this.#trailerMode = opts.payload !== 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
    this.#remainingDeclared = opts.decodedContentLength;
    this.#maxChunk = opts.maxChunkBytes ?? DEFAULT_MAX_CHUNK_BYTES;
    const declared = opts.trailer?.trim().toLowerCase();
    if (declared !== undefined && declared !== '') {
      const algorithm = CHECKSUM_HEADERS.get(declared);
      if (algorithm === undefined) throw trailerNotSupported();
      this.#declaredTrailer = declared;
      if (this.#trailerMode) this.#checksum = { algorithm, sum: runningChecksum(algorithm) };
    }
  }

  /** The verified trailing headers (lowercase names), once the body is done. */
  get trailers(): ReadonlyArray<readonly [string, string]> {
    return this.#trailers;
  }

  /** Whether the whole body has been read and verified. */
  get done(): boolean {
    return this.#state === DONE;
  }

  /** Feeds the next bytes of the body; returns the decoded bytes now safe to release, in order. */
  push(input: Uint8Array): Buffer[] {
    if (this.#failure) throw this.#failure;
    const out: Buffer[] = [];
    try {
      this.#consume(Buffer.from(input.buffer, input.byteOffset, input.byteLength), out);
    } catch (e) {
      if (e instanceof S3Error) this.#failure = e;
      throw e;
    }
    return out;
  }

  /** The body ended: throws IncompleteBody unless it ended exactly after a complete, verified body. */
  end(): void {
    if (this.#failure) throw this.#failure;
    if (this.#state === DONE || (this.#state === FINAL_CRLF && this.#crlfSeen === 0 && this.#trailerMode)) {
      this.#state = DONE;
      return;
    }
    this.#failure = incompleteBody();
    throw this.#failure;
  }

  #consume(buf: Buffer, out: Buffer[]): void {
    let i = 0;
    while (i < buf.length) {
      switch (this.#state) {
        case DATA: {
          const take = Math.min(this.#chunkLeft, buf.length - i);
          this.#data(buf.subarray(i, i + take), out);
          i += take;
          break;
        }
        case DATA_CRLF:
        case FINAL_CRLF:
          i = this.#crlf(buf, i);
          break;
        case HEADER:
        case TRAILER: {
          const lf = buf.indexOf(0x0a, i);
          const end = lf < 0 ? buf.length : lf + 1;
          this.#appendLine(buf, i, end);
          i = end;
          if (lf >= 0) this.#lineComplete(out);
          break;
        }
        default:
          throw incompleteBody(); // bytes after the end of the body
      }
    }
  }

  #appendLine(buf: Buffer, from: number, to: number): void {
    if (this.#lineLength + (to - from) > this.#line.length) {
      throw this.#state === TRAILER ? malformedTrailer() : incompleteBody();
    }
    buf.copy(this.#line, this.#lineLength, from, to);
    this.#lineLength += to - from;
  }

  /** A complete line (ending in LF) sits in the line buffer. */
  #lineComplete(out: Buffer[]): void {
    const n = this.#lineLength;
    this.#lineLength = 0;
    const bad = (): S3Error => (this.#state === TRAILER ? malformedTrailer() : incompleteBody());
    if (n < 2 || this.#line[n - 2] !== 0x0d) throw bad();
    const text = this.#line.toString('latin1', 0, n - 2);
    if (this.#state === HEADER) this.#header(text, out);
    else this.#trailerLine(text);
  }

  #header(text: string, out: Buffer[]): void {
    const semi = text.indexOf(';');
    const sizeText = semi < 0 ? text : text.slice(0, semi);
    if (!/^[0-9A-Fa-f]{1,16}$/.test(sizeText)) throw incompleteBody();
    if (this.#signed) {
      const ext = semi < 0 ? '' : text.slice(semi + 1);
      if (!ext.startsWith(CHUNK_SIGNATURE_EXT)) throw incompleteBody();
      const signature = ext.slice(CHUNK_SIGNATURE_EXT.length);
      if (!/^[0-9a-fA-F]{64}$/.test(signature)) throw incompleteBody();
      this.#chunkSignature = signature;
    } else if (semi >= 0) {
      throw incompleteBody();
    }
    const size = Number.parseInt(sizeText, 16);
    this.#chunkIndex++;

    const held = this.#heldSmall;
    if (held !== undefined) {
      if (size > 0) throw invalidChunkSize(held.index, held.size);
      this.#heldSmall = undefined;
      out.push(...held.data);
    }
    if (size > this.#remainingDeclared) throw contentLengthMismatch();
    if (this.#signed && size > this.#maxChunk) throw entityTooLarge(size, this.#maxChunk);

    this.#chunkSize = size;
    this.#chunkLeft = size;
    if (size === 0) {
      if (this.#remainingDeclared !== 0) throw contentLengthMismatch();
      if (this.#signed) this.#verifyChunk(EMPTY_SHA256);
      this.#state = this.#trailerMode ? TRAILER : FINAL_CRLF;
      this.#crlfSeen = 0;
      return;
    }
    this.#remainingDeclared -= size;
    if (this.#signed) this.#chunkHash = createHash('sha256');
    this.#state = DATA;
  }

  #data(piece: Buffer, out: Buffer[]): void {
    this.#chunkLeft -= piece.length;
    this.#checksum?.sum.update(piece);
    if (!this.#signed) {
      out.push(piece);
      if (this.#chunkLeft === 0) this.#endOfData(out, []);
      return;
    }
    this.#chunkHash!.update(piece);
    if (piece.length === this.#chunkSize) {
      this.#chunkData = piece;
    } else {
      this.#chunkData ??= Buffer.allocUnsafe(this.#chunkSize);
      piece.copy(this.#chunkData, this.#chunkFill);
      this.#chunkFill += piece.length;
    }
    if (this.#chunkLeft > 0) return;
    this.#verifyChunk(this.#chunkHash!.digest('hex'));
    const data = this.#chunkData;
    this.#chunkHash = undefined;
    this.#chunkData = undefined;
    this.#chunkFill = 0;
    this.#endOfData(out, [data]);
  }

  /** After a chunk's last byte: release it, or hold it if it is small (it must then be the last). */
  #endOfData(out: Buffer[], data: Buffer[]): void {
    if (this.#chunkSize < MIN_CHUNK_BYTES) {
      // Unsigned chunks were released as they came; only their size is remembered.
      this.#heldSmall = { index: this.#chunkIndex, data, size: this.#chunkSize };
    } else {
      out.push(...data);
    }
    this.#state = DATA_CRLF;
    this.#crlfSeen = 0;
  }

  #crlf(buf: Buffer, i: number): number {
    const expected = this.#crlfSeen === 0 ? 0x0d : 0x0a;
    if (buf[i] !== expected) throw incompleteBody();
    this.#crlfSeen++;
    if (this.#crlfSeen === 2) {
      this.#state = this.#state === DATA_CRLF ? HEADER : DONE;
      this.#crlfSeen = 0;
    }
    return i + 1;
  }

  #verifyChunk(dataSha256Hex: string): void {
    const signing = this.#signing;
    if (signing === undefined) return; // unverifiedSignatures
    const stringToSign = `AWS4-HMAC-SHA256-PAYLOAD\n${signing.amzDate}\n${signing.scope}\n${this.#previousSignature}\n${EMPTY_SHA256}\n${dataSha256Hex}`;
    const expected = signing.signer.digestHex(stringToSign);
    if (!signatureMatches(expected, this.#chunkSignature)) throw chunkSignatureDoesNotMatch();
    this.#previousSignature = expected;
  }

  #trailerLine(text: string): void {
    if (text === '') {
      if (this.#signed && this.#trailers.length === 0 && !this.#skippedTrailerBlank) {
        // Some signers close the zero-length chunk with its own CRLF before the trailers.
        this.#skippedTrailerBlank = true;
        return;
      }
      if (this.#signed) throw malformedTrailer(); // the trailer signature must close a signed section
      this.#finishTrailers();
      this.#state = DONE;
      return;
    }
    const colon = text.indexOf(':');
    if (colon <= 0) throw malformedTrailer();
    const name = text.slice(0, colon).trim().toLowerCase();
    const value = text.slice(colon + 1).trim();
    if (this.#signed && name === TRAILER_SIGNATURE) {
      this.#verifyTrailerSignature(value);
      this.#finishTrailers();
      this.#state = FINAL_CRLF; // an optional closing CRLF
      this.#crlfSeen = 0;
      return;
    }
    if (this.#trailers.length >= MAX_TRAILER_LINES) throw malformedTrailer();
    this.#trailers.push([name, value]);
  }

  #verifyTrailerSignature(provided: string): void {
    const signing = this.#signing;
    if (signing === undefined) return; // unverifiedSignatures
    let canonical = '';
    for (const [name, value] of this.#trailers) canonical += `${name}:${value}\n`;
    const digest = createHash('sha256').update(canonical, 'latin1').digest('hex');
    const stringToSign = `AWS4-HMAC-SHA256-TRAILER\n${signing.amzDate}\n${signing.scope}\n${this.#previousSignature}\n${digest}`;
    if (!signatureMatches(signing.signer.digestHex(stringToSign), provided)) throw chunkSignatureDoesNotMatch();
  }

  /** The trailing headers are complete (and, when signed, authentic): check them against the data. */
  #finishTrailers(): void {
    const declared = this.#declaredTrailer;
    if (this.#trailers.length !== (declared === undefined ? 0 : 1)) throw malformedTrailer();
    if (declared !== undefined) {
      const [name, value] = this.#trailers[0]!;
      if (name !== declared) throw malformedTrailer();
      const checksum = this.#checksum!;
      if (decodeChecksumValue(checksum.algorithm, value) === undefined) throw invalidTrailingChecksum(name);
      if (checksum.sum.digestBase64() !== value) throw checksumBadDigest(checksum.algorithm);
    }
  }
}
