/**
 * One tagging path for every taggable IAM resource (issue 13). Before it, Tag/UntagInstanceProfile
 * and TagMFADevice gave policies no aws:RequestTag/aws:TagKeys to test, and the OIDC provider copy
 * took duplicate keys, wrote outside a transaction and ignored MaxItems/Marker.
 */
import {
  CreateInstanceProfileCommand,
  CreateOpenIDConnectProviderCommand,
  CreateVirtualMFADeviceCommand,
  GetOpenIDConnectProviderCommand,
  ListInstanceProfileTagsCommand,
  ListMFADeviceTagsCommand,
  ListOpenIDConnectProviderTagsCommand,
  TagInstanceProfileCommand,
  TagMFADeviceCommand,
  TagOpenIDConnectProviderCommand,
  UntagInstanceProfileCommand,
  UntagOpenIDConnectProviderCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy, userWithKey } from './support/users.js';
import { type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
/** May do anything in IAM except set team=red and remove a `locked` tag, on any resource. */
let tagger: Credentials;

const denyRedTeam = (action: string) => ({
  Effect: 'Deny',
  Action: action,
  Resource: '*',
  Condition: { StringEquals: { 'aws:RequestTag/team': 'red' } },
});
const denyUntagLocked = (action: string) => ({
  Effect: 'Deny',
  Action: action,
  Resource: '*',
  Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['locked'] } },
});

beforeAll(async () => {
  t = await startTestWard();
  tagger = await userWithKey(t, 'tagger', {
    tagging: policy(
      { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
      denyRedTeam('iam:TagInstanceProfile'),
      denyRedTeam('iam:TagMFADevice'),
      denyRedTeam('iam:TagOpenIDConnectProvider'),
      denyUntagLocked('iam:UntagInstanceProfile'),
      denyUntagLocked('iam:UntagOpenIDConnectProvider'),
    ),
  });
});
afterAll(() => t.close());

const denial = (action: string, arn: string) =>
  `User: arn:aws:iam::${t.accountId}:user/tagger is not authorized to perform: ${action} on resource: ${arn} with an explicit deny in an identity-based policy`;

async function provider(host: string): Promise<string> {
  const out = await t.iam().send(
    new CreateOpenIDConnectProviderCommand({
      Url: `https://${host}`,
      ClientIDList: ['app'],
      ThumbprintList: ['a'.repeat(40)],
    }),
  );
  return out.OpenIDConnectProviderArn!;
}

describe('condition keys on every tagging action', () => {
  it('TagInstanceProfile and UntagInstanceProfile give policies aws:RequestTag and aws:TagKeys', async () => {
    const arn = (
      await t
        .iam()
        .send(new CreateInstanceProfileCommand({ InstanceProfileName: 'web', Tags: [{ Key: 'locked', Value: 'yes' }] }))
    ).InstanceProfile!.Arn!;
    const iam = t.iam(tagger);
    const red = await caught(() =>
      iam.send(new TagInstanceProfileCommand({ InstanceProfileName: 'web', Tags: [{ Key: 'team', Value: 'red' }] })),
    );
    expect(red.name).toBe('AccessDenied');
    expect(red.message).toBe(denial('iam:TagInstanceProfile', arn));
    await iam.send(
      new TagInstanceProfileCommand({ InstanceProfileName: 'web', Tags: [{ Key: 'team', Value: 'blue' }] }),
    );

    const locked = await caught(() =>
      iam.send(new UntagInstanceProfileCommand({ InstanceProfileName: 'web', TagKeys: ['locked'] })),
    );
    expect(locked.message).toBe(denial('iam:UntagInstanceProfile', arn));
    await iam.send(new UntagInstanceProfileCommand({ InstanceProfileName: 'web', TagKeys: ['team'] }));
    expect((await iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'web' }))).Tags).toEqual([
      { Key: 'locked', Value: 'yes' },
    ]);
  });

  it('TagMFADevice gives policies aws:RequestTag, and so does CreateVirtualMFADevice with tags', async () => {
    const serial = (await t.iam().send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'token' })))
      .VirtualMFADevice!.SerialNumber!;
    const iam = t.iam(tagger);
    const red = await caught(() =>
      iam.send(new TagMFADeviceCommand({ SerialNumber: serial, Tags: [{ Key: 'team', Value: 'red' }] })),
    );
    expect(red.message).toBe(denial('iam:TagMFADevice', serial));
    await iam.send(new TagMFADeviceCommand({ SerialNumber: serial, Tags: [{ Key: 'team', Value: 'blue' }] }));
    expect((await iam.send(new ListMFADeviceTagsCommand({ SerialNumber: serial }))).Tags).toEqual([
      { Key: 'team', Value: 'blue' },
    ]);

    const created = await caught(() =>
      iam.send(
        new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'red-token', Tags: [{ Key: 'team', Value: 'red' }] }),
      ),
    );
    expect(created.message).toBe(denial('iam:TagMFADevice', `arn:aws:iam::${t.accountId}:mfa/red-token`));
  });

  it('Tag/UntagOpenIDConnectProvider give policies aws:RequestTag and aws:TagKeys', async () => {
    const arn = await provider('keys.example.com');
    const iam = t.iam(tagger);
    const red = await caught(() =>
      iam.send(
        new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, Tags: [{ Key: 'team', Value: 'red' }] }),
      ),
    );
    expect(red.message).toBe(denial('iam:TagOpenIDConnectProvider', arn));
    await iam.send(
      new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, Tags: [{ Key: 'locked', Value: 'yes' }] }),
    );
    const locked = await caught(() =>
      iam.send(new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, TagKeys: ['locked'] })),
    );
    expect(locked.message).toBe(denial('iam:UntagOpenIDConnectProvider', arn));
  });
});

describe('OIDC provider tags follow the IAM rules', () => {
  it('refuses keys that differ only in case, as for users', async () => {
    const arn = await provider('dupes.example.com');
    const err = await caught(() =>
      t.iam().send(
        new TagOpenIDConnectProviderCommand({
          OpenIDConnectProviderArn: arn,
          Tags: [
            { Key: 'team', Value: 'a' },
            { Key: 'Team', Value: 'b' },
          ],
        }),
      ),
    );
    expect(err.name).toBe('InvalidInputException');
    expect(err.message).toBe('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    const created = await caught(() =>
      t.iam().send(
        new CreateOpenIDConnectProviderCommand({
          Url: 'https://dupes2.example.com',
          ThumbprintList: ['a'.repeat(40)],
          Tags: [
            { Key: 'k', Value: '1' },
            { Key: 'K', Value: '2' },
          ],
        }),
      ),
    );
    expect(created.message).toBe('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    expect(
      (await t.iam().send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn }))).Tags,
    ).toEqual([]);
  });

  it('a later tag replaces the one whose key differs only in case; Untag matches keys the same way', async () => {
    const arn = await provider('case.example.com');
    const iam = t.iam();
    await iam.send(
      new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, Tags: [{ Key: 'Env', Value: 'dev' }] }),
    );
    await iam.send(
      new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, Tags: [{ Key: 'env', Value: 'prod' }] }),
    );
    expect((await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))).Tags).toEqual([
      { Key: 'env', Value: 'prod' },
    ]);
    await iam.send(new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, TagKeys: ['ENV'] }));
    expect((await iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn }))).Tags).toEqual(
      [],
    );
  });

  it('ListOpenIDConnectProviderTags pages by MaxItems and Marker', async () => {
    const arn = await provider('pages.example.com');
    const iam = t.iam();
    await iam.send(
      new TagOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn: arn,
        Tags: ['c', 'a', 'b'].map((k) => ({ Key: k, Value: k })),
      }),
    );
    const first = await iam.send(
      new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn, MaxItems: 2 }),
    );
    expect(first.Tags?.map((x) => x.Key)).toEqual(['a', 'b']);
    expect(first.IsTruncated).toBe(true);
    const rest = await iam.send(
      new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn, MaxItems: 2, Marker: first.Marker! }),
    );
    expect(rest.Tags?.map((x) => x.Key)).toEqual(['c']);
    expect(rest.IsTruncated).toBe(false);
    expect(rest.Marker).toBeUndefined();
  });

  it('checks the 50-tag limit and writes in one transaction, so racing writers cannot all pass it', async () => {
    const arn = await provider('race.example.com');
    // Five writers of 20 new keys each: two fit under 50, the other three must fail.
    const batch = (prefix: string) => Array.from({ length: 20 }, (_, i) => ({ Key: `${prefix}${i}`, Value: prefix }));
    const results = await Promise.allSettled(
      ['a', 'b', 'c', 'd', 'e'].map((prefix) =>
        t.iam().send(new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, Tags: batch(prefix) })),
      ),
    );
    const failures = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => r.reason as Error);
    expect(failures.map((e) => e.name)).toEqual([
      'LimitExceededException',
      'LimitExceededException',
      'LimitExceededException',
    ]);
    expect(failures[0]!.message).toBe('The number of tags has reached the maximum limit.');
    const tags =
      (await t.iam().send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn }))).Tags ?? [];
    expect(tags).toHaveLength(40);
  });
});
