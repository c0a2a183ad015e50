import type { SigningCredentials } from '../sigv4/index.js';
import { backendRequest } from './backend-request.js';
import type { BackendClient } from './forward.js';
import type { GatewayTarget } from './targets.js';

/** A call the gateway itself makes to a backend (a resource's policy, its tags), small both ways. */
export interface BackendCall {
  method: string;
  path: string;
  query?: string;
  headers?: Array<[string, string]>;
  body?: Buffer;
}

export interface BackendAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Answers larger than this are refused: policies are at most 20 KB (S3), 10 KB elsewhere; tags a few KB. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * Signs (with the backend key, or a placeholder a backend that checks no signatures accepts)
 * and sends one small call to a service's backend, reading a bounded answer.
 */
export async function callBackend(
  client: BackendClient,
  target: GatewayTarget,
  signing: { signingName: string; region: string; credentials: SigningCredentials },
  call: BackendCall,
  now: Date,
): Promise<BackendAnswer> {
  const body = call.body ?? Buffer.alloc(0);
  const built = backendRequest(
    { method: call.method, rawPath: call.path, rawQuery: call.query ?? '', headers: call.headers ?? [] },
    {
      target: target.url,
      signingName: signing.signingName,
      region: signing.region,
      body: { kind: 'buffered', bytes: body },
      credentials: signing.credentials,
      now,
    },
  );
  const res = await client.send({ target: target.url, method: call.method, ...built, body });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_ANSWER_BYTES) {
      res.destroy();
      throw new Error(`the backend's answer to ${call.method} ${call.path} exceeds ${MAX_ANSWER_BYTES} bytes`);
    }
    chunks.push(chunk);
  }
  return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) };
}

/** A JSON-protocol call (`X-Amz-Target`, JSON 1.0 or 1.1 by the service). */
export function jsonCall(version: '1.0' | '1.1', target: string, payload: unknown): BackendCall {
  return {
    method: 'POST',
    path: '/',
    headers: [
      ['Content-Type', `application/x-amz-json-${version}`],
      ['X-Amz-Target', target],
    ],
    body: Buffer.from(JSON.stringify(payload)),
  };
}

/** A Query-protocol call (a form-encoded POST). */
export function queryCall(form: string): BackendCall {
  return {
    method: 'POST',
    path: '/',
    headers: [['Content-Type', 'application/x-www-form-urlencoded; charset=utf-8']],
    body: Buffer.from(form),
  };
}
