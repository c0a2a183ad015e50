import { Agent as HttpAgent, type IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';

/** One request to a backend: its bytes as they go on the wire, the body streamed or buffered. */
export interface BackendRequest {
  target: URL;
  method: string;
  /** Path as it goes on the wire (percent-encoded), under the target's base path. */
  path: string;
  /** Query without `?`; may be `''`. */
  query: string;
  /** Final headers, Host included, hop-by-hop ones excluded. */
  headers: ReadonlyArray<readonly [string, string]>;
  body?: Readable | Buffer;
}

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are never forwarded,
 * in either direction.
 */
export const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Sends requests to backends over pooled keep-alive connections and resolves with the response
 * head; the response body is a stream for the caller to pipe on, so nothing is buffered.
 */
export class BackendClient {
  private readonly http = new HttpAgent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 });
  private readonly https = new HttpsAgent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 });

  send(req: BackendRequest, onRequest?: (abort: (err: Error) => void) => void): Promise<IncomingMessage> {
    const secure = req.target.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const out = send({
        protocol: req.target.protocol,
        hostname: req.target.hostname,
        port: req.target.port || (secure ? 443 : 80),
        method: req.method,
        path: req.query === '' ? req.path : `${req.path}?${req.query}`,
        headers: rawHeaderList(req.headers),
        agent: secure ? this.https : this.http,
        // Header names travel in the case the client gave them.
        setHost: false,
      });
      out.once('response', resolve);
      out.once('error', reject);
      onRequest?.((err) => out.destroy(err));
      const body = req.body;
      if (body === undefined) out.end();
      else if (Buffer.isBuffer(body)) out.end(body);
      else if (body.errored || body.destroyed) {
        // The body failed its check while the call was being authorized: nothing goes on.
        out.destroy(body.errored ?? new Error('the request body was destroyed before forwarding'));
      } else {
        body.once('error', (err) => out.destroy(err));
        body.pipe(out);
      }
    });
  }

  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

/** node's raw header form: [name, value, name, value…], which keeps names' case and repeats. */
function rawHeaderList(headers: ReadonlyArray<readonly [string, string]>): string[] {
  const out: string[] = [];
  for (const [name, value] of headers) out.push(name, value);
  return out;
}

/** The response head's headers to pass back: everything but hop-by-hop ones, in arrival order. */
export function passBackHeaders(res: IncomingMessage): string[] {
  const out: string[] = [];
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (!HOP_BY_HOP.has(raw[i]!.toLowerCase())) out.push(raw[i]!, raw[i + 1]!);
  }
  return out;
}
