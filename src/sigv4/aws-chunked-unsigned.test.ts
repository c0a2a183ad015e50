import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AwsChunkedDecoder, type AwsChunkedOptions } from './aws-chunked.js';
import { runningChecksum } from './checksums.js';
import { encodeAwsChunked } from './testing/aws-chunked-encoder.js';
import { SEED, decode, expectError } from './testing/aws-chunked-fixtures.js';

describe('aws-chunked: STREAMING-UNSIGNED-PAYLOAD-TRAILER', () => {
  const unsigned = (length: number, trailer?: string): AwsChunkedOptions => ({
    payload: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
    decodedContentLength: length,
    trailer,
  });

  it('decodes what the JS SDK sends (one chunk, CRC32 trailer) and releases bytes as they come', () => {
    const data = Buffer.from('hello world');
    const sum = runningChecksum('CRC32');
    sum.update(data);
    const body = Buffer.from(`b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:${sum.digestBase64()}\r\n\r\n`);
    const decoder = new AwsChunkedDecoder(unsigned(11, 'x-amz-checksum-crc32'));
    expect(Buffer.concat(decoder.push(body.subarray(0, 8))).toString()).toBe('hello');
    expect(Buffer.concat(decoder.push(body.subarray(8))).toString()).toBe(' world');
    decoder.end();
    expect(decoder.trailers).toEqual([['x-amz-checksum-crc32', sum.digestBase64()]]);
  });

  it.each(['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const)('checks a %s trailer', (algorithm) => {
    const data = randomBytes(20_000);
    const sum = runningChecksum(algorithm);
    sum.update(data);
    const name = `x-amz-checksum-${algorithm.toLowerCase()}`;
    const digest = sum.digestBase64();
    const good = encodeAwsChunked(data, [10_000, 10_000], { trailerSection: true, trailers: [[name, digest]] });
    expect(decode(unsigned(data.length, name), good, 333).data.equals(data)).toBe(true);
    const flipped = Buffer.from(data);
    flipped[5] = flipped[5]! ^ 1;
    const bad = encodeAwsChunked(flipped, [10_000, 10_000], { trailerSection: true, trailers: [[name, digest]] });
    expectError(
      decode(unsigned(data.length, name), bad),
      'BadDigest',
      `The ${algorithm} you specified did not match the calculated checksum.`,
    );
  });

  it('refuses chunk signatures, a missing trailer and small middle chunks, as S3 does', () => {
    expectError(
      decode(unsigned(5, 'x-amz-checksum-crc64nvme'), Buffer.from('5\r\nhello\r\n0\r\n\r\n')),
      'MalformedTrailerError',
    );
    expectError(
      decode(unsigned(5, 'x-amz-checksum-crc64nvme'), Buffer.from('5\r\nhello\r\n0\r\n:M3eFcAZSQlc=\r\n\r\n')),
      'MalformedTrailerError',
    );
    expectError(
      decode(unsigned(5), Buffer.from('5\r\nhello\r\n0\r\nx-amz-checksum-crc64nvme:M3eFcAZSQlc=\r\n\r\n')),
      'MalformedTrailerError',
    );
    expectError(decode(unsigned(5), Buffer.from(`5;chunk-signature=${SEED}\r\nhello\r\n0\r\n\r\n`)), 'IncompleteBody');
    const data = randomBytes(8192 + 10 + 100);
    expectError(
      decode(unsigned(data.length), encodeAwsChunked(data, [8192, 10, 100], { trailerSection: true })),
      'InvalidChunkSizeError',
    );
    expect(
      decode(unsigned(data.length), encodeAwsChunked(data, [8192, 110], { trailerSection: true })).error,
    ).toBeUndefined();
  });
});
