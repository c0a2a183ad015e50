// The gateway bench's yardstick: a bare node:http proxy that pipes every request to the backend
// and the answer back, checking nothing. What it loses against direct access is what any proxy
// on this machine loses (one more process, every byte through loopback twice).
import { Agent, createServer, request } from 'node:http';

const [port, backendPort] = process.argv.slice(2).map(Number);
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

const server = createServer((req, res) => {
  const out = request(
    { hostname: '127.0.0.1', port: backendPort, method: req.method, path: req.url, headers: req.headers, agent },
    (back) => {
      res.writeHead(back.statusCode ?? 502, back.headers);
      back.pipe(res);
    },
  );
  out.once('error', () => res.destroy());
  req.pipe(out);
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
