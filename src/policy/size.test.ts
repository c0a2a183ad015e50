import { describe, expect, it } from 'vitest';
import { checkPolicySize, inlinePolicySizeMessage, policySizeForQuota } from './size.js';

describe('policy size for IAM quotas', () => {
  it('does not count whitespace between JSON tokens', () => {
    const compact = '{"Version":"2012-10-17","Statement":[]}';
    const pretty = '{\n  "Version": "2012-10-17",\n\t"Statement": [ ]\r\n}';
    expect(policySizeForQuota(pretty)).toBe(compact.length);
  });

  it('counts whitespace and escapes inside strings', () => {
    expect(policySizeForQuota('{"a": "b c"}')).toBe('{"a":"b c"}'.length);
    expect(policySizeForQuota('{"a": "q\\" x"}')).toBe('{"a":"q\\" x"}'.length);
  });

  it('words the managed-policy and trust-policy limits as AWS does', () => {
    const doc = `{"x":"${'a'.repeat(10)}"}`;
    expect(checkPolicySize(doc, doc.length)).toBeUndefined();
    expect(checkPolicySize(doc, doc.length - 1)).toBe(`Cannot exceed quota for PolicySize: ${doc.length - 1}`);
    expect(checkPolicySize(doc, 5, 'ACLSizePerRole')).toBe('Cannot exceed quota for ACLSizePerRole: 5');
  });

  it('words the aggregate inline-policy limit as AWS does', () => {
    expect(inlinePolicySizeMessage('user', 'alice', 2048)).toBe(
      'Maximum policy size of 2048 bytes exceeded for user alice',
    );
  });
});
