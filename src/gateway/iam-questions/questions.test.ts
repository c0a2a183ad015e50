import { describe, expect, it } from 'vitest';
import { ALL_CASES, SCOPE, operationOf } from '../../../test/fixtures/gateway/iam-questions.cases.js';
import { authorizationQuestions, factsNeeded } from './index.js';

describe('authorizationQuestions (table-driven, per service)', () => {
  for (const [service, cases] of Object.entries(ALL_CASES)) {
    describe(service, () => {
      it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
        const r = await authorizationQuestions(operationOf(c), SCOPE, c.facts ?? {});
        if (c.unresolvedNeeds) {
          expect(r.unresolved).toBeTruthy();
          expect(r.questions).toEqual([]);
          expect(r.missingFacts.map((f) => f.kind)).toEqual(c.unresolvedNeeds);
          return;
        }
        expect(r.unresolved).toBeUndefined();
        expect(r.questions.map((q) => [q.action, q.resource])).toEqual(c.want!.map((w) => [w[0], w[1]]));
        c.want!.forEach((w, i) => {
          if (w[2]) expect(r.questions[i]!.context).toEqual(w[2]);
        });
        expect([...new Set(r.missingFacts.map((f) => f.kind))].sort()).toEqual([...(c.missing ?? [])].sort());
      });
    });
  }
});

describe('facts, step by step', () => {
  it("asks for a KMS alias target, then for the target key's tags, then is complete", async () => {
    const op = operationOf({
      service: 'kms',
      operation: 'Decrypt',
      input: { KeyId: 'alias/app', CiphertextBlob: 'eA==' },
    });
    const first = await factsNeeded(op, SCOPE);
    expect(first).toEqual([
      {
        kind: 'kmsAliasTarget',
        key: 'arn:aws:kms:us-east-1:123456789012:alias/app',
        aliasArn: 'arn:aws:kms:us-east-1:123456789012:alias/app',
      },
    ]);
    const keyArn = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const second = await factsNeeded(op, SCOPE, { kmsAliasTarget: { [first[0]!.key]: keyArn } });
    expect(second).toEqual([{ kind: 'resourceTags', key: keyArn, resourceArn: keyArn }]);
    const done = await authorizationQuestions(op, SCOPE, {
      kmsAliasTarget: { [first[0]!.key]: keyArn },
      resourceTags: { [keyArn]: { env: 'prod' } },
    });
    expect(done.missingFacts).toEqual([]);
    expect(done.questions).toEqual([
      {
        action: 'kms:Decrypt',
        resource: keyArn,
        context: { 'kms:RequestAlias': 'alias/app', 'aws:ResourceTag/env': 'prod' },
      },
    ]);
  });

  it('a resource the backend says does not exist: unresolved, notFound', async () => {
    const op = operationOf({ service: 'secretsmanager', operation: 'GetSecretValue', input: { SecretId: 'gone' } });
    const r = await authorizationQuestions(op, SCOPE, {
      secretArn: { 'arn:aws:secretsmanager:us-east-1:123456789012:secret:gone': null },
    });
    expect(r).toMatchObject({ questions: [], notFound: true });
    expect(r.unresolved).toMatch(/no such resource/);
  });

  it('a batch naming no element asks nothing, and is unresolved (never an empty allow)', async () => {
    const op = operationOf({
      service: 's3',
      operation: 'DeleteObjects',
      input: { Bucket: 'b', Delete: { Objects: [] } },
    });
    const r = await authorizationQuestions(op, SCOPE);
    expect(r.questions).toEqual([]);
    expect(r.unresolved).toMatch(/names nothing to authorize/);
  });

  it('a secret fact carries what the backend needs to look it up', async () => {
    const op = operationOf({ service: 'secretsmanager', operation: 'GetSecretValue', input: { SecretId: 'prod/db' } });
    expect(await factsNeeded(op, SCOPE)).toEqual([
      {
        kind: 'secretArn',
        key: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db',
        secretId: 'prod/db',
        region: 'us-east-1',
        accountId: '123456789012',
      },
    ]);
  });

  it('S3 object tags are asked for the version the request names', async () => {
    const op = operationOf({
      service: 's3',
      operation: 'GetObjectTagging',
      input: { Bucket: 'b', Key: 'k', VersionId: 'v9' },
    });
    expect(await factsNeeded(op, SCOPE)).toEqual([
      { kind: 's3ObjectTags', key: 'arn:aws:s3:::b/k?versionId=v9', bucket: 'b', objectKey: 'k', versionId: 'v9' },
    ]);
  });
});

describe('services without a mapping', () => {
  it('get their SAR action on *, by the SAR prefix of the service (stepfunctions signs as states)', async () => {
    const r = await authorizationQuestions(
      operationOf({
        service: 'stepfunctions',
        signingName: 'states',
        operation: 'StartExecution',
        input: { stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:m' },
      }),
      SCOPE,
    );
    expect(r).toMatchObject({
      iamService: 'states',
      precision: 'action-only',
      actionKnown: true,
      questions: [{ action: 'states:StartExecution', resource: '*', context: {} }],
    });
  });

  it('carry the request tags where the SAR lists aws:RequestTag', async () => {
    const r = await authorizationQuestions(
      operationOf({
        service: 'sfn-like',
        signingName: 'states',
        operation: 'CreateStateMachine',
        input: { name: 'm', tags: [{ key: 'team', value: 'a' }] },
      }),
      SCOPE,
    );
    expect(r.questions).toEqual([
      {
        action: 'states:CreateStateMachine',
        resource: '*',
        context: { 'aws:RequestTag/team': 'a', 'aws:TagKeys': ['team'] },
      },
    ]);
  });

  it('a service the SAR does not know: its own name as the prefix, the action unknown, on *', async () => {
    const r = await authorizationQuestions(
      operationOf({ service: 'no-such-service', operation: 'DoThing', input: {} }),
      SCOPE,
    );
    expect(r).toMatchObject({ iamService: 'no-such-service', precision: 'action-only', actionKnown: false });
    expect(r.questions).toEqual([{ action: 'no-such-service:DoThing', resource: '*', context: {} }]);
  });

  it('say when the SAR has no such action, and still ask on *', async () => {
    const r = await authorizationQuestions(
      operationOf({ service: 'cloudwatch', signingName: 'monitoring', operation: 'NoSuchOperation', input: {} }),
      SCOPE,
    );
    expect(r.actionKnown).toBe(false);
    expect(r.questions).toEqual([{ action: 'cloudwatch:NoSuchOperation', resource: '*', context: {} }]);
    expect(r.notes.join()).toMatch(/no action cloudwatch:NoSuchOperation/);
  });
});
