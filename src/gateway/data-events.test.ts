import { describe, expect, it } from 'vitest';
import { DataEventSelectors, isDataEvent } from './data-events.js';

describe("CloudTrail's data events", () => {
  it('are S3 object calls, Lambda invocations, DynamoDB items, SQS messages and SNS publishes', () => {
    expect(isDataEvent('s3', 'GetObject', ['arn:aws:s3:::b/k'])).toBe(true);
    expect(isDataEvent('s3', 'PutBucketPolicy', ['arn:aws:s3:::b'])).toBe(false);
    expect(isDataEvent('lambda', 'Invoke', [])).toBe(true);
    expect(isDataEvent('lambda', 'CreateFunction', [])).toBe(false);
    expect(isDataEvent('dynamodb', 'PutItem', [])).toBe(true);
    expect(isDataEvent('dynamodb', 'CreateTable', [])).toBe(false);
    expect(isDataEvent('sqs', 'SendMessage', [])).toBe(true);
    expect(isDataEvent('sns', 'Publish', [])).toBe(true);
    // KMS's cryptographic calls are management events in CloudTrail.
    expect(isDataEvent('kms', 'Decrypt', [])).toBe(false);
  });

  it('are recorded as the selectors say; management events always', () => {
    expect(new DataEventSelectors('*').selects('s3', 'GetObject')).toBe(true);
    expect(new DataEventSelectors('none').selects('s3', 'GetObject')).toBe(false);
    const some = new DataEventSelectors('s3, dynamodb:PutItem');
    expect(some.selects('s3', 'GetObject')).toBe(true);
    expect(some.selects('dynamodb', 'PutItem')).toBe(true);
    expect(some.selects('dynamodb', 'GetItem')).toBe(false);
    expect(() => new DataEventSelectors('s3:*')).toThrow('expected *, none, SERVICE or SERVICE:Operation');
  });
});
