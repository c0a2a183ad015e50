import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import {
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  GetUserCommand,
  ListAttachedUserPoliciesCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRole, sessionCredentials, trustPolicy } from './support/sts.js';
import { policy, userWithKey } from './support/users.js';
import { type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

/**
 * Issue 15: partitions. A request signed for a region of another partition gets its ARNs in that
 * partition (aws-cn for cn-*, aws-us-gov for us-gov-*, aws-iso for us-iso-*, aws-iso-b for
 * us-isob-*), takes ARNs only in it (AWS: `Partition "aws" is not valid for resource …`), and is
 * evaluated against policies written for it. IAM signs for its partition's one region
 * (cn-north-1, us-gov-west-1, us-iso-east-1, us-isob-east-1, from botocore's endpoints.json).
 */
let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t?.close());

const CN = 'cn-north-1';
const cnIam = (credentials?: Credentials) => t.iam(credentials, { region: CN });
const cnSts = (credentials?: Credentials) => t.sts(credentials, { region: CN });

describe('ARNs in the caller’s partition', () => {
  it.each([
    ['cn-north-1', 'aws-cn'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['us-iso-east-1', 'aws-iso'],
    ['us-isob-east-1', 'aws-iso-b'],
    ['us-east-1', 'aws'],
  ])('GetCallerIdentity signed for %s answers in %s', async (region, partition) => {
    const me = await t.sts(undefined, { region }).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:${partition}:iam::${t.accountId}:root`);
  });

  it('renders IAM outputs, managed policies included, and takes its own partition’s ARNs', async () => {
    const created = await cnIam().send(new CreateUserCommand({ UserName: 'li' }));
    expect(created.User!.Arn).toBe(`arn:aws-cn:iam::${t.accountId}:user/li`);
    const made = await cnIam().send(
      new CreatePolicyCommand({
        PolicyName: 'cn-read',
        PolicyDocument: JSON.stringify(policy({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' })),
      }),
    );
    expect(made.Policy!.Arn).toBe(`arn:aws-cn:iam::${t.accountId}:policy/cn-read`);
    await cnIam().send(new AttachUserPolicyCommand({ UserName: 'li', PolicyArn: made.Policy!.Arn }));
    await cnIam().send(
      new AttachUserPolicyCommand({ UserName: 'li', PolicyArn: 'arn:aws-cn:iam::aws:policy/ReadOnlyAccess' }),
    );
    const attached = await cnIam().send(new ListAttachedUserPoliciesCommand({ UserName: 'li' }));
    expect(attached.AttachedPolicies!.map((p) => p.PolicyArn).sort()).toEqual([
      `arn:aws-cn:iam::${t.accountId}:policy/cn-read`,
      'arn:aws-cn:iam::aws:policy/ReadOnlyAccess',
    ]);
    // The same user, asked for in us-east-1, is in aws.
    expect((await t.iam().send(new GetUserCommand({ UserName: 'li' }))).User!.Arn).toBe(
      `arn:aws:iam::${t.accountId}:user/li`,
    );
  });

  it('refuses an ARN of another partition with AWS’s text', async () => {
    await cnIam().send(new CreateUserCommand({ UserName: 'wang' }));
    const wrong = await caught(() =>
      cnIam().send(
        new AttachUserPolicyCommand({ UserName: 'wang', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
      ),
    );
    // The SDK names IAM's InvalidInput code InvalidInputException.
    expect(wrong.name).toBe('InvalidInputException');
    expect(wrong.message).toBe('Partition "aws" is not valid for resource "arn:aws:iam::aws:policy/ReadOnlyAccess".');
    const other = await caught(() =>
      t
        .iam()
        .send(
          new AttachUserPolicyCommand({ UserName: 'wang', PolicyArn: 'arn:aws-cn:iam::aws:policy/ReadOnlyAccess' }),
        ),
    );
    expect(other.message).toBe(
      'Partition "aws-cn" is not valid for resource "arn:aws-cn:iam::aws:policy/ReadOnlyAccess".',
    );
    expect((await cnIam().send(new ListAttachedUserPoliciesCommand({ UserName: 'wang' }))).AttachedPolicies).toEqual(
      [],
    );
  });
});

describe('evaluation in the caller’s partition', () => {
  it('a policy written for aws-cn allows aws-cn calls only, and denials name aws-cn ARNs', async () => {
    const key = await userWithKey(t, 'zhang', {
      cn: policy({ Effect: 'Allow', Action: 'iam:GetUser', Resource: `arn:aws-cn:iam::${t.accountId}:user/zhang` }),
    });
    const me = await cnIam(key).send(new GetUserCommand({}));
    expect(me.User!.Arn).toBe(`arn:aws-cn:iam::${t.accountId}:user/zhang`);
    const denied = await caught(() => t.iam(key).send(new GetUserCommand({})));
    expect(denied.name).toBe('AccessDenied');
    expect(denied.message).toContain(`arn:aws:iam::${t.accountId}:user/zhang`);

    const other = await caught(() => cnIam(key).send(new GetUserCommand({ UserName: 'li' })));
    expect(other.message).toBe(
      `User: arn:aws-cn:iam::${t.accountId}:user/zhang is not authorized to perform: iam:GetUser on resource: ` +
        `arn:aws-cn:iam::${t.accountId}:user/li because no identity-based policy allows the iam:GetUser action`,
    );
  });

  it('AssumeRole: a trust policy names the caller in its partition; sessions are aws-cn', async () => {
    const key = await userWithKey(t, 'chen', {
      assume: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
    });
    await createRole(t, 'cn-role', trustPolicy({ AWS: `arn:aws-cn:iam::${t.accountId}:user/chen` }));
    await createRole(t, 'aws-role', trustPolicy({ AWS: `arn:aws:iam::${t.accountId}:root` }));

    const assumed = await cnSts(key).send(
      new AssumeRoleCommand({ RoleArn: `arn:aws-cn:iam::${t.accountId}:role/cn-role`, RoleSessionName: 's1' }),
    );
    expect(assumed.AssumedRoleUser!.Arn).toBe(`arn:aws-cn:sts::${t.accountId}:assumed-role/cn-role/s1`);
    const session = sessionCredentials(assumed.Credentials);
    expect((await cnSts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(
      `arn:aws-cn:sts::${t.accountId}:assumed-role/cn-role/s1`,
    );
    // The same session signed for us-east-1 is an aws principal.
    expect((await t.sts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(
      `arn:aws:sts::${t.accountId}:assumed-role/cn-role/s1`,
    );

    // A trust policy naming the account in aws does not name an aws-cn caller, nor the reverse.
    const fromCn = await caught(() =>
      cnSts(key).send(
        new AssumeRoleCommand({ RoleArn: `arn:aws-cn:iam::${t.accountId}:role/aws-role`, RoleSessionName: 's2' }),
      ),
    );
    expect(fromCn.name).toBe('AccessDenied');
    expect(fromCn.message).toContain(`arn:aws-cn:iam::${t.accountId}:user/chen`);
    const fromAws = await caught(() =>
      t
        .sts(key)
        .send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${t.accountId}:role/cn-role`, RoleSessionName: 's3' })),
    );
    expect(fromAws.name).toBe('AccessDenied');
    await t
      .sts(key)
      .send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${t.accountId}:role/aws-role`, RoleSessionName: 's4' }));
  });

  it('the trail records an aws-cn call with aws-cn ARNs', async () => {
    const key = await userWithKey(t, 'zhao', {
      all: policy({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }),
    });
    await cnIam(key).send(new GetUserCommand({}));
    const trail = new CloudTrailClient({ endpoint: t.url, region: CN, credentials: t.root, maxAttempts: 1 });
    let found: Record<string, unknown> | undefined;
    for (let i = 0; i < 50 && !found; i++) {
      const events = await trail.send(
        new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'zhao' }] }),
      );
      const event = events.Events?.find((e) => e.EventName === 'GetUser');
      if (event) found = JSON.parse(event.CloudTrailEvent!) as Record<string, unknown>;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(found).toMatchObject({
      awsRegion: CN,
      userIdentity: { arn: `arn:aws-cn:iam::${t.accountId}:user/zhao` },
      additionalEventData: {
        Authorizations: [{ Action: 'iam:GetUser', Resource: `arn:aws-cn:iam::${t.accountId}:user/zhao` }],
      },
    });
  });
});
