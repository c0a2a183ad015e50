import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, parsePolicyDocument, type PolicyKind } from './index.js';

const kinds: PolicyKind[] = ['identity', 'resource', 'trust', 'scp', 'session', 'boundary'];
const element = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('*', 's3:Get*', 'arn:aws:s3:::b/*', 'Allow', 'Deny', '2012-10-17', '${aws:username}', 'iam:*'),
);
const statement = fc.record(
  {
    Sid: fc.string({ maxLength: 8 }),
    Effect: fc.constantFrom('Allow', 'Deny', 'allow', 'Maybe'),
    Action: fc.oneof(element, fc.array(element, { maxLength: 3 })),
    NotAction: fc.oneof(element, fc.array(element, { maxLength: 3 })),
    Resource: fc.oneof(element, fc.array(element, { maxLength: 3 })),
    Principal: fc.oneof(fc.constant('*'), fc.record({ AWS: fc.oneof(element, fc.array(element)) })),
    Condition: fc.dictionary(
      fc.constantFrom(
        'StringEquals',
        'ForAnyValue:StringLike',
        'NumericLessThanIfExists',
        'Bogus',
        'Null',
        'IpAddress',
      ),
      fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(element, fc.array(element), fc.integer(), fc.boolean())),
    ),
  },
  { requiredKeys: [] },
);
const document = fc.oneof(
  fc
    .record(
      {
        Version: fc.constantFrom('2012-10-17', '2008-10-17', 'x'),
        Statement: fc.oneof(statement, fc.array(statement, { maxLength: 4 })),
      },
      { requiredKeys: [] },
    )
    .map((d) => JSON.stringify(d)),
  fc.json(),
  fc.string({ maxLength: 200 }),
);

describe('policy parsing never throws (fuzz)', () => {
  it('any text gives a policy or a MalformedPolicyDocument reason, and valid ones evaluate without throwing', () => {
    fc.assert(
      fc.property(document, fc.constantFrom(...kinds), (text, kind) => {
        const parsed = parsePolicyDocument(text, kind);
        if (!parsed.ok) {
          expect(typeof parsed.reason).toBe('string');
          expect(parsed.reason.length).toBeGreaterThan(0);
          return;
        }
        const compiled = compilePolicy(parsed.policy, { id: 'fuzz', kind });
        const result = evaluate(
          {
            action: 's3:GetObject',
            resource: 'arn:aws:s3:::b/k',
            principalArn: 'arn:aws:iam::123456789012:user/u',
            principalAccount: '123456789012',
            context: { 'aws:username': 'u' },
          },
          {
            identity: kind === 'identity' ? [compiled] : [],
            sameAccount: true,
            ...(kind === 'resource' || kind === 'trust' ? { resource: compiled } : {}),
          },
        );
        expect(['allowed', 'explicitDeny', 'implicitDeny']).toContain(result.decision);
      }),
      { numRuns: 3000 },
    );
  });
});
