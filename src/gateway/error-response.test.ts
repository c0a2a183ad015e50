import { describe, expect, it } from 'vitest';
import { AwsError } from '../shared/aws-error.js';
import { errorResponse } from './error-response.js';
import { authErrorFor, deniedFor } from './service-errors.js';

const denial = 'User: arn:aws:iam::123456789012:user/a is not authorized to perform: x:Y on resource: *';

describe("the gateway's errors, in each service's shape", () => {
  it("S3: XML <Error> with S3's AccessDenied (403)", () => {
    const r = errorResponse('s3', 'rest-xml', deniedFor('s3', 'rest-xml', denial), 'req-1');
    expect(r.status).toBe(403);
    expect(r.body.toString()).toContain(
      '<Error><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/a',
    );
  });

  it('SQS: JSON with the Query code in x-amzn-query-error; DynamoDB: AccessDeniedException (400); SNS: AuthorizationError', () => {
    const sqs = errorResponse('sqs', 'json', deniedFor('sqs', 'json', denial), 'r');
    expect(sqs.headers['x-amzn-query-error']).toBe('AccessDenied;Sender');
    expect(JSON.parse(sqs.body.toString())).toMatchObject({ __type: 'AccessDenied' });
    expect(deniedFor('dynamodb', 'json', denial)).toMatchObject({ code: 'AccessDeniedException', status: 400 });
    expect(deniedFor('sns', 'query', denial)).toMatchObject({ code: 'AuthorizationError', status: 403 });
    expect(deniedFor('lambda', 'rest-json', denial)).toMatchObject({ code: 'AccessDeniedException', status: 403 });
  });

  it("maps Ward's authentication codes to each service's", () => {
    const bad = new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
    expect(authErrorFor('dynamodb', 'json', bad)).toMatchObject({ code: 'UnrecognizedClientException', status: 400 });
    expect(authErrorFor('s3', 'rest-xml', bad)).toMatchObject({ code: 'InvalidAccessKeyId', status: 403 });
    expect(authErrorFor('ec2', 'ec2', bad)).toMatchObject({ code: 'AuthFailure', status: 401 });
  });

  it('RPCv2 CBOR: a CBOR map of __type and message', () => {
    const r = errorResponse('monitoring', 'smithy-rpc-v2-cbor', new AwsError('AccessDeniedException', 'no', 400), 'r');
    // a2 (map of 2) 66 "__type" …
    expect(r.body[0]).toBe(0xa2);
    expect(r.body.subarray(1, 8).toString('latin1')).toBe('f__type');
    expect(r.headers['smithy-protocol']).toBe('rpc-v2-cbor');
  });
});
