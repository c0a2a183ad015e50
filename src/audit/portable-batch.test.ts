import { describe, expect, it } from 'vitest';
import type { Principal } from '../shared/principal.js';
import { decodeBatch, encodeBatch } from './portable-batch.js';
import type { AuditedCall } from './trail.js';

const session: Principal = {
  kind: 'assumed-role',
  accountId: '123456789012',
  arn: 'arn:aws:sts::123456789012:assumed-role/r/s',
  userId: 'AROAEXAMPLE:s',
  roleId: 'AROAEXAMPLE',
  roleName: 'r',
  rolePath: '/',
  roleArn: 'arn:aws:iam::123456789012:role/r',
  sessionName: 's',
  session: {
    accessKeyId: 'ASIAEXAMPLE',
    issuedAt: new Date(1000),
    expiresAt: new Date(2000),
    mfaPresent: true,
    policies: [{ id: 'p', document: '{"big":"policy"}' }],
    tags: [{ key: 'k', value: 'v' }],
    transitiveTagKeys: ['k'],
  },
};

const base = { at: new Date(Date.UTC(2026, 10, 23)), sourceIp: '10.0.0.1', userAgent: 'aws-cli/1.45' };

describe('an audit batch crossing threads', () => {
  it('comes back as the calls it was, less what no record reads', () => {
    const write: AuditedCall = {
      ...base,
      requestId: 'w',
      service: 'iam',
      operation: 'CreateUser',
      input: { UserName: 'u' },
      output: { User: { UserName: 'u' } },
      principal: session,
      accessKeyId: 'ASIAEXAMPLE',
      region: 'us-east-1',
    };
    const read: AuditedCall = {
      ...base,
      requestId: 'r',
      service: 'iam',
      operation: 'GetUser',
      input: {},
      output: { User: { UserName: 'u' } },
      principal: session,
      region: 'us-east-1',
    };
    const failed: AuditedCall = {
      ...base,
      requestId: 'f',
      service: 'iam',
      operation: 'ListUsers',
      accessKeyId: 'AKIAEXAMPLE',
      region: 'eu-west-1',
      error: { code: 'InvalidClientTokenId', message: 'no' },
    };
    const denied: AuditedCall = {
      ...base,
      requestId: 'd',
      service: 's3',
      operation: 'GetObject',
      principal: session,
      accessKeyId: 'ASIAEXAMPLE',
      region: 'us-east-1',
      authorizeRequest: true,
      decisions: [
        {
          action: 's3:GetObject',
          resource: 'arn:aws:s3:::b/k',
          decision: 'ExplicitDeny',
          denyingLayer: 'identity',
          matched: [{ policyId: 'p', sid: 'NoS3', effect: 'Deny' }],
        },
      ],
      error: { code: 'AccessDenied', message: 'no' },
    };
    const signIn = {
      eventId: 'e',
      eventTime: '2026-11-23T00:00:00.000Z',
      accountId: '123456789012',
      eventName: 'ConsoleLogin',
      eventSource: 'signin.amazonaws.com',
      resources: [],
      readOnly: false,
      record: '{}',
    };
    const decoded = decodeBatch(structuredClone(encodeBatch([write, read, failed, denied, signIn])));
    expect(decoded[0]).toEqual(signIn);
    const [w, r, f, d] = decoded.slice(1) as AuditedCall[];
    expect(w).toMatchObject({
      requestId: 'w',
      at: base.at,
      sourceIp: '10.0.0.1',
      userAgent: 'aws-cli/1.45',
      operation: 'CreateUser',
      input: { UserName: 'u' },
      output: { User: { UserName: 'u' } },
    });
    expect(w).toMatchObject({
      accessKeyId: 'ASIAEXAMPLE',
      region: 'us-east-1',
      principal: { arn: session.arn, roleName: 'r' },
    });
    // The session's policies and tags stay behind; when and how it began goes.
    expect(w!.principal!.session).toMatchObject({ issuedAt: new Date(1000), mfaPresent: true, policies: [], tags: [] });
    expect(r!.output).toBeUndefined();
    // An input with no members crosses as a mark, and comes back as an empty object.
    expect(r!.input).toEqual({});
    expect(f).not.toHaveProperty('input');
    expect(r).not.toHaveProperty('accessKeyId');
    expect(f!.principal).toBeUndefined();
    expect(f).toMatchObject({
      service: 'iam',
      operation: 'ListUsers',
      accessKeyId: 'AKIAEXAMPLE',
      region: 'eu-west-1',
    });
    expect(d).toMatchObject({ authorizeRequest: true, decisions: denied.decisions, error: denied.error });
  });
});
