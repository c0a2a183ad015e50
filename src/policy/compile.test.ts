import { describe, expect, it } from 'vitest';
import { makeBenchFixture } from '../../test/fixtures/policy/bench-fixture.js';
import { compilePolicy, contextKeysOf } from './compile.js';
import { evaluate } from './evaluate.js';
import { parsePolicyDocument } from './parse.js';
import type { PolicyKind } from './types.js';

function compiled(doc: unknown, kind: PolicyKind = 'identity', id = 'p') {
  const r = parsePolicyDocument(JSON.stringify(doc), kind);
  if (!r.ok) throw new Error(r.reason);
  return compilePolicy(r.policy, { id, kind });
}

describe('compilePolicy and contextKeysOf', () => {
  it('lists condition keys and variable keys once, case-insensitively (GetContextKeysForCustomPolicy)', () => {
    const a = compiled({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:*',
          Resource: 'arn:aws:s3:::b/${aws:username}/*',
          Condition: { StringEquals: { 'aws:PrincipalTag/team': '${aws:PrincipalTag/team2}' } },
        },
        {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: { Bool: { 'AWS:SecureTransport': 'false' }, Null: { 'aws:TokenIssueTime': 'true' } },
        },
      ],
    });
    const b = compiled({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:securetransport': 'true' } } },
      ],
    });
    expect(contextKeysOf([a, b])).toEqual([
      'aws:username',
      'aws:PrincipalTag/team',
      'aws:PrincipalTag/team2',
      'AWS:SecureTransport',
      'aws:TokenIssueTime',
    ]);
  });

  it('ignores variables in a 2008-10-17 policy', () => {
    const p = compiled({
      Version: '2008-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/${aws:username}' }],
    });
    expect(contextKeysOf([p])).toEqual([]);
  });

  it('reports matched statements with policy id, kind, sid and index', () => {
    const p = compiled(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 's3:*', Resource: '*' },
          { Sid: 'Two', Effect: 'Allow', Action: 'iam:*', Resource: '*' },
        ],
      },
      'identity',
      'arn:aws:iam::111122223333:policy/p',
    );
    const r = evaluate(
      {
        action: 'iam:GetUser',
        resource: '*',
        principalArn: 'arn:aws:iam::111122223333:user/a',
        principalAccount: '111122223333',
        context: {},
      },
      { identity: [p], sameAccount: true },
    );
    expect(r.matched).toEqual([
      { policyId: 'arn:aws:iam::111122223333:policy/p', policyKind: 'identity', sid: 'Two', effect: 'Allow', index: 1 },
    ]);
  });

  it('never throws on a malformed request', () => {
    const p = compiled({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEqualsIgnoreCase: { 'app:x': 'a' } } },
      ],
    });
    const req = {
      action: 'iam:GetUser',
      resource: '*',
      principalArn: '',
      principalAccount: '',
      context: { 'app:x': 5 as unknown as string },
    };
    expect(() => evaluate(req, { identity: [p], sameAccount: true })).not.toThrow();
    expect(evaluate(req, { identity: [p], sameAccount: true }).decision).toBe('implicitDeny');
  });

  it('the benchmark fixture is a valid, allowed request', () => {
    const { req, set } = makeBenchFixture();
    expect(set.identity).toHaveLength(10);
    expect(evaluate(req, set).decision).toBe('allowed');
  });
});
