import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AwsChunkedDecoder, type AwsChunkedOptions, type ChunkSigningContext } from './aws-chunked.js';
import { runningChecksum } from './checksums.js';
import { HmacSha256 } from './hmac.js';
import { S3Error } from './s3-errors.js';
import { deriveSigningKey } from './signing-key.js';
import { encodeAwsChunked } from './testing/aws-chunked-encoder.js';

// AWS's example (S3 API reference, "Transferring Payload in Multiple Chunks" and "Including Trailing Headers").
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const signer = new HmacSha256(deriveSigningKey(SECRET, '20130524', 'us-east-1', 's3'));
const context = (seedSignature: string): ChunkSigningContext => ({
  signer,
  amzDate: '20130524T000000Z',
  scope: '20130524/us-east-1/s3/aws4_request',
  seedSignature,
});
const SEED = '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9';
const CHUNK_SIGNATURES = [
  'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648',
  '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497',
  'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9',
];
const TRAILER_SEED = '106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e';
const TRAILER_CHUNK_SIGNATURES = [
  'b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2',
  '1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7',
  '2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992',
];
const TRAILER_SIGNATURE = 'd81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435';
const A_64K = Buffer.alloc(65_536, 'a');
const A_1K = Buffer.alloc(1024, 'a');
const OBJECT = Buffer.concat([A_64K, A_1K]);

function documentedBody(signatures: string[], tail: string): Buffer {
  return Buffer.concat([
    Buffer.from(`10000;chunk-signature=${signatures[0]}\r\n`),
    A_64K,
    Buffer.from(`\r\n400;chunk-signature=${signatures[1]}\r\n`),
    A_1K,
    Buffer.from(`\r\n0;chunk-signature=${signatures[2]}\r\n${tail}`),
  ]);
}
const DOCUMENTED = documentedBody(CHUNK_SIGNATURES, '\r\n');
const DOCUMENTED_TRAILER = documentedBody(
  TRAILER_CHUNK_SIGNATURES,
  `x-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:${TRAILER_SIGNATURE}\r\n\r\n`,
);

const SIGNED: AwsChunkedOptions = {
  payload: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
  decodedContentLength: 66_560,
  signing: context(SEED),
};
const SIGNED_TRAILER: AwsChunkedOptions = {
  payload: 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER',
  decodedContentLength: 66_560,
  signing: context(TRAILER_SEED),
  trailer: 'x-amz-checksum-crc32c',
};

interface Outcome {
  data: Buffer;
  error?: S3Error;
}

/** Feeds `body` in pieces of `split` bytes (or the given cut points), then ends it. */
function decode(opts: AwsChunkedOptions, body: Buffer, split: number | number[] = body.length): Outcome {
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

function range(step: number, end: number, start: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i += step) out.push(i);
  return out;
}

function expectError(outcome: Outcome, code: string, message?: string): void {
  expect(outcome.error?.code).toBe(code);
  if (message !== undefined) expect(outcome.error?.message).toBe(message);
}

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
