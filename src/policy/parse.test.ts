import { describe, expect, it } from 'vitest';
import { MSG } from './messages.js';
import { parsePolicyDocument } from './parse.js';
import type { PolicyKind } from './types.js';

const R = 'arn:aws:s3:::example_bucket';
const stmt = (s: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: s });
const ok = (extra: Record<string, unknown> = {}) =>
  stmt({ Effect: 'Allow', Action: 's3:ListBucket', Resource: R, ...extra });

type Row = [name: string, kind: PolicyKind, text: string, reason: string];

/** IAM's policy-language validator (identity policies, boundaries, session policies). */
const identityRows: Row[] = [
  ['not JSON', 'identity', 'This is not a json document', MSG.syntax],
  ['top level is an array', 'identity', '[]', MSG.syntax],
  [
    'unknown top-level field',
    'identity',
    JSON.stringify({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: R },
      'Extra field': 'v',
    }),
    MSG.syntax,
  ],
  [
    'unknown Version',
    'identity',
    JSON.stringify({ Version: '2013-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: R } }),
    MSG.syntax,
  ],
  [
    'Version as a number',
    'identity',
    JSON.stringify({ Version: 2012, Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: R } }),
    MSG.syntax,
  ],
  [
    'Id is not a string',
    'identity',
    JSON.stringify({
      Version: '2012-10-17',
      Id: {},
      Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: R },
    }),
    MSG.syntax,
  ],
  ['no Statement', 'identity', JSON.stringify({ Version: '2012-10-17' }), MSG.syntax],
  ['empty Statement', 'identity', JSON.stringify({ Version: '2012-10-17', Statement: [] }), MSG.syntax],
  ['statement is a string', 'identity', JSON.stringify({ Version: '2012-10-17', Statement: ['afd'] }), MSG.syntax],
  ['unknown statement field', 'identity', ok({ 'Extra field': 'v' }), MSG.syntax],
  ['missing Effect', 'identity', stmt({ Action: 's3:ListBucket', Resource: R }), MSG.syntax],
  ['invalid Effect', 'identity', stmt({ Effect: 'invalid', Action: 's3:ListBucket', Resource: R }), MSG.syntax],
  ['Action and NotAction', 'identity', ok({ NotAction: 'iam:dsf' }), MSG.syntax],
  ['Resource and NotResource', 'identity', ok({ NotResource: '*' }), MSG.syntax],
  ['Action is an object', 'identity', stmt({ Effect: 'Allow', Action: {}, Resource: R }), MSG.syntax],
  ['Action holds a list', 'identity', stmt({ Effect: 'Deny', Action: [[]], Resource: R }), MSG.syntax],
  [
    'Resource holds an object',
    'identity',
    stmt({ Effect: 'Deny', Action: 's3:ListBucket', Resource: ['adfdf', {}] }),
    MSG.syntax,
  ],
  ['Condition is a list', 'identity', ok({ Condition: [] }), MSG.syntax],
  ['Condition is a string', 'identity', ok({ Condition: 'a' }), MSG.syntax],
  ['operator block is a string', 'identity', ok({ Condition: { DateGreaterThan: 'b' } }), MSG.syntax],
  ['condition value is an object', 'identity', ok({ Condition: { DateGreaterThan: { a: {} } } }), MSG.syntax],
  ['unknown condition operator', 'identity', ok({ Condition: { FooBar: { a: '1' } } }), MSG.syntax],
  [
    'malformed set operator',
    'identity',
    ok({ Condition: { 'ForAnyValue::StringEqualsIfExists': { a: 'asf' } } }),
    MSG.syntax,
  ],
  ['Null has no IfExists form', 'identity', ok({ Condition: { NullIfExists: { a: 'true' } } }), MSG.syntax],
  ['Sid is an object', 'identity', ok({ Sid: {} }), MSG.syntax],
  ['Principal and NotPrincipal', 'identity', ok({ Principal: '*', NotPrincipal: '*' }), MSG.syntax],
  ['identity policy with a malformed Principal', 'identity', ok({ Principal: 'bob' }), MSG.noPrincipal],
  ['Effect in the wrong case', 'identity', stmt({ Effect: 'denY', Action: 's3:ListBucket', Resource: R }), MSG.legacy],
  [
    'Effect in the wrong case, no Action',
    'identity',
    stmt({ Effect: 'allow', Resource: 'arn:aws:s3:us-east-1::example_bucket' }),
    MSG.legacy,
  ],
  ['unparseable date', 'identity', ok({ Condition: { DateGreaterThan: { a: 'sdfdsf' } } }), MSG.legacy],
  ['month out of range', 'identity', ok({ Condition: { DateLessThanEquals: { a: '234-13' } } }), MSG.legacy],
  [
    'one-digit time-zone hour',
    'identity',
    ok({ Condition: { DateLessThanEquals: { a: '2016-12-13t2:00:00.593194+1' } } }),
    MSG.legacy,
  ],
  ['epoch beyond 64 bits', 'identity', ok({ Condition: { DateLessThan: { a: '9223372036854775808' } } }), MSG.legacy],
  [
    'short ARN with an empty segment',
    'identity',
    stmt({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3::example_bucket' }),
    MSG.legacy,
  ],
  [
    'ARN with an empty service',
    'identity',
    stmt({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws::fdsasf' }),
    MSG.legacy,
  ],
  ['identity policy with Principal', 'identity', ok({ Principal: { AWS: '*' } }), MSG.noPrincipal],
  [
    'identity policy with NotPrincipal',
    'identity',
    ok({ NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' } }),
    MSG.noPrincipal,
  ],
  ['boundary with Principal', 'boundary', ok({ Principal: '*' }), MSG.noPrincipal],
  ['session policy with Principal', 'session', ok({ Principal: '*' }), MSG.noPrincipal],
  [
    'duplicate Sid',
    'identity',
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'sdf', Effect: 'Allow', Action: 's3:ListBucket', Resource: R },
        { Sid: 'sdf', Effect: 'Allow' },
      ],
    }),
    MSG.duplicateSid,
  ],
  ['Sid with a hyphen', 'identity', ok({ Sid: 'not-alnum' }), MSG.sidFormat],
  ['no Action', 'identity', stmt({ Effect: 'Allow', Resource: R }), MSG.needActions],
  ['empty Action', 'identity', stmt({ Effect: 'Allow', Action: [], Resource: R }), MSG.needActions],
  ['only Effect', 'identity', stmt({ Effect: 'Allow' }), MSG.needActions],
  [
    'one statement without Action',
    'identity',
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny' }, { Effect: 'Allow', Action: 's3:ListBucket', Resource: R }],
    }),
    MSG.needActions,
  ],
  ['no Resource', 'identity', stmt({ Effect: 'Allow', Action: 's3:ListBucket' }), MSG.needResources],
  ['empty Resource', 'identity', stmt({ Effect: 'Allow', Action: 's3:ListBucket', Resource: [] }), MSG.needResources],
  [
    'Resource is not an ARN',
    'identity',
    stmt({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'invalid resource' }),
    MSG.resourceNotArn('invalid resource'),
  ],
  [
    'Resource is empty',
    'identity',
    stmt({ Effect: 'Allow', Action: 's3:ListBucket', Resource: '' }),
    'Resource  must be in ARN format or "*".',
  ],
  [
    'Resource list entry not an ARN',
    'identity',
    stmt({ Effect: 'Allow', Action: 's3:ListBucket', Resource: ['adf'] }),
    'Resource adf must be in ARN format or "*".',
  ],
  [
    'unknown partition, short',
    'identity',
    stmt({ Effect: 'Allow', NotAction: 's3s:ListBucket', Resource: 'a:bsdfdsafsad' }),
    'Partition "bsdfdsafsad" is not valid for resource "arn:bsdfdsafsad:*:*:*:*".',
  ],
  [
    'unknown partition, padded',
    'identity',
    stmt({ Effect: 'Allow', NotAction: 's3s:ListBucket', Resource: 'a:b:cadfsdf' }),
    'Partition "b" is not valid for resource "arn:b:cadfsdf:*:*:*".',
  ],
  [
    'unknown partition, long',
    'identity',
    stmt({ Effect: 'Allow', NotAction: 's3s:ListBucket', Resource: 'a:b:c:d:e:f:g:h' }),
    'Partition "b" is not valid for resource "arn:b:c:d:e:f:g:h".',
  ],
  [
    'ARN without the arn prefix',
    'identity',
    stmt({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'aws:s3:::example_bucket' }),
    'Partition "s3" is not valid for resource "arn:s3:::example_bucket:*".',
  ],
  [
    'last error in sorted order wins',
    'identity',
    stmt({
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: ['arn:error:s3:::example_bucket', 'arn:error:s3::example_bucket'],
    }),
    'Partition "error" is not valid for resource "arn:error:s3:::example_bucket".',
  ],
  [
    'no vendor in the ARN',
    'identity',
    stmt({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws' }),
    MSG.resourceVendor,
  ],
  [
    'IAM ARN with a region',
    'identity',
    stmt({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:iam:us-east-1::example_bucket' }),
    'IAM resource arn:aws:iam:us-east-1::example_bucket cannot contain region information.',
  ],
  [
    'S3 ARN with a region',
    'identity',
    stmt({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:us-east-1::example_bucket' }),
    'Resource arn:aws:s3:us-east-1::example_bucket can not contain region information.',
  ],
  [
    'IAM ARN with an unknown resource type',
    'identity',
    stmt({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:iam:::example_bucket' }),
    MSG.iamPath,
  ],
  ['Action without a vendor', 'identity', stmt({ Effect: 'Allow', Action: 'invalid', Resource: R }), MSG.vendorMissing],
  ['empty NotAction', 'identity', stmt({ Effect: 'Allow', NotAction: '', Resource: R }), MSG.vendorMissing],
  [
    'Action without a vendor and no Resource',
    'identity',
    stmt({ Effect: 'Allow', Action: 'invalid' }),
    MSG.vendorMissing,
  ],
  [
    'Action with two colons',
    'identity',
    stmt({ Effect: 'Allow', Action: 's3:List:Bucket', Resource: R }),
    MSG.oneColon,
  ],
  [
    'second statement has two colons',
    'identity',
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3s:ListBucket', Resource: R },
        { Effect: 'Allow', Action: 's:3s:ListBucket', Resource: R },
      ],
    }),
    MSG.oneColon,
  ],
  [
    'vendor with a space',
    'identity',
    stmt({ Effect: 'Allow', Action: 'a a:ListBucket', Resource: R }),
    'Vendor a a is not valid',
  ],
  [
    'vendor with a partial wildcard',
    'identity',
    stmt({ Effect: 'Allow', Action: 'i*:GetUser', Resource: R }),
    'Vendor i* is not valid',
  ],
  ['empty vendor', 'identity', stmt({ Effect: 'Allow', Action: ':GetUser', Resource: R }), 'Vendor  is not valid'],
];

/** The resource-policy validator: role trust policies and resource-based policies. */
const P = { AWS: 'arn:aws:iam::123456789012:root' };
const tr = (s: Record<string, unknown>) => stmt({ Effect: 'Allow', Principal: P, Action: 'sts:AssumeRole', ...s });
const resourceRows: Row[] = [
  ['trust: not JSON', 'trust', '{"Version": "2012-10-17",', MSG.invalidJson],
  ['trust: top level is an array', 'trust', '[]', MSG.invalidJson],
  [
    'trust: unknown Version',
    'trust',
    JSON.stringify({ Version: '2020-01-01', Statement: { Effect: 'Allow', Principal: P, Action: 'sts:AssumeRole' } }),
    MSG.badVersion,
  ],
  ['trust: no Statement', 'trust', JSON.stringify({ Version: '2012-10-17' }), MSG.emptyStatement],
  ['trust: empty Statement', 'trust', JSON.stringify({ Version: '2012-10-17', Statement: [] }), MSG.emptyStatement],
  ['trust: unknown statement field', 'trust', tr({ Foo: 1 }), MSG.syntax],
  ['trust: missing Effect', 'trust', stmt({ Principal: P, Action: 'sts:AssumeRole' }), MSG.missingEffect],
  ['trust: Effect in the wrong case', 'trust', tr({ Effect: 'allow' }), 'Invalid effect: allow'],
  ['trust: missing Principal', 'trust', stmt({ Effect: 'Allow', Action: 'sts:AssumeRole' }), MSG.missingPrincipal],
  ['trust: empty Principal', 'trust', tr({ Principal: {} }), MSG.emptyPrincipal],
  ['trust: Principal "*"', 'trust', tr({ Principal: '*' }), MSG.principalNotObject],
  ['trust: unknown principal type', 'trust', tr({ Principal: { Foo: 'x' } }), 'Invalid principal in policy: "Foo"'],
  [
    'trust: wildcard in a role ARN',
    'trust',
    tr({ Principal: { AWS: 'arn:aws:iam::123456789012:role/*' } }),
    'Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/*"',
  ],
  [
    'trust: AWS principal not an ARN',
    'trust',
    tr({ Principal: { AWS: 'bob' } }),
    'Invalid principal in policy: "AWS":"bob"',
  ],
  [
    'trust: unknown service principal',
    'trust',
    tr({ Principal: { Service: 'foo' } }),
    'Invalid principal in policy: "SERVICE":"foo"',
  ],
  [
    'trust: Allow with NotPrincipal',
    'trust',
    stmt({ Effect: 'Allow', NotPrincipal: P, Action: 'sts:AssumeRole' }),
    MSG.trustAllowNotPrincipal,
  ],
  [
    'trust: Deny with NotPrincipal',
    'trust',
    stmt({ Effect: 'Deny', NotPrincipal: P, Action: 'sts:AssumeRole' }),
    MSG.trustNotPrincipal,
  ],
  ['trust: missing Action', 'trust', stmt({ Effect: 'Allow', Principal: P }), MSG.missingAction],
  ['trust: non-STS action', 'trust', tr({ Action: ['sts:AssumeRole', 'iam:PassRole'] }), MSG.trustActions],
  ['trust: all actions', 'trust', tr({ Action: '*' }), MSG.trustActions],
  ['trust: an STS action that is not AssumeRole', 'trust', tr({ Action: 'sts:GetCallerIdentity' }), MSG.trustActions],
  ['trust: an STS pattern that matches no AssumeRole action', 'trust', tr({ Action: 'sts:Get*' }), MSG.trustActions],
  ['trust: Resource', 'trust', tr({ Resource: '*' }), MSG.trustResource],
  ['trust: NotResource', 'trust', tr({ NotResource: '*' }), MSG.trustNotResource],
  [
    'trust: unknown condition operator',
    'trust',
    tr({ Condition: { FooBar: { 'aws:SourceIp': '1.2.3.4' } } }),
    MSG.conditionType('FooBar'),
  ],
  [
    'trust: duplicate Sid',
    'trust',
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'A', Effect: 'Allow', Principal: P, Action: 'sts:AssumeRole' },
        { Sid: 'A', Effect: 'Allow', Principal: P, Action: 'sts:TagSession' },
      ],
    }),
    MSG.trustDuplicateSid,
  ],
  ['resource: missing Principal', 'resource', ok(), MSG.missingPrincipal],
  [
    'resource: missing Resource',
    'resource',
    stmt({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }),
    MSG.missingResource,
  ],
  [
    'resource: Resource not an ARN',
    'resource',
    stmt({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'bucket' }),
    MSG.resourceNotArn('bucket'),
  ],
  [
    'resource: Action without a vendor',
    'resource',
    stmt({ Effect: 'Allow', Principal: '*', Action: 'GetObject', Resource: R }),
    MSG.vendorMissing,
  ],
  [
    'resource: unknown condition operator',
    'resource',
    stmt({
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: R,
      Condition: { StringEqual: { a: 'b' } },
    }),
    MSG.conditionType('StringEqual'),
  ],
  ['scp: not JSON', 'scp', '{', MSG.scp],
  ['scp: Principal', 'scp', ok({ Principal: '*' }), MSG.scp],
  ['scp: missing Action', 'scp', stmt({ Effect: 'Deny', Resource: '*' }), MSG.scp],
];

describe('parsePolicyDocument: MalformedPolicyDocument texts', () => {
  it.each([...identityRows, ...resourceRows])('%s', (_name, kind, text, reason) => {
    expect(parsePolicyDocument(text, kind)).toEqual({ ok: false, reason });
  });

  it('requires 2012-10-17 when asked (CreatePolicy)', () => {
    const body = { Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: R } };
    const strict = { requireCurrentVersion: true };
    expect(parsePolicyDocument(JSON.stringify(body), 'identity', strict)).toEqual({
      ok: false,
      reason: MSG.versionRequired,
    });
    expect(parsePolicyDocument(JSON.stringify({ Version: '2008-10-17', ...body }), 'identity', strict)).toEqual({
      ok: false,
      reason: MSG.versionRequired,
    });
    expect(parsePolicyDocument(JSON.stringify({ Version: '2012-10-17', ...body }), 'identity', strict).ok).toBe(true);
  });

  it('never throws', () => {
    for (const kind of ['identity', 'trust', 'resource', 'scp', 'session', 'boundary'] as const) {
      for (const text of ['', 'null', '1', '"x"', '{"Statement":null}', '{"Statement":[null]}']) {
        expect(parsePolicyDocument(text, kind).ok).toBe(false);
      }
    }
  });
});

const valid: [name: string, kind: PolicyKind, doc: unknown][] = [
  [
    'single statement object',
    'identity',
    { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: [R] } },
  ],
  [
    'action name with spaces',
    'identity',
    { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'iam: asdf safdsf af ', Resource: R } },
  ],
  [
    'Resource with *',
    'identity',
    { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: [R, '*'] } },
  ],
  [
    'vendor with a dot',
    'identity',
    { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3.s:GetObject', Resource: R } },
  ],
  [
    'trust: AssumeRole patterns and the session actions',
    'trust',
    {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { Service: 'ec2.amazonaws.com' },
        Action: ['sts:AssumeRole*', 'sts:*', 'sts:SetSourceIdentity', 'sts:SetContext'],
      },
    },
  ],
  ['any action', 'identity', { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: R } }],
  [
    'unknown service',
    'identity',
    {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 'service-prefix:action-name', Resource: 'arn:aws:invalid-service:::x' },
    },
  ],
  [
    'short ARN',
    'identity',
    { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:fdsasf' } },
  ],
  [
    'regional ARN of another service',
    'identity',
    {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:cloudwatch:us-east-1::example_bucket' },
    },
  ],
  [
    'IAM user ARN',
    'identity',
    {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam:::user/example' },
    },
  ],
  [
    'account root ARN',
    'identity',
    {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 'iam:*', Resource: 'arn:aws:iam::123456789012:root' },
    },
  ],
  [
    'S3 access point with a region',
    'identity',
    {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:us-east-1:123456789012:accesspoint/ap' },
    },
  ],
  [
    'empty Condition',
    'identity',
    { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: R, Condition: {} } },
  ],
  [
    'empty operator block',
    'identity',
    {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: R, Condition: { DateGreaterThan: {} } },
    },
  ],
  [
    'unknown operator with empty block',
    'identity',
    {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: R, Condition: { a: {} } },
    },
  ],
  [
    'set operator',
    'identity',
    {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: R,
        Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'Department' } },
      },
    },
  ],
  [
    'dates',
    'identity',
    {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: R,
        Condition: {
          DateGreaterThan: { 'aws:CurrentTime': '2017-07-01T00:00:00Z' },
          DateLessThan: { 'aws:CurrentTime': '1514764799' },
        },
      },
    },
  ],
  ['no Version', 'identity', { Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: R } }],
  [
    '2008 Version',
    'boundary',
    { Version: '2008-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: R } },
  ],
  ['SCP', 'scp', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }],
  [
    'EC2 trust policy',
    'trust',
    {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
    },
  ],
  [
    'web identity trust policy',
    'trust',
    {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/example.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'example.com:aud': 'app' } },
      },
    },
  ],
  [
    '2008 trust with account and tagging',
    'trust',
    {
      Version: '2008-10-17',
      Statement: [
        {
          Sid: '',
          Effect: 'Allow',
          Principal: { AWS: ['123456789012', 'arn:aws:sts::123456789012:assumed-role/R/s'] },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
        },
      ],
    },
  ],
  [
    'bucket policy',
    'resource',
    {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${R}/*` },
        { Effect: 'Deny', NotPrincipal: { AWS: '123456789012' }, Action: 's3:*', Resource: R },
      ],
    },
  ],
];

describe('parsePolicyDocument: accepted documents', () => {
  it.each(valid)('%s', (_name, kind, doc) => {
    const r = parsePolicyDocument(JSON.stringify(doc), kind);
    expect(r).toMatchObject({ ok: true });
  });

  it('normalises strings to lists and stringifies condition values', () => {
    const r = parsePolicyDocument(
      JSON.stringify({
        Version: '2012-10-17',
        Id: 'p1',
        Statement: {
          Sid: 'S1',
          Effect: 'Allow',
          Action: 'iam:GetUser',
          Resource: '*',
          Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 }, Bool: { 'aws:SecureTransport': true } },
        },
      }),
      'identity',
    );
    expect(r).toEqual({
      ok: true,
      policy: {
        Version: '2012-10-17',
        Id: 'p1',
        Statement: [
          {
            Sid: 'S1',
            Effect: 'Allow',
            Action: ['iam:GetUser'],
            Resource: ['*'],
            Condition: {
              NumericLessThan: { 'aws:MultiFactorAuthAge': ['3600'] },
              Bool: { 'aws:SecureTransport': ['true'] },
            },
          },
        ],
      },
    });
  });

  it('keeps principals of a trust policy as lists', () => {
    const r = parsePolicyDocument(
      JSON.stringify({
        Statement: { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
      }),
      'trust',
    );
    expect(r.ok && r.policy.Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: { Service: ['ec2.amazonaws.com'] },
      Action: ['sts:AssumeRole'],
    });
  });
});
