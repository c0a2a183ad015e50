/**
 * IAM's pagination as AWS answers it (issue 15): a Marker the service did not issue is refused
 * with ValidationError "Invalid Marker." on every paginated list, and every tag list honours
 * MaxItems and Marker.
 */
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreateOpenIDConnectProviderCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  GetAccountAuthorizationDetailsCommand,
  GetGroupCommand,
  type IAMClient,
  ListAccessKeysCommand,
  ListAccountAliasesCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  ListInstanceProfileTagsCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  ListMFADevicesCommand,
  ListMFADeviceTagsCommand,
  ListOpenIDConnectProviderTagsCommand,
  ListPoliciesCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  ListSigningCertificatesCommand,
  ListSSHPublicKeysCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  ListUserTagsCommand,
  ListVirtualMFADevicesCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
let iam: IAMClient;
let policyArn: string;
let serial: string;
let providerArn: string;
let userArn: string;

const TAGS = [
  { Key: 'a', Value: '1' },
  { Key: 'b', Value: '2' },
  { Key: 'c', Value: '3' },
];
const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const allowAll = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
});

beforeAll(async () => {
  t = await startTestWard();
  iam = t.iam();
  userArn = (await iam.send(new CreateUserCommand({ UserName: 'pager', Tags: TAGS }))).User!.Arn!;
  await iam.send(new CreateAccessKeyCommand({ UserName: 'pager' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'pager' }));
  await iam.send(new CreateGroupCommand({ GroupName: 'pagers' }));
  await iam.send(new CreateRoleCommand({ RoleName: 'paged', AssumeRolePolicyDocument: trust, Tags: TAGS }));
  await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'paged', Tags: TAGS }));
  policyArn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'paged', PolicyDocument: allowAll, Tags: TAGS })))
    .Policy!.Arn!;
  await iam.send(new AttachUserPolicyCommand({ UserName: 'pager', PolicyArn: policyArn }));
  serial = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'paged', Tags: TAGS })))
    .VirtualMFADevice!.SerialNumber!;
  providerArn = (
    await iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: 'https://pages.example.com',
        ClientIDList: ['app'],
        ThumbprintList: ['a'.repeat(40)],
        Tags: TAGS,
      }),
    )
  ).OpenIDConnectProviderArn!;
});
afterAll(() => t.close());

/** Every paginated IAM list Ward answers, as a command carrying the given Marker. */
function lists(Marker: string) {
  return {
    ListUsers: new ListUsersCommand({ Marker }),
    ListGroups: new ListGroupsCommand({ Marker }),
    ListRoles: new ListRolesCommand({ Marker }),
    ListPolicies: new ListPoliciesCommand({ Marker }),
    ListInstanceProfiles: new ListInstanceProfilesCommand({ Marker }),
    ListInstanceProfilesForRole: new ListInstanceProfilesForRoleCommand({ RoleName: 'paged', Marker }),
    ListVirtualMFADevices: new ListVirtualMFADevicesCommand({ Marker }),
    ListMFADevices: new ListMFADevicesCommand({ UserName: 'pager', Marker }),
    ListAccessKeys: new ListAccessKeysCommand({ UserName: 'pager', Marker }),
    ListSigningCertificates: new ListSigningCertificatesCommand({ UserName: 'pager', Marker }),
    ListSSHPublicKeys: new ListSSHPublicKeysCommand({ UserName: 'pager', Marker }),
    ListAccountAliases: new ListAccountAliasesCommand({ Marker }),
    GetGroup: new GetGroupCommand({ GroupName: 'pagers', Marker }),
    ListGroupsForUser: new ListGroupsForUserCommand({ UserName: 'pager', Marker }),
    ListUserPolicies: new ListUserPoliciesCommand({ UserName: 'pager', Marker }),
    ListGroupPolicies: new ListGroupPoliciesCommand({ GroupName: 'pagers', Marker }),
    ListRolePolicies: new ListRolePoliciesCommand({ RoleName: 'paged', Marker }),
    ListAttachedUserPolicies: new ListAttachedUserPoliciesCommand({ UserName: 'pager', Marker }),
    ListAttachedGroupPolicies: new ListAttachedGroupPoliciesCommand({ GroupName: 'pagers', Marker }),
    ListAttachedRolePolicies: new ListAttachedRolePoliciesCommand({ RoleName: 'paged', Marker }),
    ListEntitiesForPolicy: new ListEntitiesForPolicyCommand({ PolicyArn: policyArn, Marker }),
    ListPolicyVersions: new ListPolicyVersionsCommand({ PolicyArn: policyArn, Marker }),
    ListUserTags: new ListUserTagsCommand({ UserName: 'pager', Marker }),
    ListRoleTags: new ListRoleTagsCommand({ RoleName: 'paged', Marker }),
    ListPolicyTags: new ListPolicyTagsCommand({ PolicyArn: policyArn, Marker }),
    ListInstanceProfileTags: new ListInstanceProfileTagsCommand({ InstanceProfileName: 'paged', Marker }),
    ListMFADeviceTags: new ListMFADeviceTagsCommand({ SerialNumber: serial, Marker }),
    ListOpenIDConnectProviderTags: new ListOpenIDConnectProviderTagsCommand({
      OpenIDConnectProviderArn: providerArn,
      Marker,
    }),
    GetAccountAuthorizationDetails: new GetAccountAuthorizationDetailsCommand({ Marker }),
    SimulatePrincipalPolicy: new SimulatePrincipalPolicyCommand({
      PolicySourceArn: userArn,
      ActionNames: ['s3:GetObject'],
      Marker,
    }),
  };
}

describe('a Marker Ward did not issue', () => {
  // Numbers and base64 of a name were what Ward's own markers used to be; neither is accepted now.
  it.each(['not-a-marker', '1', Buffer.from('pager').toString('base64url')])(
    'is "Invalid Marker." on every paginated list (%s)',
    async (marker) => {
      for (const [operation, command] of Object.entries(lists(marker))) {
        const err = await caught(() => iam.send(command as never));
        expect({ operation, code: err.name, message: err.message, status: err.$metadata?.httpStatusCode }).toEqual({
          operation,
          code: 'ValidationError',
          message: 'Invalid Marker.',
          status: 400,
        });
      }
    },
  );
});

describe('tag lists page by MaxItems and Marker', () => {
  const tagLists = {
    ListUserTags: (m: { MaxItems: number; Marker?: string }) => new ListUserTagsCommand({ UserName: 'pager', ...m }),
    ListRoleTags: (m: { MaxItems: number; Marker?: string }) => new ListRoleTagsCommand({ RoleName: 'paged', ...m }),
    ListPolicyTags: (m: { MaxItems: number; Marker?: string }) =>
      new ListPolicyTagsCommand({ PolicyArn: policyArn, ...m }),
    ListInstanceProfileTags: (m: { MaxItems: number; Marker?: string }) =>
      new ListInstanceProfileTagsCommand({ InstanceProfileName: 'paged', ...m }),
    ListMFADeviceTags: (m: { MaxItems: number; Marker?: string }) =>
      new ListMFADeviceTagsCommand({ SerialNumber: serial, ...m }),
    ListOpenIDConnectProviderTags: (m: { MaxItems: number; Marker?: string }) =>
      new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: providerArn, ...m }),
  };

  it.each(Object.keys(tagLists))('%s', async (operation) => {
    const command = tagLists[operation as keyof typeof tagLists];
    const first = (await iam.send(command({ MaxItems: 2 }) as never)) as {
      Tags: unknown[];
      IsTruncated: boolean;
      Marker?: string;
    };
    expect(first.Tags).toEqual(TAGS.slice(0, 2));
    expect(first.IsTruncated).toBe(true);
    const rest = (await iam.send(command({ MaxItems: 2, Marker: first.Marker! }) as never)) as {
      Tags: unknown[];
      IsTruncated: boolean;
      Marker?: string;
    };
    expect(rest.Tags).toEqual(TAGS.slice(2));
    expect(rest.IsTruncated).toBe(false);
    expect(rest.Marker).toBeUndefined();
  });
});

describe('lists that used to answer everything at once', () => {
  it('ListAccessKeys honours MaxItems and Marker', async () => {
    const first = await iam.send(new ListAccessKeysCommand({ UserName: 'pager', MaxItems: 1 }));
    expect(first.AccessKeyMetadata).toHaveLength(1);
    expect(first.IsTruncated).toBe(true);
    const rest = await iam.send(new ListAccessKeysCommand({ UserName: 'pager', MaxItems: 1, Marker: first.Marker! }));
    expect(rest.AccessKeyMetadata).toHaveLength(1);
    expect(rest.AccessKeyMetadata![0]!.AccessKeyId).not.toBe(first.AccessKeyMetadata![0]!.AccessKeyId);
    expect(rest.IsTruncated).toBe(false);
  });
});
