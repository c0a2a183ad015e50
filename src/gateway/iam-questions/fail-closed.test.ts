import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, parsePolicyDocument } from '../../policy/index.js';
import type { PolicyStatement } from '../../policy/index.js';
import { ACCOUNT, SCOPE, operationOf } from '../../../test/fixtures/gateway/iam-questions.cases.js';
import { authorizationQuestions, type AuthorizationQuestion } from './index.js';

/** The questions put to Ward's own evaluator: what a policy allows through the gateway. */

const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
let seq = 0;

function decide(q: AuthorizationQuestion, statements: Partial<PolicyStatement>[] | object[]): string {
  const parsed = parsePolicyDocument(JSON.stringify({ Version: '2012-10-17', Statement: statements }), 'identity');
  if (!parsed.ok) throw new Error(parsed.reason);
  const policy = compilePolicy(parsed.policy, { id: `p${++seq}`, kind: 'identity' });
  return evaluate(
    { action: q.action, resource: q.resource, principalArn: ALICE, principalAccount: ACCOUNT, context: q.context },
    { identity: [policy], sameAccount: true },
  ).decision;
}

describe('an action-only service (fail closed)', () => {
  const call = operationOf({
    service: 'stepfunctions',
    signingName: 'states',
    operation: 'StartExecution',
    input: { stateMachineArn: `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:orders` },
  });

  it('a statement scoped to the very resource the call names never matches', async () => {
    const [q] = (await authorizationQuestions(call, SCOPE)).questions;
    for (const resource of [
      `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:orders`,
      'arn:aws:states:*:*:*',
      'arn:aws:*:*:*:*',
    ])
      expect(decide(q!, [{ Effect: 'Allow', Action: 'states:StartExecution', Resource: resource }]), resource).toBe(
        'implicitDeny',
      );
  });

  it('only a Resource "*" grant allows it', async () => {
    const [q] = (await authorizationQuestions(call, SCOPE)).questions;
    expect(decide(q!, [{ Effect: 'Allow', Action: 'states:StartExecution', Resource: '*' }])).toBe('allowed');
    expect(decide(q!, [{ Effect: 'Allow', Action: 'states:*', Resource: '*' }])).toBe('allowed');
    expect(decide(q!, [{ Effect: 'Allow', Action: 'states:StartSyncExecution', Resource: '*' }])).toBe('implicitDeny');
  });
});

describe('a mapped service, decided by the evaluator', () => {
  it("S3: a bucket-prefix grant allows its objects, not another bucket's", async () => {
    const q = async (Bucket: string) =>
      (
        await authorizationQuestions(
          operationOf({ service: 's3', operation: 'GetObject', input: { Bucket, Key: 'a/b.txt' } }),
          SCOPE,
          { s3ObjectTags: { [`arn:aws:s3:::${Bucket}/a/b.txt`]: null } },
        )
      ).questions[0]!;
    const policy = [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::mine/*' }];
    expect(decide(await q('mine'), policy)).toBe('allowed');
    expect(decide(await q('theirs'), policy)).toBe('implicitDeny');
  });

  it("S3: s3:prefix conditions see the request's Prefix; absent, they do not match", async () => {
    const q = async (input: Record<string, unknown>) =>
      (
        await authorizationQuestions(
          operationOf({ service: 's3', operation: 'ListObjectsV2', input: { Bucket: 'b', ...input } }),
          SCOPE,
        )
      ).questions[0]!;
    const policy = [
      {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::b',
        Condition: { StringLike: { 's3:prefix': 'home/alice/*' } },
      },
    ];
    expect(decide(await q({ Prefix: 'home/alice/docs/' }), policy)).toBe('allowed');
    expect(decide(await q({ Prefix: 'home/bob/' }), policy)).toBe('implicitDeny');
    expect(decide(await q({}), policy)).toBe('implicitDeny');
  });

  it('S3: without the object-tags fact an s3:ExistingObjectTag condition does not match', async () => {
    const op = operationOf({ service: 's3', operation: 'GetObject', input: { Bucket: 'b', Key: 'k' } });
    const policy = [
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { StringEquals: { 's3:ExistingObjectTag/public': 'yes' } },
      },
    ];
    expect(decide((await authorizationQuestions(op, SCOPE)).questions[0]!, policy)).toBe('implicitDeny');
    const tagged = await authorizationQuestions(op, SCOPE, { s3ObjectTags: { 'arn:aws:s3:::b/k': { public: 'yes' } } });
    expect(decide(tagged.questions[0]!, policy)).toBe('allowed');
  });

  it("DynamoDB: a LeadingKeys condition allows the caller's own partition only", async () => {
    const table = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Users`;
    const q = async (id: string) =>
      (
        await authorizationQuestions(
          operationOf({
            service: 'dynamodb',
            operation: 'GetItem',
            input: { TableName: 'Users', Key: { UserId: { S: id } } },
          }),
          SCOPE,
          {
            dynamodbPartitionKey: { [table]: 'UserId' },
            resourceTags: { [table]: null },
          },
        )
      ).questions[0]!;
    const policy = [
      {
        Effect: 'Allow',
        Action: 'dynamodb:GetItem',
        Resource: table,
        Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['alice'] } },
      },
    ];
    expect(decide(await q('alice'), policy)).toBe('allowed');
    expect(decide(await q('bob'), policy)).toBe('implicitDeny');
  });

  it('KMS: an encryption-context condition', async () => {
    const key = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const q = async (ctx: Record<string, string>) =>
      (
        await authorizationQuestions(
          operationOf({ service: 'kms', operation: 'Decrypt', input: { KeyId: key, EncryptionContext: ctx } }),
          SCOPE,
          { resourceTags: { [key]: null } },
        )
      ).questions[0]!;
    const policy = [
      {
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: key,
        Condition: { StringEquals: { 'kms:EncryptionContext:app': 'billing' } },
      },
    ];
    expect(decide(await q({ app: 'billing' }), policy)).toBe('allowed');
    expect(decide(await q({ app: 'other' }), policy)).toBe('implicitDeny');
  });
});
