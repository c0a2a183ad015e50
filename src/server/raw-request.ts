import type { IncomingMessage } from 'node:http';
import { AwsError } from '../shared/aws-error.js';

/** A request as it arrived: the bytes SigV4 signed must reach the verifier untouched. */
export interface RawRequest {
  method: string;
  /** Path and query exactly as on the request line. */
  url: string;
  /** Header name/value pairs in arrival order (node's rawHeaders, paired). */
  headers: Array<[string, string]>;
  body: Buffer;
  remoteAddress: string;
  /** Arrived over TLS (a TLS listener, or a trusted proxy that says so). */
  secure: boolean;
}

export function headerValue(req: RawRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  // Lengths first: most names differ in length, and lower-casing each one is the cost here.
  for (const [k, v] of req.headers) if (k.length === lower.length && k.toLowerCase() === lower) return v;
  return undefined;
}

/** Reads the whole body, refusing more than `limit` bytes without buffering them. */
export async function readRawRequest(req: IncomingMessage, limit: number): Promise<RawRequest> {
  // From rawHeaders rather than `req.headers`, which node builds (every name lower-cased) on first access.
  const headers: Array<[string, string]> = [];
  const raw = req.rawHeaders;
  let declared = 0;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    headers.push([name, raw[i + 1]!]);
    if (name.length === 14 && name.toLowerCase() === 'content-length') declared = Number(raw[i + 1]);
  }
  if (declared > limit) throw tooLarge(limit);
  const body = await readBody(req, limit);
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers,
    body,
    remoteAddress: req.socket.remoteAddress ?? '',
    secure: 'encrypted' in req.socket && req.socket.encrypted === true,
  };
}

function tooLarge(limit: number): AwsError {
  return new AwsError('RequestEntityTooLarge', `Request body must not exceed ${limit} bytes.`, 413);
}

/** Event-based rather than `for await`: the async iterator costs more than the rest of a small request. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
