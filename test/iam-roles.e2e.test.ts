import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetAccountSummaryCommand,
  GetPolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListRolePoliciesCommand,
  ListRoleTagsCommand,
  ListRolesCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, policyOfSize } from './support/policies.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

/** A trust policy letting `principal` assume the role. */
const trust = (
  principal: Record<string, unknown> = { Service: 'ec2.amazonaws.com' },
  extra: Record<string, unknown> = {},
) =>
  JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra }],
    },
    null,
    2,
  );

describe('roles', () => {
  it('creates a role with an AROA ID, reads it back with the URL-encoded trust policy, and lists it', async () => {
    const iam = t.iam();
    const document = trust(
      { AWS: `arn:aws:iam::${t.accountId}:root` },
      { Condition: { StringEquals: { 'sts:ExternalId': 'a b&c=d' } } },
    );
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: 'App',
        Path: '/svc/',
        AssumeRolePolicyDocument: document,
        Description: 'the app',
        Tags: [{ Key: 'team', Value: 'core' }],
      }),
    );
    const role = created.Role!;
    expect(role.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(role.Arn).toBe(`arn:aws:iam::${t.accountId}:role/svc/App`);
    expect(role.Path).toBe('/svc/');
    expect(role.Description).toBe('the app');
    expect(role.Tags).toEqual([{ Key: 'team', Value: 'core' }]);
    expect(decodeURIComponent(role.AssumeRolePolicyDocument!)).toBe(document);

    const got = (await iam.send(new GetRoleCommand({ RoleName: 'app' }))).Role!;
    expect(got.RoleName).toBe('App');
    expect(got.RoleId).toBe(role.RoleId);
    expect(got.MaxSessionDuration).toBe(3600);
    expect(got.RoleLastUsed).toEqual({});
    expect(got.AssumeRolePolicyDocument).toMatch(/^%7B%0A/);
    expect(got.AssumeRolePolicyDocument).not.toMatch(/[ +&=]/);
    expect(decodeURIComponent(got.AssumeRolePolicyDocument!)).toBe(document);
    expect(got.Tags).toEqual([{ Key: 'team', Value: 'core' }]);

    const listed = (await iam.send(new ListRolesCommand({ PathPrefix: '/svc/' }))).Roles!;
    expect(listed.map((r) => r.RoleName)).toEqual(['App']);
    expect(listed[0]!.MaxSessionDuration).toBe(3600);
    expect(listed[0]!.Tags).toBeUndefined();
    expect(decodeURIComponent(listed[0]!.AssumeRolePolicyDocument!)).toBe(document);
  });

  it('refuses a duplicate name regardless of case', async () => {
    const iam = t.iam();
    await iam.send(new CreateRoleCommand({ RoleName: 'Dup', AssumeRolePolicyDocument: trust() }));
    const err = await caught(() =>
      iam.send(new CreateRoleCommand({ RoleName: 'DUP', AssumeRolePolicyDocument: trust() })),
    );
    expect(err.Code).toBe('EntityAlreadyExists');
    expect(err.message).toBe('Role with name DUP already exists.');
    expect(err.$metadata?.httpStatusCode).toBe(409);
  });

  it('validates the trust policy with IAM reasons', async () => {
    const iam = t.iam();
    const cases: Array<[string, string]> = [
      ['not json', 'This policy contains invalid Json'],
      [trust({ Service: 'ec2.amazonaws.com' }, { Resource: '*' }), 'Has prohibited field Resource'],
      [
        JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] }),
        'Missing required field Principal',
      ],
      [
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 's3:GetObject' }],
        }),
        'AssumeRole policy may only specify STS AssumeRole actions.',
      ],
    ];
    for (const [doc, reason] of cases) {
      const err = await caught(() =>
        iam.send(new CreateRoleCommand({ RoleName: 'Bad', AssumeRolePolicyDocument: doc })),
      );
      expect(err.Code, doc).toBe('MalformedPolicyDocument');
      expect(err.message, doc).toBe(reason);
    }
    const err = await caught(() =>
      iam.send(
        new UpdateAssumeRolePolicyCommand({
          RoleName: 'Dup',
          PolicyDocument: trust({ Service: 'ec2.amazonaws.com' }, { Resource: '*' }),
        }),
      ),
    );
    expect(err.Code).toBe('MalformedPolicyDocument');
    expect(err.message).toBe('Has prohibited field Resource');
  });

  it('limits the trust policy to 2048 characters, whitespace not counted', async () => {
    const iam = t.iam();
    const big = (n: number) => {
      const base = JSON.parse(trust()) as { Statement: Array<Record<string, unknown>> };
      base.Statement[0]!.Sid = 'A'.repeat(n);
      return JSON.stringify(base, null, 4);
    };
    const baseSize = big(0).replace(/\s/g, '').length;
    await iam.send(new CreateRoleCommand({ RoleName: 'Fits', AssumeRolePolicyDocument: big(2048 - baseSize) }));
    const err = await caught(() =>
      iam.send(new CreateRoleCommand({ RoleName: 'TooBig', AssumeRolePolicyDocument: big(2049 - baseSize) })),
    );
    expect(err.Code).toBe('LimitExceeded');
    expect(err.message).toBe('Cannot exceed quota for ACLSizePerRole: 2048');
    expect(err.$metadata?.httpStatusCode).toBe(409);
  });

  it('bounds MaxSessionDuration to 3600–43200 and updates it', async () => {
    const iam = t.iam();
    for (const MaxSessionDuration of [3599, 43201]) {
      const err = await caught(() =>
        iam.send(new CreateRoleCommand({ RoleName: 'Long', AssumeRolePolicyDocument: trust(), MaxSessionDuration })),
      );
      expect(err.Code).toBe('ValidationError');
      expect(err.message).toContain('maxSessionDuration');
    }
    await iam.send(
      new CreateRoleCommand({ RoleName: 'Long', AssumeRolePolicyDocument: trust(), MaxSessionDuration: 43200 }),
    );
    expect((await iam.send(new GetRoleCommand({ RoleName: 'Long' }))).Role!.MaxSessionDuration).toBe(43200);
    await iam.send(new UpdateRoleCommand({ RoleName: 'Long', MaxSessionDuration: 7200, Description: 'two hours' }));
    const got = (await iam.send(new GetRoleCommand({ RoleName: 'Long' }))).Role!;
    expect(got).toMatchObject({ MaxSessionDuration: 7200, Description: 'two hours' });
    const err = await caught(() => iam.send(new UpdateRoleCommand({ RoleName: 'Long', MaxSessionDuration: 100 })));
    expect(err.Code).toBe('ValidationError');

    const described = await iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'Long', Description: 'new words' }));
    expect(described.Role).toMatchObject({ RoleName: 'Long', Description: 'new words', MaxSessionDuration: 7200 });

    const doc = trust({ Service: 'lambda.amazonaws.com' });
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Long', PolicyDocument: doc }));
    expect(
      decodeURIComponent((await iam.send(new GetRoleCommand({ RoleName: 'Long' }))).Role!.AssumeRolePolicyDocument!),
    ).toBe(doc);
  });

  it('answers NoSuchEntity for a missing role', async () => {
    const iam = t.iam();
    for (const send of [
      () => iam.send(new GetRoleCommand({ RoleName: 'Ghost' })),
      () => iam.send(new DeleteRoleCommand({ RoleName: 'Ghost' })),
      () => iam.send(new UpdateRoleCommand({ RoleName: 'Ghost' })),
      () => iam.send(new PutRolePolicyCommand({ RoleName: 'Ghost', PolicyName: 'p', PolicyDocument: allow('s3:*') })),
    ]) {
      const err = await caught(send);
      expect(err.Code).toBe('NoSuchEntity');
      expect(err.message).toBe('The role with name Ghost cannot be found.');
      expect(err.$metadata?.httpStatusCode).toBe(404);
    }
  });

  it('pages ListRoles by Marker/MaxItems and filters by path', async () => {
    const iam = t.iam();
    for (const name of ['PageA', 'PageB', 'PageC']) {
      await iam.send(new CreateRoleCommand({ RoleName: name, Path: '/paged/', AssumeRolePolicyDocument: trust() }));
    }
    const first = await iam.send(new ListRolesCommand({ PathPrefix: '/paged/', MaxItems: 2 }));
    expect(first.Roles!.map((r) => r.RoleName)).toEqual(['PageA', 'PageB']);
    expect(first.IsTruncated).toBe(true);
    const second = await iam.send(new ListRolesCommand({ PathPrefix: '/paged/', MaxItems: 2, Marker: first.Marker! }));
    expect(second.Roles!.map((r) => r.RoleName)).toEqual(['PageC']);
    expect(second.IsTruncated).toBe(false);
    const all = (await iam.send(new ListRolesCommand({}))).Roles!.map((r) => r.RoleName);
    expect(all).toEqual(expect.arrayContaining(['App', 'PageA', 'PageC']));
  });

  it('tags and untags a role (keys case-insensitive) and pages its tags', async () => {
    const iam = t.iam();
    await iam.send(new CreateRoleCommand({ RoleName: 'Tagged', AssumeRolePolicyDocument: trust() }));
    await iam.send(
      new TagRoleCommand({
        RoleName: 'Tagged',
        Tags: [
          { Key: 'b', Value: '1' },
          { Key: 'a', Value: '2' },
        ],
      }),
    );
    await iam.send(new TagRoleCommand({ RoleName: 'Tagged', Tags: [{ Key: 'B', Value: '3' }] }));
    expect((await iam.send(new ListRoleTagsCommand({ RoleName: 'Tagged' }))).Tags).toEqual([
      { Key: 'a', Value: '2' },
      { Key: 'B', Value: '3' },
    ]);
    const page = await iam.send(new ListRoleTagsCommand({ RoleName: 'Tagged', MaxItems: 1 }));
    expect(page).toMatchObject({ Tags: [{ Key: 'a', Value: '2' }], IsTruncated: true });
    await iam.send(new UntagRoleCommand({ RoleName: 'Tagged', TagKeys: ['A'] }));
    expect((await iam.send(new ListRoleTagsCommand({ RoleName: 'Tagged' }))).Tags).toEqual([{ Key: 'B', Value: '3' }]);
    const dup = await caught(() =>
      iam.send(
        new TagRoleCommand({
          RoleName: 'Tagged',
          Tags: [
            { Key: 'x', Value: '1' },
            { Key: 'X', Value: '2' },
          ],
        }),
      ),
    );
    expect(dup.Code).toBe('InvalidInput');
  });

  it('sets and removes a permissions boundary, counted by GetPolicy and ListEntitiesForPolicy', async () => {
    const iam = t.iam();
    const policy = (
      await iam.send(new CreatePolicyCommand({ PolicyName: 'RoleBoundary', PolicyDocument: allow('s3:*') }))
    ).Policy!;
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: 'Bounded',
        AssumeRolePolicyDocument: trust(),
        PermissionsBoundary: policy.Arn!,
      }),
    );
    expect(created.Role!.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
      PermissionsBoundaryArn: policy.Arn,
    });
    expect(
      (await iam.send(new GetPolicyCommand({ PolicyArn: policy.Arn! }))).Policy!.PermissionsBoundaryUsageCount,
    ).toBe(1);
    const entities = await iam.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: policy.Arn!, PolicyUsageFilter: 'PermissionsBoundary' }),
    );
    expect(entities.PolicyRoles!.map((r) => r.RoleName)).toEqual(['Bounded']);

    await iam.send(new CreateRoleCommand({ RoleName: 'LaterBounded', AssumeRolePolicyDocument: trust() }));
    await iam.send(
      new PutRolePermissionsBoundaryCommand({ RoleName: 'LaterBounded', PermissionsBoundary: policy.Arn! }),
    );
    expect(
      (await iam.send(new GetRoleCommand({ RoleName: 'LaterBounded' }))).Role!.PermissionsBoundary
        ?.PermissionsBoundaryArn,
    ).toBe(policy.Arn);
    await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'LaterBounded' }));
    expect(
      (await iam.send(new GetRoleCommand({ RoleName: 'LaterBounded' }))).Role!.PermissionsBoundary,
    ).toBeUndefined();

    const missing = `arn:aws:iam::${t.accountId}:policy/Nope`;
    const err = await caught(() =>
      iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'LaterBounded', PermissionsBoundary: missing })),
    );
    expect(err.Code).toBe('NoSuchEntity');
    expect(err.message).toBe(`Scope ARN: ${missing} does not exist or is not attachable.`);
  });
});

describe('role policies', () => {
  it('puts, reads, lists and deletes inline role policies within the 10240 aggregate', async () => {
    const iam = t.iam();
    await iam.send(new CreateRoleCommand({ RoleName: 'Worker', AssumeRolePolicyDocument: trust() }));
    const document = allow('sqs:SendMessage');
    await iam.send(new PutRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'Send', PolicyDocument: document }));
    await iam.send(
      new PutRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'Alpha', PolicyDocument: allow('s3:*') }),
    );
    const got = await iam.send(new GetRolePolicyCommand({ RoleName: 'worker', PolicyName: 'Send' }));
    expect(got).toMatchObject({ RoleName: 'Worker', PolicyName: 'Send' });
    expect(decodeURIComponent(got.PolicyDocument!)).toBe(document);
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'Worker' }))).PolicyNames).toEqual([
      'Alpha',
      'Send',
    ]);
    const page = await iam.send(new ListRolePoliciesCommand({ RoleName: 'Worker', MaxItems: 1 }));
    expect(page).toMatchObject({ PolicyNames: ['Alpha'], IsTruncated: true });

    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'Alpha' }));
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'Send' }));
    const missing = await caught(() => iam.send(new GetRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'Send' })));
    expect(missing.Code).toBe('NoSuchEntity');
    expect(missing.message).toBe('The role policy with name Send cannot be found.');

    const used = allow('s3:*').replace(/\s/g, '').length;
    await iam.send(
      new PutRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'Small', PolicyDocument: allow('s3:*') }),
    );
    await iam.send(
      new PutRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'Big', PolicyDocument: policyOfSize(10240 - used) }),
    );
    const over = await caught(() =>
      iam.send(
        new PutRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'Big', PolicyDocument: policyOfSize(10241 - used) }),
      ),
    );
    expect(over.Code).toBe('LimitExceeded');
    expect(over.message).toBe('Maximum policy size of 10240 bytes exceeded for role Worker');
    const bad = await caught(() =>
      iam.send(new PutRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'Bad', PolicyDocument: '{}' })),
    );
    expect(bad.Code).toBe('MalformedPolicyDocument');
  });

  it('attaches and detaches managed policies, counted by GetPolicy, ListEntitiesForPolicy and the account summary', async () => {
    const iam = t.iam();
    await iam.send(new CreateRoleCommand({ RoleName: 'Attached', AssumeRolePolicyDocument: trust() }));
    const policy = (
      await iam.send(new CreatePolicyCommand({ PolicyName: 'RoleManaged', PolicyDocument: allow('ec2:*') }))
    ).Policy!;
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'Attached', PolicyArn: policy.Arn! }));
    await iam.send(
      new AttachRolePolicyCommand({ RoleName: 'Attached', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'Attached' }));
    expect(attached.AttachedPolicies!.map((p) => p.PolicyName)).toEqual(['ReadOnlyAccess', 'RoleManaged']);
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: policy.Arn! }))).Policy!.AttachmentCount).toBe(1);
    const entities = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: policy.Arn! }));
    expect(entities.PolicyRoles).toEqual([{ RoleName: 'Attached', RoleId: expect.stringMatching(/^AROA/) }]);
    const onlyRoles = await iam.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: policy.Arn!, EntityFilter: 'Role' }),
    );
    expect(onlyRoles.PolicyRoles!.map((r) => r.RoleName)).toEqual(['Attached']);

    const summary = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
    expect(summary.Roles).toBeGreaterThanOrEqual(1);

    const missing = await caught(() =>
      iam.send(
        new AttachRolePolicyCommand({ RoleName: 'Attached', PolicyArn: `arn:aws:iam::${t.accountId}:policy/Nope` }),
      ),
    );
    expect(missing.Code).toBe('NoSuchEntity');

    await iam.send(new DetachRolePolicyCommand({ RoleName: 'Attached', PolicyArn: policy.Arn! }));
    const notAttached = await caught(() =>
      iam.send(new DetachRolePolicyCommand({ RoleName: 'Attached', PolicyArn: policy.Arn! })),
    );
    expect(notAttached.Code).toBe('NoSuchEntity');
    expect(
      (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'Attached' }))).AttachedPolicies!.map(
        (p) => p.PolicyName,
      ),
    ).toEqual(['ReadOnlyAccess']);
  });

  it('refuses to delete a role with inline or attached policies', async () => {
    const iam = t.iam();
    await iam.send(new CreateRoleCommand({ RoleName: 'Busy', AssumeRolePolicyDocument: trust() }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'Busy', PolicyName: 'p', PolicyDocument: allow('s3:*') }));
    await iam.send(
      new AttachRolePolicyCommand({ RoleName: 'Busy', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
    let err = await caught(() => iam.send(new DeleteRoleCommand({ RoleName: 'Busy' })));
    expect(err.Code).toBe('DeleteConflict');
    expect(err.message).toBe('Cannot delete entity, must delete policies first.');
    expect(err.$metadata?.httpStatusCode).toBe(409);
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'Busy', PolicyName: 'p' }));
    err = await caught(() => iam.send(new DeleteRoleCommand({ RoleName: 'Busy' })));
    expect(err.message).toBe('Cannot delete entity, must detach all policies first.');
    await iam.send(
      new DetachRolePolicyCommand({ RoleName: 'Busy', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
    await iam.send(new DeleteRoleCommand({ RoleName: 'Busy' }));
    expect((await caught(() => iam.send(new GetRoleCommand({ RoleName: 'Busy' })))).Code).toBe('NoSuchEntity');
  });
});
