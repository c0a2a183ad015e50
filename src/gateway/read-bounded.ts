import type { Readable } from 'node:stream';
import { AwsError } from '../shared/aws-error.js';

/** Reads a whole body that must be small (an input-bearing request), refusing more than `limit` bytes. */
export function readBounded(body: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        body.removeAllListeners('data');
        body.resume();
        reject(new AwsError('RequestEntityTooLarge', `Request body must not exceed ${limit} bytes.`, 413));
        return;
      }
      chunks.push(chunk);
    });
    body.once('end', () => resolve(Buffer.concat(chunks)));
    body.once('error', reject);
  });
}
