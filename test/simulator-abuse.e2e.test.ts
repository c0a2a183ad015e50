import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  GetUserCommand,
  SimulateCustomPolicyCommand,
  type EvaluationResult,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeOffsetMarker } from '../src/iam/pagination.js';
import { policy, userWithKey } from './support/users.js';
import { type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

/**
 * Issue 12, defects 1 and 2: a read-only caller could freeze the server with one request, through
 * a wildcard pattern that made the regex engine backtrack (32 s for 10 wildcards, doubling with
 * each), or through an action × resource product built in full before paging (1200 × 1200 with
 * MaxItems=1: 7.4 s and 700 MB). Each attack here must get its correct answer while /health
 * keeps answering.
 */

let t: TestWard;
let reader: Credentials;
beforeAll(async () => {
  t = await startTestWard();
  reader = await userWithKey(t, 'reader', {
    ReadOnly: policy({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 'iam:Simulate*'], Resource: '*' }),
  });
});
afterAll(() => t.close());

/** Runs `attack` and asks /health while it is in flight; both must answer. */
async function withHealthProbe<T>(attack: () => Promise<T>): Promise<T> {
  const pending = attack();
  const health = await fetch(`${t.url}/health`);
  expect(health.status).toBe(200);
  return pending;
}

/** `*a*a…*a*b`: the shape whose regex translation backtracks exponentially on a run of `a`s. */
const pathological = (wildcards: number) => `${'*a'.repeat(wildcards - 1)}*b`;

describe('wildcards cannot freeze the evaluator (issue 12, defect 1)', () => {
  it('SimulateCustomPolicy with 30 wildcards in a resource, against 2000-character ARNs, answers correctly', async () => {
    const doc = JSON.stringify(
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${pathological(30)}` }),
    );
    const long = `arn:aws:s3:::${'a'.repeat(2000)}`;
    const out = await withHealthProbe(() =>
      t.iam(reader).send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: [doc],
          ActionNames: ['s3:GetObject'],
          ResourceArns: [long, `${long}b`],
        }),
      ),
    );
    expect(out.EvaluationResults!.map((r) => r.EvalDecision)).toEqual(['implicitDeny', 'allowed']);
  });

  it('the same pattern in actions, StringLike and ArnLike conditions, NotAction and NotResource', async () => {
    const wild = pathological(30);
    const doc = JSON.stringify(
      policy(
        {
          Effect: 'Allow',
          Action: `s3:${wild}`,
          Resource: '*',
          Condition: {
            StringLike: { 'aws:PrincipalTag/x': wild },
            ArnLike: { 'aws:SourceArn': `arn:aws:s3:::${wild}` },
          },
        },
        { Effect: 'Deny', NotAction: `s3:${wild}`, NotResource: `arn:aws:s3:::${wild}` },
      ),
    );
    const action = `s3:${'a'.repeat(120)}`;
    const context = (value: string) => [
      { ContextKeyName: 'aws:PrincipalTag/x', ContextKeyType: 'string' as const, ContextKeyValues: [value] },
      {
        ContextKeyName: 'aws:SourceArn',
        ContextKeyType: 'string' as const,
        ContextKeyValues: [`arn:aws:s3:::${value}`],
      },
    ];
    const run = (act: string, value: string) =>
      withHealthProbe(() =>
        t.iam(reader).send(
          new SimulateCustomPolicyCommand({
            PolicyInputList: [doc],
            ActionNames: [act],
            ResourceArns: [`arn:aws:s3:::${value}`],
            ContextEntries: context(value),
          }),
        ),
      );
    const a = 'a'.repeat(2000);
    // Nothing ends in b: the Allow's action does not match, and the Deny (NotAction, NotResource) applies.
    expect((await run(action, a)).EvaluationResults![0]!.EvalDecision).toBe('explicitDeny');
    // Everything ends in b: the Allow matches in every element and the Deny matches nothing.
    expect((await run(`${action}b`, `${a}b`)).EvaluationResults![0]!.EvalDecision).toBe('allowed');
  });

  it('a role session policy with the pattern is evaluated on every call without freezing the server', async () => {
    const role = await t.iam().send(
      new CreateRoleCommand({
        RoleName: 'wild',
        AssumeRolePolicyDocument: JSON.stringify(
          policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${t.accountId}:root` }, Action: 'sts:AssumeRole' }),
        ),
      }),
    );
    await t
      .iam()
      .send(new AttachRolePolicyCommand({ RoleName: 'wild', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }));
    const session = policy({
      Effect: 'Allow',
      Action: 'iam:GetUser',
      Resource: `arn:aws:iam::${t.accountId}:user/${pathological(30)}`,
    });
    const assumer = await userWithKey(t, 'assumer', {
      Assume: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: role.Role!.Arn }),
    });
    const creds = (
      await t
        .sts(assumer)
        .send(
          new AssumeRoleCommand({ RoleArn: role.Role!.Arn, RoleSessionName: 'wild', Policy: JSON.stringify(session) }),
        )
    ).Credentials!;
    const asSession = t.iam({
      accessKeyId: creds.AccessKeyId!,
      secretAccessKey: creds.SecretAccessKey!,
      sessionToken: creds.SessionToken!,
    });
    await userWithKey(t, `${'a'.repeat(63)}b`);
    await userWithKey(t, 'a'.repeat(64));
    const allowed = await withHealthProbe(() => asSession.send(new GetUserCommand({ UserName: `${'a'.repeat(63)}b` })));
    expect(allowed.User!.UserName).toBe(`${'a'.repeat(63)}b`);
    const denied = await withHealthProbe(() =>
      caught(() => asSession.send(new GetUserCommand({ UserName: 'a'.repeat(64) }))),
    );
    expect(denied.name).toBe('AccessDenied');
  });
});

describe('the simulator caps its input and pages lazily (issue 12, defect 2)', () => {
  const allowS3 = JSON.stringify(policy({ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::keep/*' }));
  const actions = (n: number) =>
    Array.from({ length: n }, (_, i) => (i % 2 === 0 ? `s3:GetObject${i}` : `s3:PutObject${i}`));
  const resources = (n: number) =>
    Array.from({ length: n }, (_, i) => `arn:aws:s3:::${i % 3 === 0 ? 'keep' : 'drop'}/${i}`);
  const simulate = (extra: { ActionNames: string[]; ResourceArns?: string[]; MaxItems?: number; Marker?: string }) =>
    t.iam(reader).send(new SimulateCustomPolicyCommand({ PolicyInputList: [allowS3], ...extra }));

  it('1200 actions × 1200 resources gets ValidationError naming both lists, and /health answers', async () => {
    const err = await withHealthProbe(() =>
      caught(() => simulate({ ActionNames: actions(1200), ResourceArns: resources(1200), MaxItems: 1 })),
    );
    expect(err.name).toBe('ValidationError');
    expect(err.$metadata?.httpStatusCode).toBe(400);
    expect(err.message).toBe(
      "2 validation errors detected: Value at 'actionNames' failed to satisfy constraint: Member must have length less than or equal to 1000; " +
        "Value at 'resourceArns' failed to satisfy constraint: Member must have length less than or equal to 1000",
    );
  });

  it('too many context entries, or values for one key, get ValidationError', async () => {
    const entry = (values: number) => ({
      ContextKeyName: 'aws:TagKeys',
      ContextKeyType: 'stringList' as const,
      ContextKeyValues: Array.from({ length: values }, (_, i) => `k${i}`),
    });
    const values = await caught(() =>
      t.iam(reader).send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: [allowS3],
          ActionNames: ['s3:GetObject'],
          ContextEntries: [entry(1), entry(101)],
        }),
      ),
    );
    expect(values.name).toBe('ValidationError');
    expect(values.message).toBe(
      "1 validation error detected: Value at 'contextEntries.2.member.contextKeyValues' failed to satisfy constraint: Member must have length less than or equal to 100",
    );
    const entries = await caught(() =>
      t.iam(reader).send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: [allowS3],
          ActionNames: ['s3:GetObject'],
          ContextEntries: Array.from({ length: 101 }, () => entry(1)),
        }),
      ),
    );
    expect(entries.message).toContain(
      "at 'contextEntries' failed to satisfy constraint: Member must have length less than or equal to 100",
    );
  });

  it('the largest allowed request, 1000 × 1000 with MaxItems=1, answers the first pair and a marker to the next', async () => {
    const out = await withHealthProbe(() =>
      simulate({ ActionNames: actions(1000), ResourceArns: resources(1000), MaxItems: 1 }),
    );
    expect(out.EvaluationResults).toHaveLength(1);
    expect(out.EvaluationResults![0]).toMatchObject({
      EvalActionName: 's3:GetObject0',
      EvalResourceName: 'arn:aws:s3:::keep/0',
      EvalDecision: 'allowed',
    });
    expect(out.IsTruncated).toBe(true);
    // A marker deep into the million pairs (built as Ward builds it) costs no more than the first page.
    const last = await simulate({
      ActionNames: actions(1000),
      ResourceArns: resources(1000),
      MaxItems: 2,
      Marker: encodeOffsetMarker(1000 * 1000 - 1),
    });
    expect(last.EvaluationResults!.map((r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision])).toEqual([
      ['s3:PutObject999', 'arn:aws:s3:::keep/999', 'implicitDeny'],
    ]);
    expect(last.IsTruncated).toBe(false);
    expect(last.Marker).toBeUndefined();
  });

  it('following markers gives exactly the results of one big page, in the same order', async () => {
    const request = { ActionNames: actions(7), ResourceArns: resources(6) };
    const whole = await simulate({ ...request, MaxItems: 1000 });
    expect(whole.IsTruncated).toBe(false);
    expect(whole.EvaluationResults).toHaveLength(42);
    const paged: EvaluationResult[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await simulate({ ...request, MaxItems: 5, ...(marker ? { Marker: marker } : {}) });
      paged.push(...page.EvaluationResults!);
      marker = page.IsTruncated ? page.Marker : undefined;
      pages++;
    } while (marker);
    expect(pages).toBe(9);
    expect(paged).toEqual(whole.EvaluationResults);
    expect(
      whole
        .EvaluationResults!.filter((r) => r.EvalDecision === 'allowed')
        .map((r) => [r.EvalActionName, r.EvalResourceName]),
    ).toEqual(
      ['s3:GetObject0', 's3:GetObject2', 's3:GetObject4', 's3:GetObject6'].flatMap((a) => [
        [a, 'arn:aws:s3:::keep/0'],
        [a, 'arn:aws:s3:::keep/3'],
      ]),
    );
  });
});
