import { Transform, type TransformCallback } from 'node:stream';

/** What a body verifier does (sigv4's BodyVerifier: plain, SHA-256 checked, or aws-chunked decoded). */
export interface StreamVerifier {
  /** The bytes that may go on now (decoded, and verified where the body is signed chunk by chunk). */
  push(bytes: Uint8Array): Buffer[];
  /** Throws the service's error if the body turned out bad. */
  end(): void;
}

/**
 * A request body on its way to the backend through its verifier. The last piece is held back
 * until `end` confirmed the whole body, so a body that fails (a hash that does not match, a
 * tampered last chunk, a wrong trailing checksum) never reaches the backend whole: short of its
 * Content-Length, the backend stores nothing.
 */
export class VerifiedBody extends Transform {
  #held: Buffer | undefined;

  constructor(private readonly verifier: StreamVerifier) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let out: Buffer[];
    try {
      out = this.verifier.push(chunk);
    } catch (err) {
      return done(err as Error);
    }
    for (const piece of out) {
      if (piece.length === 0) continue;
      if (this.#held) this.push(this.#held);
      this.#held = piece;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    try {
      this.verifier.end();
    } catch (err) {
      return done(err as Error);
    }
    if (this.#held) this.push(this.#held);
    done();
  }
}
