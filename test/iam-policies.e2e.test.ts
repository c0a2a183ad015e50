import {
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListPoliciesCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
  SetDefaultPolicyVersionCommand,
  TagPolicyCommand,
  UntagPolicyCommand,
  paginateListPolicies,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, policyOfSize } from './support/policies.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

const arnOf = (name: string, path = '/') => `arn:aws:iam::${t.accountId}:policy${path}${name}`;

describe('customer managed policies', () => {
  it('creates a policy with path, description and tags, and reads it back', async () => {
    const iam = t.iam();
    const created = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'S3Read',
        Path: '/team/',
        Description: 'read objects',
        PolicyDocument: allow('s3:GetObject'),
        Tags: [
          { Key: 'abc', Value: 'first' },
          { Key: 'b', Value: 'second' },
          { Key: 'A', Value: 'upper' },
        ],
      }),
    );
    const p = created.Policy!;
    expect(p.Arn).toBe(arnOf('S3Read', '/team/'));
    expect(p.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
    expect(p).toMatchObject({
      Path: '/team/',
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
    });
    // AWS's CreatePolicy answer carries the tags in the order given but not the description.
    expect(p.Description).toBeUndefined();
    expect(p.Tags).toEqual([
      { Key: 'abc', Value: 'first' },
      { Key: 'b', Value: 'second' },
      { Key: 'A', Value: 'upper' },
    ]);
    expect(p.CreateDate).toBeInstanceOf(Date);

    const got = (await iam.send(new GetPolicyCommand({ PolicyArn: p.Arn! }))).Policy!;
    expect(got).toMatchObject({
      PolicyName: 'S3Read',
      PolicyId: p.PolicyId,
      Description: 'read objects',
      DefaultVersionId: 'v1',
    });
    expect(got.UpdateDate?.getTime()).toBe(got.CreateDate?.getTime());
    // Listed shorter keys first, then by code point, as AWS lists policy tags.
    expect(got.Tags?.map((x) => x.Key)).toEqual(['A', 'b', 'abc']);
  });

  it('answers a policy without tags with an empty Tags list and no Description', async () => {
    const iam = t.iam();
    await iam.send(new CreatePolicyCommand({ PolicyName: 'Plain', PolicyDocument: allow('sqs:SendMessage') }));
    const got = (await iam.send(new GetPolicyCommand({ PolicyArn: arnOf('Plain') }))).Policy!;
    expect(got.Tags).toEqual([]);
    expect(got.Description).toBeUndefined();
  });

  it('refuses a second policy of the same name in the account, whatever the path or case', async () => {
    const err = await caught(() =>
      t.iam().send(new CreatePolicyCommand({ PolicyName: 's3read', Path: '/other/', PolicyDocument: allow('s3:*') })),
    );
    expect(err.Code).toBe('EntityAlreadyExists');
    expect(err.message).toBe('A policy called s3read already exists. Duplicate names are not allowed.');
    expect(err.$metadata?.httpStatusCode).toBe(409);
  });

  it('refuses malformed documents with the policy grammar’s reason', async () => {
    const iam = t.iam();
    const cases: Array<[string, string]> = [
      ['not json', 'Syntax errors in policy.'],
      [
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}',
        'Policy statement must contain resources.',
      ],
      [
        '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
        'Policy document must be version 2012-10-17 or greater.',
      ],
      [
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"GetObject","Resource":"*"}]}',
        'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
      ],
    ];
    for (const [document, reason] of cases) {
      const err = await caught(() =>
        iam.send(new CreatePolicyCommand({ PolicyName: 'Bad', PolicyDocument: document })),
      );
      expect(err.Code).toBe('MalformedPolicyDocument');
      expect(err.message).toBe(reason);
      expect(err.$metadata?.httpStatusCode).toBe(400);
    }
  });

  it('counts the 6144-character quota without whitespace', async () => {
    const iam = t.iam();
    const exact = policyOfSize(6144);
    expect(exact.length).toBeGreaterThan(6144);
    await iam.send(new CreatePolicyCommand({ PolicyName: 'Largest', PolicyDocument: exact }));
    const err = await caught(() =>
      iam.send(new CreatePolicyCommand({ PolicyName: 'TooLarge', PolicyDocument: policyOfSize(6145) })),
    );
    expect(err.Code).toBe('LimitExceeded');
    expect(err.message).toBe('Cannot exceed quota for PolicySize: 6144');
    expect(err.$metadata?.httpStatusCode).toBe(409);
    const version = await caught(() =>
      iam.send(new CreatePolicyVersionCommand({ PolicyArn: arnOf('Largest'), PolicyDocument: policyOfSize(6145) })),
    );
    expect(version.message).toBe('Cannot exceed quota for PolicySize: 6144');
  });

  it('answers NoSuchEntity for an unknown policy and InvalidInput for a malformed ARN', async () => {
    const iam = t.iam();
    const missing = await caught(() => iam.send(new GetPolicyCommand({ PolicyArn: arnOf('Nope') })));
    expect(missing.Code).toBe('NoSuchEntity');
    expect(missing.message).toBe(`Policy ${arnOf('Nope')} was not found.`);
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    const wrongPath = await caught(() => iam.send(new GetPolicyCommand({ PolicyArn: arnOf('S3Read') })));
    expect(wrongPath.Code).toBe('NoSuchEntity');
    const invalid = await caught(() =>
      iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::123456789012:user/alice' })),
    );
    expect(invalid.Code).toBe('InvalidInput');
    expect(invalid.message).toBe('ARN arn:aws:iam::123456789012:user/alice is not valid.');
  });
});

describe('policy versions', () => {
  const arn = () => arnOf('Versioned');
  const doc = (n: number) => allow(`s3:Action${n}`);

  beforeAll(async () => {
    await t.iam().send(new CreatePolicyCommand({ PolicyName: 'Versioned', PolicyDocument: doc(1) }));
  });

  it('adds versions, optionally as the default, newest first', async () => {
    const iam = t.iam();
    const v2 = (
      await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn(), PolicyDocument: doc(2), SetAsDefault: true }))
    ).PolicyVersion!;
    expect(v2).toMatchObject({ VersionId: 'v2', IsDefaultVersion: true });
    expect(v2.Document).toBeUndefined();
    const v3 = (await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn(), PolicyDocument: doc(3) })))
      .PolicyVersion!;
    expect(v3).toMatchObject({ VersionId: 'v3', IsDefaultVersion: false });

    const listed = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn() }));
    expect(listed.Versions?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
      ['v3', false],
      ['v2', true],
      ['v1', false],
    ]);
    expect(listed.Versions?.every((v) => v.Document === undefined)).toBe(true);
    expect(listed.IsTruncated).toBe(false);

    const policy = (await iam.send(new GetPolicyCommand({ PolicyArn: arn() }))).Policy!;
    expect(policy.DefaultVersionId).toBe('v2');
    expect(policy.UpdateDate!.getTime()).toBeGreaterThanOrEqual(policy.CreateDate!.getTime());
  });

  it('returns a version’s document URL-encoded, exactly as submitted', async () => {
    const got = (await t.iam().send(new GetPolicyVersionCommand({ PolicyArn: arn(), VersionId: 'v3' }))).PolicyVersion!;
    expect(got).toMatchObject({ VersionId: 'v3', IsDefaultVersion: false });
    expect(got.Document).toContain('%7B%0A%20%20%22Version%22');
    expect(decodeURIComponent(got.Document!)).toBe(doc(3));
  });

  it('makes another version the default', async () => {
    const iam = t.iam();
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn(), VersionId: 'v1' }));
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn() }))).Policy?.DefaultVersionId).toBe('v1');
    const missing = await caught(() =>
      iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn(), VersionId: 'v9' })),
    );
    expect(missing.Code).toBe('NoSuchEntity');
    expect(missing.message).toBe(`Policy ${arn()} version v9 does not exist or is not attachable.`);
  });

  it('keeps at most five versions and never reuses a version number', async () => {
    const iam = t.iam();
    await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn(), PolicyDocument: doc(4) }));
    await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn(), PolicyDocument: doc(5) }));
    const err = await caught(() =>
      iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn(), PolicyDocument: doc(6) })),
    );
    expect(err.Code).toBe('LimitExceeded');
    expect(err.message).toBe(
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    );
    expect(err.$metadata?.httpStatusCode).toBe(409);

    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn(), VersionId: 'v5' }));
    const next = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn(), PolicyDocument: doc(6) }));
    expect(next.PolicyVersion?.VersionId).toBe('v6');
  });

  it('refuses to delete the default version or one that does not exist', async () => {
    const iam = t.iam();
    const dflt = await caught(() => iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn(), VersionId: 'v1' })));
    expect(dflt.Code).toBe('DeleteConflict');
    expect(dflt.message).toBe('Cannot delete the default version of a policy.');
    expect(dflt.$metadata?.httpStatusCode).toBe(409);
    const missing = await caught(() => iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn(), VersionId: 'v5' })));
    expect(missing.message).toBe(`Policy ${arn()} version v5 does not exist or is not attachable.`);
    const noPolicy = await caught(() =>
      iam.send(new GetPolicyVersionCommand({ PolicyArn: arnOf('Nope'), VersionId: 'v1' })),
    );
    expect(noPolicy.message).toBe(`Policy ${arnOf('Nope')} version v1 does not exist or is not attachable.`);
  });

  it('deletes a policy only once its non-default versions are gone', async () => {
    const iam = t.iam();
    const err = await caught(() => iam.send(new DeletePolicyCommand({ PolicyArn: arn() })));
    expect(err.Code).toBe('DeleteConflict');
    expect(err.message).toBe(
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    );
    for (const v of ['v2', 'v3', 'v4', 'v6'])
      await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn(), VersionId: v }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: arn() }));
    expect((await caught(() => iam.send(new GetPolicyCommand({ PolicyArn: arn() })))).Code).toBe('NoSuchEntity');
    const again = await caught(() => iam.send(new DeletePolicyCommand({ PolicyArn: arn() })));
    expect(again.message).toBe(`Policy ${arn()} was not found.`);
  });
});

describe('policy tags', () => {
  it('tags, lists and untags with case-sensitive keys', async () => {
    const iam = t.iam();
    const arn = arnOf('Plain');
    await iam.send(
      new TagPolicyCommand({
        PolicyArn: arn,
        Tags: [
          { Key: 'z', Value: '1' },
          { Key: 'a', Value: '2' },
          { Key: 'A', Value: '3' },
        ],
      }),
    );
    await iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: [{ Key: 'z', Value: 'new' }] }));
    const listed = await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }));
    expect(listed.Tags).toEqual([
      { Key: 'A', Value: '3' },
      { Key: 'a', Value: '2' },
      { Key: 'z', Value: 'new' },
    ]);
    const page = await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn, MaxItems: 2 }));
    expect(page.IsTruncated).toBe(true);
    const rest = await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn, Marker: page.Marker! }));
    expect(rest.Tags?.map((x) => x.Key)).toEqual(['z']);

    await iam.send(new UntagPolicyCommand({ PolicyArn: arn, TagKeys: ['a', 'z'] }));
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags).toEqual([{ Key: 'A', Value: '3' }]);
  });

  it('refuses duplicate keys and unknown policies', async () => {
    const iam = t.iam();
    const dup = await caught(() =>
      iam.send(
        new TagPolicyCommand({
          PolicyArn: arnOf('Plain'),
          Tags: [
            { Key: 'k', Value: '1' },
            { Key: 'k', Value: '2' },
          ],
        }),
      ),
    );
    expect(dup.Code).toBe('InvalidInput');
    expect(dup.message).toBe('Duplicate tag keys found.');
    const missing = await caught(() =>
      iam.send(new TagPolicyCommand({ PolicyArn: arnOf('NotAPolicy'), Tags: [{ Key: 'k', Value: '1' }] })),
    );
    expect(missing.message).toBe(`Policy ${arnOf('NotAPolicy')} was not found.`);
  });
});

describe('AWS managed policies', () => {
  const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';

  it('reads an AWS managed policy and its default version', async () => {
    const iam = t.iam();
    const p = (await iam.send(new GetPolicyCommand({ PolicyArn: admin }))).Policy!;
    expect(p).toMatchObject({
      PolicyName: 'AdministratorAccess',
      PolicyId: 'ANPAIWMBCKSKIEE64ZLYK',
      Path: '/',
      DefaultVersionId: 'v1',
      IsAttachable: true,
      Description: 'Provides full access to AWS services and resources.',
      Tags: [],
    });
    const v = (await iam.send(new GetPolicyVersionCommand({ PolicyArn: admin, VersionId: 'v1' }))).PolicyVersion!;
    expect(JSON.parse(decodeURIComponent(v.Document!))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    // AWS stores its documents pretty-printed with " : " separators.
    expect(decodeURIComponent(v.Document!)).toContain('"Version" : "2012-10-17"');

    const readOnly = (await iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })))
      .Policy!;
    const rv = await iam.send(
      new GetPolicyVersionCommand({ PolicyArn: readOnly.Arn!, VersionId: readOnly.DefaultVersionId! }),
    );
    const readOnlyDoc = JSON.parse(decodeURIComponent(rv.PolicyVersion!.Document!)) as {
      Statement: Array<{ Action: string[] }>;
    };
    expect(readOnlyDoc.Statement.flatMap((s) => s.Action)).toContain('s3:Get*');

    const rootTask = (
      await iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy' }))
    ).Policy!;
    expect(rootTask.Path).toBe('/root-task/');
  });

  it('lists AWS managed policies by scope and path', async () => {
    const iam = t.iam();
    const aws = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', MaxItems: 1000 }));
    const names = aws.Policies!.map((p) => p.PolicyName);
    for (const n of [
      'AdministratorAccess',
      'PowerUserAccess',
      'ReadOnlyAccess',
      'IAMFullAccess',
      'IAMReadOnlyAccess',
      'IAMUserChangePassword',
    ]) {
      expect(names).toContain(n);
    }
    expect(names).not.toContain('Plain');
    expect(
      aws.Policies!.every(
        (p) => p.Arn!.startsWith('arn:aws:iam::aws:policy/') && p.Description === undefined && p.Tags === undefined,
      ),
    ).toBe(true);

    const rootTasks = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', PathPrefix: '/root-task/' }));
    expect(rootTasks.Policies!.map((p) => p.PolicyName).sort()).toEqual([
      'IAMAuditRootUserCredentials',
      'IAMCreateRootUserPassword',
      'IAMDeleteRootUserCredentials',
      'S3UnlockBucketPolicy',
      'SQSUnlockQueuePolicy',
    ]);

    const local = await iam.send(new ListPoliciesCommand({ Scope: 'Local' }));
    expect(local.Policies!.map((p) => p.PolicyName)).toEqual(['Largest', 'Plain', 'S3Read']);
    const all = await iam.send(new ListPoliciesCommand({}));
    expect(all.Policies!.length).toBe(aws.Policies!.length + local.Policies!.length);
    const team = await iam.send(new ListPoliciesCommand({ PathPrefix: '/team/' }));
    expect(team.Policies!.map((p) => p.PolicyName)).toEqual(['S3Read']);
  });

  it('pages ListPolicies with the SDK paginator', async () => {
    const names: string[] = [];
    for await (const page of paginateListPolicies({ client: t.iam(), pageSize: 4 }, { Scope: 'All' }))
      names.push(...page.Policies!.map((p) => p.PolicyName!));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(names).toContain('AdministratorAccess');
    expect(names).toContain('Plain');
  });

  it('refuses to change an AWS managed policy', async () => {
    const iam = t.iam();
    const attempts = [
      () => iam.send(new DeletePolicyCommand({ PolicyArn: admin })),
      () => iam.send(new CreatePolicyVersionCommand({ PolicyArn: admin, PolicyDocument: allow('s3:*') })),
      () => iam.send(new DeletePolicyVersionCommand({ PolicyArn: admin, VersionId: 'v1' })),
      () => iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: admin, VersionId: 'v1' })),
      () => iam.send(new TagPolicyCommand({ PolicyArn: admin, Tags: [{ Key: 'k', Value: 'v' }] })),
    ];
    for (const attempt of attempts) {
      const err = await caught(attempt);
      expect(err.Code).toBe('AccessDenied');
      expect(err.$metadata?.httpStatusCode).toBe(403);
    }
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: admin }))).Policy?.DefaultVersionId).toBe('v1');
  });
});

describe('emulator reset', () => {
  it('drops customer policies and restores the AWS managed ones', async () => {
    const emu = await startTestWard({ emulator: true });
    try {
      const iam = emu.iam();
      await iam.send(new CreatePolicyCommand({ PolicyName: 'Temp', PolicyDocument: allow('s3:*') }));
      const before = (await iam.send(new ListPoliciesCommand({ Scope: 'AWS', MaxItems: 1000 }))).Policies!.length;
      expect((await fetch(`${emu.url}/moto-api/reset`, { method: 'POST' })).status).toBe(200);
      expect((await iam.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies).toEqual([]);
      expect((await iam.send(new ListPoliciesCommand({ Scope: 'AWS', MaxItems: 1000 }))).Policies!.length).toBe(before);
      expect(
        (await iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' }))).Policy
          ?.DefaultVersionId,
      ).toBe('v12');
    } finally {
      await emu.close();
    }
  });
});
