/**
 * Test support only: AWS's published aws-chunked example (S3 API reference, "Transferring Payload in
 * Multiple Chunks" and "Including Trailing Headers") and helpers to feed a decoder.
 */
import { expect } from 'vitest';
import { AwsChunkedDecoder, type AwsChunkedOptions, type ChunkSigningContext } from '../aws-chunked.js';
import { HmacSha256 } from '../hmac.js';
import { S3Error } from '../s3-errors.js';
import { deriveSigningKey } from '../signing-key.js';

export const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const signer = new HmacSha256(deriveSigningKey(SECRET, '20130524', 'us-east-1', 's3'));
export const context = (seedSignature: string): ChunkSigningContext => ({
  signer,
  amzDate: '20130524T000000Z',
  scope: '20130524/us-east-1/s3/aws4_request',
  seedSignature,
});
export const SEED = '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9';
export const CHUNK_SIGNATURES = [
  'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
  '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
  'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
];
export const TRAILER_SEED = '106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e';
export const TRAILER_CHUNK_SIGNATURES = [
  'b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2',
  '1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7',
  '2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992',
];
export const TRAILER_SIGNATURE = 'd81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435';
export const A_64K = Buffer.alloc(65_536, 'a');
export const A_1K = Buffer.alloc(1024, 'a');
export const OBJECT = Buffer.concat([A_64K, A_1K]);

export function documentedBody(signatures: string[], tail: string): Buffer {
  return Buffer.concat([
    Buffer.from(`10000;chunk-signature=${signatures[0]}\r\n`),
    A_64K,
    Buffer.from(`\r\n400;chunk-signature=${signatures[1]}\r\n`),
    A_1K,
    Buffer.from(`\r\n0;chunk-signature=${signatures[2]}\r\n${tail}`),
  ]);
}
export const DOCUMENTED = documentedBody(CHUNK_SIGNATURES, '\r\n');
export const DOCUMENTED_TRAILER = documentedBody(
  TRAILER_CHUNK_SIGNATURES,
  `x-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:${TRAILER_SIGNATURE}\r\n\r\n`,
);

export const SIGNED: AwsChunkedOptions = {
  payload: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  decodedContentLength: 66_560,
  signing: context(SEED),
};
export const SIGNED_TRAILER: AwsChunkedOptions = {
  payload: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  decodedContentLength: 66_560,
  signing: context(TRAILER_SEED),
  trailer: 'x-amz-checksum-crc32c',
};

export interface Outcome {
  data: Buffer;
  error?: S3Error;
}

/** Feeds `body` in pieces of `split` bytes (or the given cut points), then ends it. */
export function decode(opts: AwsChunkedOptions, body: Buffer, split: number | number[] = body.length): Outcome {
  const decoder = new AwsChunkedDecoder(opts);
  const released: Buffer[] = [];
  const cuts = typeof split === 'number' ? range(split, body.length, split) : split;
  let from = 0;
  try {
    for (const cut of [...cuts, body.length]) {
      released.push(...decoder.push(body.subarray(from, cut)));
      from = cut;
    }
    decoder.end();
    return { data: Buffer.concat(released) };
  } catch (e) {
    if (!(e instanceof S3Error)) throw e;
    return { data: Buffer.concat(released), error: e };
  }
}

export function range(step: number, end: number, start: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i += step) out.push(i);
  return out;
}

export function expectError(outcome: Outcome, code: string, message?: string): void {
  expect(outcome.error?.code).toBe(code);
  if (message !== undefined) expect(outcome.error?.message).toBe(message);
}
