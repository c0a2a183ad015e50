import type { AwsError } from '../shared/aws-error.js';
import { S3Error } from '../sigv4/index.js';
import { escapeXml } from '../wire/xml-escape.js';
import type { WireProtocol } from '../wire/routing/types.js';
import { encodeCborTextMap } from './cbor-text-map.js';

/** An error as the gateway writes it: status, headers and body in the service's protocol. */
export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * The error body each protocol's SDK parses: S3's `<Error>`, the Query protocol's
 * `<ErrorResponse>`, EC2's `<Response><Errors>`, JSON's `__type` (with SQS's
 * `x-amzn-query-error` so its Query-compatible SDKs find the old code), REST-JSON's
 * `x-amzn-ErrorType`, and RPCv2's CBOR map.
 */
export function errorResponse(
  service: string,
  protocol: WireProtocol,
  err: AwsError,
  requestId: string,
): ErrorResponse {
  const base = { 'x-amzn-RequestId': requestId };
  switch (protocol) {
    case 'rest-xml':
      return xml(err.status, { ...base, 'x-amz-request-id': requestId }, s3Error(err, requestId));
    case 'query':
      return xml(
        err.status,
        base,
        `<ErrorResponse><Error><Type>${err.fault}</Type><Code>${escapeXml(err.code)}</Code>` +
          `<Message>${escapeXml(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      );
    case 'ec2':
      return xml(
        err.status,
        base,
        `<Response><Errors><Error><Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message>` +
          `</Error></Errors><RequestID>${requestId}</RequestID></Response>`,
      );
    case 'json': {
      const headers: Record<string, string> = { ...base, 'Content-Type': 'application/x-amz-json-1.0' };
      if (service === 'sqs') headers['x-amzn-query-error'] = `${err.code};${err.fault}`;
      return {
        status: err.status,
        headers,
        body: Buffer.from(JSON.stringify({ __type: err.code, message: err.message })),
      };
    }
    case 'rest-json':
      return {
        status: err.status,
        headers: { ...base, 'Content-Type': 'application/json', 'x-amzn-ErrorType': err.code },
        body: Buffer.from(
          JSON.stringify({
            Type: err.fault === 'Sender' ? 'User' : 'Service',
            message: err.message,
            Message: err.message,
          }),
        ),
      };
    case 'smithy-rpc-v2-cbor':
      return {
        status: err.status,
        headers: { ...base, 'Content-Type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor' },
        body: encodeCborTextMap({ __type: err.code, message: err.message }),
      };
  }
}

function s3Error(err: AwsError, requestId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(err.code)}</Code>` +
    `<Message>${escapeXml(err.message)}</Message>${details(err)}<RequestId>${requestId}</RequestId>` +
    `<HostId>${requestId}</HostId></Error>`
  );
}

/** The elements S3 adds after the message (SignatureDoesNotMatch's StringToSign, BadDigest's checksum…). */
function details(err: AwsError): string {
  if (!(err instanceof S3Error)) return '';
  return err.details.map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`).join('');
}

function xml(status: number, headers: Record<string, string>, body: string): ErrorResponse {
  return { status, headers: { ...headers, 'Content-Type': 'application/xml' }, body: Buffer.from(body) };
}
