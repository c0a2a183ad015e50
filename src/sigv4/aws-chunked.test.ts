import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AwsChunkedDecoder, type AwsChunkedOptions } from './aws-chunked.js';
import { runningChecksum } from './checksums.js';
import { encodeAwsChunked } from './testing/aws-chunked-encoder.js';
import {
  A_64K,
  CHUNK_SIGNATURES,
  DOCUMENTED,
  DOCUMENTED_TRAILER,
  OBJECT,
  SEED,
  SIGNED,
  SIGNED_TRAILER,
  TRAILER_CHUNK_SIGNATURES,
  TRAILER_SEED,
  TRAILER_SIGNATURE,
  context,
  decode,
  documentedBody,
  expectError,
  range,
} from './testing/aws-chunked-fixtures.js';

describe("aws-chunked: AWS's published examples", () => {
  it('the test encoder reproduces the documented chunk signatures', () => {
    expect(encodeAwsChunked(OBJECT, [65_536, 1024], { signing: context(SEED) }).equals(DOCUMENTED)).toBe(true);
    const trailer = encodeAwsChunked(OBJECT, [65_536, 1024], {
      signing: context(TRAILER_SEED),
      trailerSection: true,
      trailers: [['x-amz-checksum-crc32c', 'sOO8/Q==']],
    });
    expect(trailer.equals(DOCUMENTED_TRAILER)).toBe(true);
  });

  it.each([1, 7, 100, 8191, 65_536, 70_000])('decodes the signed example fed %i bytes at a time', (split) => {
    const outcome = decode(SIGNED, DOCUMENTED, split);
    expect(outcome.error).toBeUndefined();
    expect(outcome.data.equals(OBJECT)).toBe(true);
  });

  it.each([1, 13, 4096, 66_000])(
    'decodes the trailer example (CRC32C, trailer signature) fed %i bytes at a time',
    (split) => {
      const decoder = new AwsChunkedDecoder(SIGNED_TRAILER);
      const released: Buffer[] = [];
      for (let i = 0; i < DOCUMENTED_TRAILER.length; i += split) {
        released.push(...decoder.push(DOCUMENTED_TRAILER.subarray(i, i + split)));
      }
      decoder.end();
      expect(Buffer.concat(released).equals(OBJECT)).toBe(true);
      expect(decoder.trailers).toEqual([['x-amz-checksum-crc32c', 'sOO8/Q==']]);
    },
  );

  it('accepts the trailer section with or without the closing CRLF, and a CRLF before it', () => {
    const withoutFinal = DOCUMENTED_TRAILER.subarray(0, DOCUMENTED_TRAILER.length - 2);
    expect(decode(SIGNED_TRAILER, withoutFinal).error).toBeUndefined();
    const blankFirst = documentedBody(
      TRAILER_CHUNK_SIGNATURES,
      `\r\nx-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:${TRAILER_SIGNATURE}\r\n`,
    );
    expect(decode(SIGNED_TRAILER, blankFirst).data.equals(OBJECT)).toBe(true);
  });

  it('releases a chunk only once its signature verified', () => {
    const decoder = new AwsChunkedDecoder(SIGNED);
    // Everything of the first chunk but its last byte: nothing may come out yet.
    const firstDataEnd = DOCUMENTED.indexOf('\r\n') + 2 + 65_536;
    expect(decoder.push(DOCUMENTED.subarray(0, firstDataEnd - 1))).toEqual([]);
    const out = decoder.push(DOCUMENTED.subarray(firstDataEnd - 1, firstDataEnd));
    expect(Buffer.concat(out).equals(A_64K)).toBe(true);
  });
});

describe('aws-chunked: attacks', () => {
  it('a tampered byte in a chunk fails with SignatureDoesNotMatch, and that chunk is never released', () => {
    const tampered = Buffer.from(DOCUMENTED);
    const secondChunkData = DOCUMENTED.indexOf('400;') + `400;chunk-signature=${CHUNK_SIGNATURES[1]}\r\n`.length;
    tampered[secondChunkData + 10] = 'b'.charCodeAt(0);
    const outcome = decode(SIGNED, tampered, 1000);
    expectError(
      outcome,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
    expect(outcome.error?.status).toBe(403);
    expect(outcome.data.equals(A_64K)).toBe(true); // only the verified first chunk

    const firstTampered = Buffer.from(DOCUMENTED);
    firstTampered[200] = 'b'.charCodeAt(0);
    expect(decode(SIGNED, firstTampered, 1).data.length).toBe(0);
  });

  it('chunks sent in another order fail (each signature chains the previous one)', () => {
    const data = randomBytes(3 * 8192);
    const [a, b, c] = [data.subarray(0, 8192), data.subarray(8192, 16_384), data.subarray(16_384)];
    const body = encodeAwsChunked(data, [8192, 8192, 8192], { signing: context(SEED) });
    const pieces = splitChunks(body);
    const swapped = Buffer.concat([pieces[1]!, pieces[0]!, pieces[2]!, pieces[3]!]);
    const opts = { ...SIGNED, decodedContentLength: data.length };
    expect(decode(opts, body).data.equals(Buffer.concat([a, b, c]))).toBe(true);
    expectError(decode(opts, swapped), 'SignatureDoesNotMatch');
  });

  it('a chunk signature reused for identical data later in the stream fails', () => {
    const data = Buffer.alloc(2 * 8192, 'z');
    const pieces = splitChunks(encodeAwsChunked(data, [8192, 8192], { signing: context(SEED) }));
    const replayed = Buffer.concat([pieces[0]!, pieces[0]!, pieces[2]!]);
    expectError(decode({ ...SIGNED, decodedContentLength: data.length }, replayed), 'SignatureDoesNotMatch');
  });

  it('a body signed under another seed (another request) fails on its first chunk', () => {
    expectError(decode({ ...SIGNED, signing: context(TRAILER_SEED) }, DOCUMENTED), 'SignatureDoesNotMatch');
  });

  it('a truncated body fails with IncompleteBody, wherever it is cut', () => {
    for (const cut of [10, 100, 65_000, DOCUMENTED.length - 90, DOCUMENTED.length - 1]) {
      expectError(
        decode(SIGNED, DOCUMENTED.subarray(0, cut)),
        'IncompleteBody',
        'The request body terminated unexpectedly',
      );
    }
    // Without the final zero-length chunk, the object is not complete either.
    const noFinal = DOCUMENTED.subarray(0, DOCUMENTED.indexOf('0;chunk-signature=b6'));
    expectError(decode(SIGNED, noFinal), 'IncompleteBody');
  });

  it('an oversized chunk header or chunk is refused before any memory is spent on it', () => {
    const endless = Buffer.from(`10000;chunk-signature=${'a'.repeat(1000)}`);
    expectError(decode(SIGNED, endless), 'IncompleteBody');
    const huge = Buffer.from(`ffffffffffff;chunk-signature=${CHUNK_SIGNATURES[0]}\r\n`);
    expectError(decode({ ...SIGNED, decodedContentLength: 2 ** 50 }, huge), 'EntityTooLarge');
    expectError(
      decode(SIGNED, huge),
      'IncompleteBody',
      'You did not provide the number of bytes specified by the Content-Length HTTP header',
    );
    expectError(decode(SIGNED, Buffer.from('1'.repeat(17) + `;chunk-signature=${SEED}\r\n`)), 'IncompleteBody');
  });

  it('malformed framing answers IncompleteBody', () => {
    const cases = [
      DOCUMENTED.toString('latin1').replace('10000;', '1000g;'),
      DOCUMENTED.toString('latin1').replace('10000;', '10000:'),
      DOCUMENTED.toString('latin1').replace(`;chunk-signature=${CHUNK_SIGNATURES[0]}`, ''),
      DOCUMENTED.toString('latin1').replace(CHUNK_SIGNATURES[0]!, CHUNK_SIGNATURES[0]!.slice(0, 60)),
      DOCUMENTED.toString('latin1').replace(`aa\r\n400;`, `aa\r400;`),
      DOCUMENTED.toString('latin1').replace(`${CHUNK_SIGNATURES[0]}\r\n`, `${CHUNK_SIGNATURES[0]}\n`),
      DOCUMENTED.toString('latin1') + 'extra',
    ];
    for (const body of cases) expectError(decode(SIGNED, Buffer.from(body, 'latin1'), 5000), 'IncompleteBody');
  });

  it('the decoded length must be exactly x-amz-decoded-content-length', () => {
    const message = 'You did not provide the number of bytes specified by the Content-Length HTTP header';
    expectError(decode({ ...SIGNED, decodedContentLength: 66_561 }, DOCUMENTED), 'IncompleteBody', message);
    expectError(decode({ ...SIGNED, decodedContentLength: 66_559 }, DOCUMENTED), 'IncompleteBody', message);
  });

  it('only the last chunk may be under 8 KiB, and a small chunk is held until that is known', () => {
    const data = randomBytes(100 + 8192);
    const body = encodeAwsChunked(data, [100, 8192], { signing: context(SEED) });
    const outcome = decode({ ...SIGNED, decodedContentLength: data.length }, body, 1);
    expectError(outcome, 'InvalidChunkSizeError', 'Only the last chunk is allowed to have a size less than 8192 bytes');
    expect(outcome.error?.details).toEqual([
      ['Chunk', '1'],
      ['BadChunkSize', '100'],
    ]);
    expect(outcome.data.length).toBe(0);
    const fine = randomBytes(8192 + 100);
    expect(
      decode(
        { ...SIGNED, decodedContentLength: fine.length },
        encodeAwsChunked(fine, [8192, 100], { signing: context(SEED) }),
      ).data.equals(fine),
    ).toBe(true);
  });

  it('a wrong trailing checksum fails with BadDigest; a tampered trailer fails its signature', () => {
    const signing = context(TRAILER_SEED);
    const wrong = encodeAwsChunked(OBJECT, [65_536, 1024], {
      signing,
      trailerSection: true,
      trailers: [['x-amz-checksum-crc32c', 'AAAAAA==']],
    });
    expectError(
      decode(SIGNED_TRAILER, wrong),
      'BadDigest',
      'The CRC32C you specified did not match the calculated checksum.',
    );
    const tampered = Buffer.from(DOCUMENTED_TRAILER.toString('latin1').replace('sOO8/Q==', 'AAAAAA=='), 'latin1');
    expectError(decode(SIGNED_TRAILER, tampered), 'SignatureDoesNotMatch');
    const noSignature = Buffer.from(
      DOCUMENTED_TRAILER.toString('latin1').replace(`x-amz-trailer-signature:${TRAILER_SIGNATURE}\r\n`, ''),
      'latin1',
    );
    expectError(decode(SIGNED_TRAILER, noSignature), 'MalformedTrailerError');
  });

  it('trailers must be exactly the declared x-amz-trailer', () => {
    const signing = context(TRAILER_SEED);
    const body = (trailers: Array<[string, string]>): Buffer =>
      encodeAwsChunked(OBJECT, [65_536, 1024], { signing, trailerSection: true, trailers });
    const malformed =
      'The request contained trailing data that was not well-formed or did not conform to our published schema.';
    expectError(decode(SIGNED_TRAILER, body([])), 'MalformedTrailerError', malformed);
    expectError(decode(SIGNED_TRAILER, body([['x-amz-checksum-crc32', 'AAAAAA==']])), 'MalformedTrailerError');
    expectError(decode({ ...SIGNED_TRAILER, trailer: undefined }, DOCUMENTED_TRAILER), 'MalformedTrailerError');
    expectError(
      decode(SIGNED_TRAILER, body([['x-amz-checksum-crc32c', 'not-base64!']])),
      'InvalidRequest',
      'Value for x-amz-checksum-crc32c trailing header is invalid.',
    );
    expect(() => new AwsChunkedDecoder({ ...SIGNED_TRAILER, trailer: 'x-amz-meta-foo' })).toThrow(
      'The value specified in the x-amz-trailer header is not supported',
    );
  });
});

describe('aws-chunked: any split decodes the same (property)', () => {
  it('random bodies, random chunk sizes, random cuts down to single bytes, every payload kind', () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let round = 0; round < 24; round++) {
      const count = 1 + rand(4);
      const sizes = Array.from({ length: count }, (_, i) => (i === count - 1 ? rand(9000) + 1 : 8192 + rand(5000)));
      const data = randomBytes(sizes.reduce((a, b) => a + b, 0));
      const kind = round % 3;
      const sum = runningChecksum('SHA256');
      sum.update(data);
      const trailers: Array<[string, string]> = [['x-amz-checksum-sha256', sum.digestBase64()]];
      const opts: AwsChunkedOptions =
        kind === 0
          ? { payload: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', decodedContentLength: data.length, signing: context(SEED) }
          : kind === 1
            ? { ...SIGNED_TRAILER, decodedContentLength: data.length, trailer: 'x-amz-checksum-sha256' }
            : {
                payload: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
                decodedContentLength: data.length,
                trailer: 'x-amz-checksum-sha256',
              };
      const body = encodeAwsChunked(data, sizes, {
        signing: kind === 2 ? undefined : opts.signing,
        trailerSection: kind !== 0,
        trailers,
      });
      const cuts =
        round % 4 === 0
          ? range(1, body.length, 1)
          : Array.from({ length: 50 }, () => rand(body.length)).sort((a, b) => a - b);
      const outcome = decode(opts, body, cuts);
      expect(outcome.error).toBeUndefined();
      expect(outcome.data.equals(data)).toBe(true);
    }
  });
});

/** The encoded chunks of a body, each with its header and CRLF (the last one is the final chunk). */
function splitChunks(body: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = Number.parseInt(body.toString('latin1', at, body.indexOf(';', at)), 16);
    const end = lineEnd + 2 + size + 2;
    out.push(body.subarray(at, end));
    at = end;
  }
  return out;
}
