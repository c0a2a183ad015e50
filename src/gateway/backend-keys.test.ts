import { describe, expect, it } from 'vitest';
import { parseBackendKeys } from './backend-keys.js';

describe('gateway backend keys', () => {
  it('finds a service key by any of the service names, else the default key', () => {
    const keyOf = parseBackendKeys(['s3=MINIO:secret/with+chars', 'DEFAULTKEY:other']);
    expect(keyOf(['s3'])).toEqual({ accessKeyId: 'MINIO', secretAccessKey: 'secret/with+chars' });
    expect(keyOf(['sqs'])).toEqual({ accessKeyId: 'DEFAULTKEY', secretAccessKey: 'other' });
  });

  it('has no key without a spec (the client signature passes through)', () => {
    expect(parseBackendKeys([])(['s3'])).toBeUndefined();
  });

  it('refuses a malformed spec without echoing the secret', () => {
    expect(() => parseBackendKeys(['s3=no-colon-secret'])).toThrow(/for s3: expected/);
    let message = '';
    try {
      parseBackendKeys(['KEY:sec ret']);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).not.toContain('sec ret');
  });
});
