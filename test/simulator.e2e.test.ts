import {
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  GetContextKeysForCustomPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand,
  PutUserPermissionsBoundaryCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy, userWithKey } from './support/users.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
  await userWithKey(t, 'sim', {
    S3Read: policy(
      {
        Sid: 'ReadBucket',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:ListBucket'],
        Resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*'],
      },
      { Sid: 'NoSecrets', Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data/secret/*' },
    ),
  });
});
afterAll(() => t.close());

const simArn = () => `arn:aws:iam::${t.accountId}:user/sim`;

describe('the IAM policy simulator evaluates for real', () => {
  it('SimulatePrincipalPolicy: allowed, explicit deny and implicit deny, with the statements that decided', async () => {
    const out = await t.iam().send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: simArn(),
        ActionNames: ['s3:GetObject', 's3:PutObject'],
        ResourceArns: ['arn:aws:s3:::data/report.csv', 'arn:aws:s3:::data/secret/key'],
      }),
    );
    const results = out.EvaluationResults!.map((r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision]);
    expect(results).toEqual([
      ['s3:GetObject', 'arn:aws:s3:::data/report.csv', 'allowed'],
      ['s3:GetObject', 'arn:aws:s3:::data/secret/key', 'explicitDeny'],
      ['s3:PutObject', 'arn:aws:s3:::data/report.csv', 'implicitDeny'],
      ['s3:PutObject', 'arn:aws:s3:::data/secret/key', 'implicitDeny'],
    ]);
    const allowed = out.EvaluationResults![0]!.MatchedStatements!;
    expect(allowed).toHaveLength(1);
    expect(allowed[0]).toMatchObject({ SourcePolicyId: 'S3Read', SourcePolicyType: 'user' });
    expect(allowed[0]!.StartPosition?.Line).toBeGreaterThanOrEqual(1);
    const denied = out.EvaluationResults![1]!.MatchedStatements!;
    expect(denied.map((s) => s.SourcePolicyId)).toContain('S3Read');
    expect(out.EvaluationResults![2]!.MatchedStatements).toEqual([]);
  });

  it('adds PolicyInputList policies and reports the permissions boundary decision', async () => {
    const boundary = await t.iam().send(
      new CreatePolicyCommand({
        PolicyName: 'SimBoundary',
        PolicyDocument: JSON.stringify(policy({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' })),
      }),
    );
    await t
      .iam()
      .send(new PutUserPermissionsBoundaryCommand({ UserName: 'sim', PermissionsBoundary: boundary.Policy!.Arn }));
    await t
      .iam()
      .send(new AttachUserPolicyCommand({ UserName: 'sim', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }));
    const out = await t.iam().send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: simArn(),
        ActionNames: ['s3:GetObject', 'iam:ListUsers', 'sqs:SendMessage'],
        ResourceArns: ['arn:aws:s3:::data/x'],
        PolicyInputList: [JSON.stringify(policy({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }))],
      }),
    );
    const [get, list, send] = out.EvaluationResults!;
    expect(get!.EvalDecision).toBe('allowed');
    expect(get!.PermissionsBoundaryDecisionDetail).toEqual({ AllowedByPermissionsBoundary: true });
    // IAMReadOnlyAccess allows iam:ListUsers, but the boundary does not.
    expect(list!.EvalDecision).toBe('implicitDeny');
    expect(list!.PermissionsBoundaryDecisionDetail).toEqual({ AllowedByPermissionsBoundary: false });
    expect(
      list!.MatchedStatements!.some(
        (s) => s.SourcePolicyType === 'aws-managed' && s.SourcePolicyId === 'IAMReadOnlyAccess',
      ),
    ).toBe(true);
    expect(send!.EvalDecision).toBe('implicitDeny');
    expect(send!.MatchedStatements!.map((s) => s.SourcePolicyId)).toContain('PolicyInputList.1');
  });

  it('SimulateCustomPolicy uses context entries and reports missing context values', async () => {
    const doc = JSON.stringify(
      policy({
        Effect: 'Allow',
        Action: 'ec2:RunInstances',
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
      }),
    );
    const withContext = await t.iam().send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [doc],
        ActionNames: ['ec2:RunInstances'],
        ContextEntries: [
          { ContextKeyName: 'aws:RequestedRegion', ContextKeyType: 'string', ContextKeyValues: ['eu-west-1'] },
        ],
      }),
    );
    expect(withContext.EvaluationResults![0]!.EvalDecision).toBe('allowed');
    const without = await t
      .iam()
      .send(new SimulateCustomPolicyCommand({ PolicyInputList: [doc], ActionNames: ['ec2:RunInstances'] }));
    expect(without.EvaluationResults![0]!.EvalDecision).toBe('implicitDeny');
    expect(without.EvaluationResults![0]!.MissingContextValues).toEqual(['aws:RequestedRegion']);
  });

  it('a malformed input policy gets MalformedPolicyDocument with the reason', async () => {
    const err = await caught(() =>
      t
        .iam()
        .send(
          new SimulateCustomPolicyCommand({ PolicyInputList: ['{"Statement": 5}'], ActionNames: ['s3:GetObject'] }),
        ),
    );
    expect(err.Code).toBe('MalformedPolicyDocument');
    expect(err.message).toBe('Syntax errors in policy.');
  });

  it('lists the context keys of a principal and of custom policies', async () => {
    const custom = await t.iam().send(
      new GetContextKeysForCustomPolicyCommand({
        PolicyInputList: [
          JSON.stringify(
            policy({
              Effect: 'Allow',
              Action: 's3:*',
              Resource: 'arn:aws:s3:::b/${aws:username}/*',
              Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
            }),
          ),
        ],
      }),
    );
    expect(custom.ContextKeyNames?.sort()).toEqual(['aws:SourceIp', 'aws:username']);
    const principal = await t.iam().send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: simArn() }));
    expect(principal.ContextKeyNames).toEqual([]);
  });

  it('an unknown source is NoSuchEntity', async () => {
    const err = await caught(() =>
      t.iam().send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${t.accountId}:user/ghost`,
          ActionNames: ['s3:GetObject'],
        }),
      ),
    );
    expect(err.Code).toBe('NoSuchEntity');
  });
});
