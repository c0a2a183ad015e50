import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { RequestHead } from '../../wire/routing/types.js';
import { decodeBody } from './decode-body.js';
import { routeOperation } from './route-operation.js';
import { routeService } from './route-service.js';
import { routeCatalog } from './catalog.js';

/**
 * botocore is the oracle: scripts/gen-routing-fixtures.py serialized one request per operation
 * (every operation of the precisely mapped services, a sample of every other), and the gateway
 * must name the same service and operation from the bytes alone. A wrong operation is a wrong
 * IAM action (DeleteObject asked as AbortMultipartUpload), so every mismatch fails.
 */
interface Fixture {
  service: string;
  signingName: string;
  operation: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string;
  input: Record<string, string>;
}

const fixtures = JSON.parse(
  gunzipSync(
    readFileSync(new URL('../../../test/fixtures/gateway/routing-requests.json.gz', import.meta.url)),
  ).toString('utf8'),
) as Fixture[];

function identify(f: Fixture) {
  const head: RequestHead = {
    method: f.method,
    rawPath: f.path,
    rawQuery: f.query,
    headers: [
      ['Host', '127.0.0.1:4599'],
      [
        'Authorization',
        `AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261204/us-east-1/${f.signingName}/aws4_request, SignedHeaders=host, Signature=00`,
      ],
      ...Object.entries(f.headers),
    ],
  };
  const service = routeService(head, ['localhost']);
  if (!service.ok) return { service: 'unrouted', operation: service.error.message };
  const found = routeOperation(head, service.route);
  if (!found.ok) return { service: service.route.names[0]!, operation: found.error.code };
  if (!found.op.bodyHoldsInput) return { service: found.op.service, operation: found.op.operation, op: found.op };
  const decoded = decodeBody(service.route, found.op, Buffer.from(f.body, 'latin1'));
  if (!decoded.ok) return { service: found.op.service, operation: decoded.error.code };
  return { service: decoded.op.service, operation: decoded.op.operation, op: decoded.op };
}

/**
 * Requests no byte tells apart, for which another answer is as right: services sharing a signing
 * name with the same operation at the same place (Chime and Chime SDK Voice, Neptune and RDS: one
 * IAM prefix), and an operation superseded on the same URI (S3's GetBucketLifecycle, answered as
 * its successor GetBucketLifecycleConfiguration; ListDirectoryBuckets, which only S3 Express's
 * endpoint tells from ListBuckets).
 */
function equivalent(f: Fixture, got: { service: string; operation: string }): boolean {
  const { byName } = routeCatalog();
  const other = byName.get(got.service);
  const mine = byName.get(f.service)?.operations[f.operation];
  const theirs = other?.operations[got.operation];
  if (!other || !mine || !theirs || other.signingName !== f.signingName) return false;
  if (got.operation === f.operation) return true;
  return got.service === f.service && mine.method === theirs.method && mine.uri === theirs.uri;
}

describe('routing by botocore models, checked against botocore serializing every operation', () => {
  it(`names the service and operation of all ${fixtures.length} requests`, () => {
    const wrong = fixtures
      .map((f) => ({ f, got: identify(f) }))
      .filter(({ f, got }) => (got.service !== f.service || got.operation !== f.operation) && !equivalent(f, got))
      .map(({ f, got }) => `${f.service}:${f.operation} → ${got.service}:${got.operation}`);
    expect(wrong).toEqual([]);
  });

  it("reads the input members a request's URI, query and body carry", () => {
    for (const f of fixtures.filter((x) =>
      ['s3', 'sqs', 'dynamodb', 'lambda', 'kms', 'secretsmanager'].includes(x.service),
    )) {
      const got = identify(f);
      for (const [member, value] of Object.entries(f.input)) {
        if (got.op?.input[member] !== undefined)
          expect(got.op.input[member], `${f.service}:${f.operation}.${member}`).toBe(value);
      }
    }
  });
});
