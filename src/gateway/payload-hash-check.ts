import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { AwsError } from '../shared/aws-error.js';

/**
 * Passes a body on while hashing it, and holds back its last piece until the SHA-256 the client
 * signed (`x-amz-content-sha256`) is confirmed: a body that does not match never reaches the
 * backend whole, so the backend, short of its Content-Length, stores nothing.
 */
export class PayloadHashCheck extends Transform {
  readonly #hash = createHash('sha256');
  #held: Buffer | undefined;
  #length = 0;

  constructor(
    private readonly expectedHex: string,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.#length += chunk.length;
    if (this.#length > this.maxBytes) return done(tooLarge(this.maxBytes));
    this.#hash.update(chunk);
    if (this.#held) this.push(this.#held);
    this.#held = chunk;
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.#hash.digest('hex') !== this.expectedHex.toLowerCase()) {
      return done(
        new AwsError('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400),
      );
    }
    if (this.#held) this.push(this.#held);
    done();
  }
}

const tooLarge = (max: number): AwsError =>
  new AwsError('EntityTooLarge', `Your proposed upload exceeds the maximum allowed size of ${max} bytes.`, 400);
