// The gateway bench's backend: a bare node:http server that answers S3-shaped requests as fast as
// node can (a 1 KiB object, a large object of zeros streamed, PUTs drained), checking nothing.
import { createServer } from 'node:http';

const smallBody = Buffer.alloc(1024, 'a');
const chunk = Buffer.alloc(1024 * 1024);

const server = createServer((req, res) => {
  if (req.method === 'PUT') {
    req.resume();
    req.once('end', () => {
      res.writeHead(200, { ETag: '"bench"', 'Content-Length': 0 });
      res.end();
    });
    return;
  }
  req.resume();
  if (req.url?.includes('?tagging')) {
    // No tags: what S3 answers for an object without any.
    const body = '<?xml version="1.0" encoding="UTF-8"?><Tagging><TagSet></TagSet></Tagging>';
    res.writeHead(200, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) });
    return void res.end(body);
  }
  if (req.url?.startsWith('/bench/large.bin')) {
    const total = Number(process.env.LARGE_MIB ?? 1024) * 1024 * 1024;
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': total });
    let left = total;
    const pump = (): void => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once('drain', pump);
      }
      res.end();
    };
    return pump();
  }
  if (req.url?.endsWith('?policy=') || req.url?.includes('?policy')) {
    // No bucket policy: what S3 answers for a bucket without one.
    const body = '<Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message></Error>';
    res.writeHead(404, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) });
    return void res.end(body);
  }
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': smallBody.length, ETag: '"small"' });
  res.end(smallBody);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.argv[2]), '127.0.0.1', () => process.stdout.write('ready\n'));
