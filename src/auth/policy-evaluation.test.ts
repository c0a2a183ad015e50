import { describe, expect, it } from 'vitest';
import {
  type EvaluationRequest,
  PolicyEvaluation,
  actsAsRoot,
  compileDocument,
  evaluatePolicies,
  organizationPoliciesBind,
  rcpResourceAccount,
  resourceAccount,
} from './policy-evaluation.js';

const ACCOUNT = '123456789012';
const doc = (id: string, ...Statement: unknown[]) => ({
  id,
  document: JSON.stringify({ Version: '2012-10-17', Statement }),
});
const compiled = (d: { id: string; document: string }, kind: 'identity' | 'scp' = 'identity') => {
  const c = compileDocument(d, kind);
  if (!c.ok) throw new Error(c.reason);
  return c.policy;
};
const allowAll = compiled(doc('allow-all', { Effect: 'Allow', Action: '*', Resource: '*' }));
const request = (extra: Partial<EvaluationRequest> = {}): EvaluationRequest => ({
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::bucket/key',
  principalArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  principalAccount: ACCOUNT,
  context: {},
  identity: [allowAll],
  ...extra,
});

describe('the policy-evaluation service', () => {
  it('reads a resource’s account from its ARN; `*`, account-less ARNs and AWS managed policies are the caller’s own', () => {
    expect(resourceAccount('*', ACCOUNT)).toBe(ACCOUNT);
    expect(resourceAccount('arn:aws:s3:::bucket/key', ACCOUNT)).toBe(ACCOUNT);
    expect(resourceAccount('arn:aws:iam::aws:policy/ReadOnlyAccess', ACCOUNT)).toBe(ACCOUNT);
    expect(resourceAccount('arn:aws:iam::210987654321:role/r', ACCOUNT)).toBe('210987654321');
  });

  it('names root and the principals that organization policies bind', () => {
    expect(actsAsRoot({ kind: 'root', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, userId: ACCOUNT })).toBe(
      true,
    );
    const slr = { kind: 'assumed-role', rolePath: '/aws-service-role/x/' } as Parameters<
      typeof organizationPoliciesBind
    >[0];
    expect(organizationPoliciesBind(slr)).toBe(false);
  });

  it('reports a malformed document with AWS’s wording instead of compiling it', () => {
    const bad = compileDocument(
      { id: 'x', document: '{"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]}' },
      'identity',
    );
    expect(bad.ok).toBe(false);
  });

  it('compiles a stored document once per text and label', () => {
    const service = new PolicyEvaluation(10);
    const d = doc('p', { Effect: 'Allow', Action: 's3:*', Resource: '*' });
    expect(service.compile(d, 'identity')).toBe(service.compile({ ...d }, 'identity'));
    expect(service.compile({ ...d, id: 'q' }, 'identity')).not.toBe(service.compile(d, 'identity'));
  });

  it('denies by a resource control policy: a level without an allow, or an explicit deny, whoever allows the caller', () => {
    const rcpAllow = compiled(doc('rcp-full', { Effect: 'Allow', Action: '*', Resource: '*' }), 'scp');
    const rcpDeny = compiled(doc('rcp-deny', { Sid: 'NoS3', Effect: 'Deny', Action: 's3:*', Resource: '*' }), 'scp');
    expect(evaluatePolicies(request({ rcps: [[rcpAllow]] })).decision).toBe('allowed');
    expect(evaluatePolicies(request({ rcps: [[]] }))).toMatchObject({ decision: 'implicitDeny', deniedBy: 'rcp' });
    const denied = evaluatePolicies(request({ rcps: [[rcpAllow, rcpDeny]] }));
    expect(denied).toMatchObject({ decision: 'explicitDeny', deniedBy: 'rcp' });
    expect(denied.matched.map((m) => m.sid)).toContain('NoS3');
  });

  it('binds RCPs to the resource’s account only for the services RCPs govern and ARNs that name an account', () => {
    expect(rcpResourceAccount('sts:AssumeRole', 'arn:aws:iam::210987654321:role/r')).toBe('210987654321');
    expect(rcpResourceAccount('s3:GetObject', 'arn:aws:s3:::bucket/key')).toBeUndefined();
    expect(rcpResourceAccount('sts:GetCallerIdentity', '*')).toBeUndefined();
    expect(rcpResourceAccount('iam:CreateUser', 'arn:aws:iam::210987654321:user/u')).toBeUndefined();
  });
});
