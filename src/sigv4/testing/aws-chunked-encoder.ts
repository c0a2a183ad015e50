/**
 * Test support only: an aws-chunked encoder (what an SDK sends), checked against AWS's published
 * example in aws-chunked.test.ts before the other tests rely on it.
 */
import { createHash } from 'node:crypto';
import type { ChunkSigningContext } from '../aws-chunked.js';

const EMPTY_SHA256 = createHash('sha256').digest('hex');

export interface EncodeOptions {
  /** Omit for STREAMING-UNSIGNED-PAYLOAD-TRAILER framing. */
  signing?: ChunkSigningContext;
  /** Trailing headers (the signed variant appends x-amz-trailer-signature). */
  trailers?: ReadonlyArray<readonly [string, string]>;
  /** Whether the body has a trailer section at all (the -TRAILER payloads). */
  trailerSection?: boolean;
}

/** The data cut into `sizes` (their sum must be the data's length), encoded as aws-chunked. */
export function encodeAwsChunked(data: Buffer, sizes: readonly number[], opts: EncodeOptions): Buffer {
  const parts: Buffer[] = [];
  let previous = opts.signing?.seedSignature ?? '';
  const sign = (hash: string): string => {
    const s = opts.signing!;
    previous = s.signer.digestHex(
      `AWS4-HMAC-SHA256-PAYLOAD\n${s.amzDate}\n${s.scope}\n${previous}\n${EMPTY_SHA256}\n${hash}`,
    );
    return previous;
  };
  let offset = 0;
  for (const size of [...sizes, 0]) {
    const chunk = data.subarray(offset, offset + size);
    offset += size;
    const header = opts.signing
      ? `${size.toString(16)};chunk-signature=${sign(createHash('sha256').update(chunk).digest('hex'))}`
      : size.toString(16);
    parts.push(Buffer.from(`${header}\r\n`));
    if (size > 0 || !opts.trailerSection) parts.push(chunk, Buffer.from('\r\n'));
  }
  if (opts.trailerSection) {
    let canonical = '';
    for (const [name, value] of opts.trailers ?? []) {
      parts.push(Buffer.from(`${name}:${value}\r\n`));
      canonical += `${name}:${value}\n`;
    }
    if (opts.signing) {
      const s = opts.signing;
      const digest = createHash('sha256').update(canonical).digest('hex');
      const signature = s.signer.digestHex(
        `AWS4-HMAC-SHA256-TRAILER\n${s.amzDate}\n${s.scope}\n${previous}\n${digest}`,
      );
      parts.push(Buffer.from(`x-amz-trailer-signature:${signature}\r\n`));
    }
    parts.push(Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}
