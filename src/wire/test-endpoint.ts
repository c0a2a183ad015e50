import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsError } from '../shared/aws-error.js';
import { decodeJsonInput, serializeJsonError, serializeJsonResponse } from './json-protocol.js';
import type { ServiceModel } from './model.js';
import { decodeQueryInput } from './query-decode.js';
import { serializeQueryError, serializeQueryResponse } from './query-serialize.js';
import { validateInput } from './validate.js';

/** What a test endpoint saw of one request, after our own decoding. */
export interface SeenCall {
  operation: string;
  input: unknown;
}

/** A loopback HTTP endpoint answering one service's protocol with the wire codecs, for SDK round-trip tests. */
export interface TestEndpoint {
  url: string;
  calls: SeenCall[];
  close(): Promise<void>;
}

/** Answers a decoded, validated call: return the output, or throw an AwsError. */
export type Reply = (operation: string, input: unknown) => unknown;

/**
 * Starts an endpoint that does what the real server's wire layer does: decode (Query form body or JSON 1.1
 * with X-Amz-Target), validate against the model, call `reply`, serialize the result or the error.
 */
export async function startTestEndpoint(model: ServiceModel, reply: Reply): Promise<TestEndpoint> {
  const calls: SeenCall[] = [];
  const json = model.metadata.protocol === 'json';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const requestId = `req-${calls.length + 1}`;
      let operation: string;
      let status = 200;
      let payload: string;
      try {
        let input: unknown;
        if (json) {
          operation =
            String(req.headers['x-amz-target'] ?? '')
              .split('.')
              .pop() ?? '';
          input = decodeJsonInput(model, operation, body);
        } else {
          const params = new URLSearchParams(body);
          operation = params.get('Action') ?? '';
          input = decodeQueryInput(model, operation, params);
        }
        calls.push({ operation, input });
        const invalid = validateInput(model, operation, input);
        if (invalid) throw invalid;
        const output = reply(operation, input);
        payload = json
          ? serializeJsonResponse(model, operation, output)
          : serializeQueryResponse(model, operation, output, requestId);
      } catch (e) {
        const err = e instanceof AwsError ? e : new AwsError('InternalFailure', String(e), 500);
        status = err.status;
        payload = json
          ? serializeJsonError(err)
          : serializeQueryError(err, requestId, model.metadata.xmlNamespace ?? '');
      }
      res.writeHead(status, {
        'content-type': json ? 'application/x-amz-json-1.1' : 'text/xml',
        'x-amzn-requestid': requestId,
      });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/** Client settings pointing an SDK v3 client at a test endpoint, without retries or real credentials. */
export function clientConfig(endpoint: TestEndpoint) {
  return {
    endpoint: endpoint.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
    maxAttempts: 1,
  };
}
