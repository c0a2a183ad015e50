// The baseline: a bare node:http server that answers every request with one fixed reply.
// Usage: bare-server.ts PORT [BURN_µs]: with BURN_µs, each request first spins that long, to see
// what a server costing that much per request gets on this machine (README, HTTP API).
import { createServer } from 'node:http';

const burnNs = BigInt(Math.round(Number(process.argv[3] ?? 0) * 1000));

const body =
  '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
  '<Arn>arn:aws:iam::123456789012:root</Arn><UserId>123456789012</UserId><Account>123456789012</Account>' +
  '</GetCallerIdentityResult><ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></GetCallerIdentityResponse>';

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (burnNs > 0n) {
      const start = process.hrtime.bigint();
      while (process.hrtime.bigint() - start < burnNs);
    }
    res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.argv[2]), '127.0.0.1', () => process.stdout.write('ready\n'));
