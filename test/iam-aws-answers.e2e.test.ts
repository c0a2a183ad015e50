/**
 * IAM behaviours where Ward used to answer differently from AWS (issue 15, section 1): each test
 * states what AWS answers.
 */
import {
  AddUserToGroupCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreateOpenIDConnectProviderCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeleteAccountPasswordPolicyCommand,
  DeleteOpenIDConnectProviderCommand,
  GetOpenIDConnectProviderCommand,
  GetInstanceProfileCommand,
  GetMFADeviceCommand,
  GetRoleCommand,
  ListUsersCommand,
  PutUserPermissionsBoundaryCommand,
  RemoveUserFromGroupCommand,
  UpdateRoleCommand,
  UploadSSHPublicKeyCommand,
} from '@aws-sdk/client-iam';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

const trust = (Action: unknown) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action }],
  });

describe('account password policy', () => {
  it('DeleteAccountPasswordPolicy with none set is NoSuchEntity naming the account policy PasswordPolicy', async () => {
    const err = await caught(() => t.iam().send(new DeleteAccountPasswordPolicyCommand({})));
    expect([err.name, err.message, err.$metadata?.httpStatusCode]).toEqual([
      'NoSuchEntityException',
      'The account policy with name PasswordPolicy cannot be found.',
      404,
    ]);
  });
});

describe('response shapes', () => {
  it('GetInstanceProfile carries Tags, an empty list when there are none', async () => {
    await t.iam().send(new CreateInstanceProfileCommand({ InstanceProfileName: 'untagged' }));
    const out = await t.iam().send(new GetInstanceProfileCommand({ InstanceProfileName: 'untagged' }));
    expect(out.InstanceProfile!.Tags).toEqual([]);
  });

  it('ListUsers leaves out the permissions boundary that GetUser shows', async () => {
    const iam = t.iam();
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    });
    const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'edge', PolicyDocument: doc }))).Policy!.Arn!;
    await iam.send(new CreateUserCommand({ UserName: 'bounded' }));
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'bounded', PermissionsBoundary: arn }));
    const listed = (await iam.send(new ListUsersCommand({}))).Users!.find((u) => u.UserName === 'bounded')!;
    expect(listed.UserId).toMatch(/^AIDA/);
    expect(listed).not.toHaveProperty('PermissionsBoundary');
  });

  it('UpdateRole with no parameters keeps the Description', async () => {
    const iam = t.iam();
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'described',
        AssumeRolePolicyDocument: trust('sts:AssumeRole'),
        Description: 'kept',
      }),
    );
    await iam.send(new UpdateRoleCommand({ RoleName: 'described' }));
    expect((await iam.send(new GetRoleCommand({ RoleName: 'described' }))).Role!.Description).toBe('kept');
  });
});

describe('group membership', () => {
  it('AddUserToGroup and RemoveUserFromGroup look the user up before the group', async () => {
    const iam = t.iam();
    for (const send of [
      () => iam.send(new AddUserToGroupCommand({ GroupName: 'no-group', UserName: 'no-user' })),
      () => iam.send(new RemoveUserFromGroupCommand({ GroupName: 'no-group', UserName: 'no-user' })),
    ]) {
      expect((await caught(send)).message).toBe('The user with name no-user cannot be found.');
    }
    await iam.send(new CreateUserCommand({ UserName: 'member' }));
    expect(
      (await caught(() => iam.send(new AddUserToGroupCommand({ GroupName: 'no-group', UserName: 'member' })))).message,
    ).toBe('The group with name no-group cannot be found.');
    await iam.send(new CreateGroupCommand({ GroupName: 'team' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'team', UserName: 'member' }));
  });
});

describe('SSH public keys', () => {
  it('have 20-character IDs: APKA and 16 more', async () => {
    await t.iam().send(new CreateUserCommand({ UserName: 'sshuser' }));
    const { publicKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    // An OpenSSH key blob: length-prefixed strings, the key type and the 32-byte public key.
    const str = (b: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(b.length);
      return Buffer.concat([len, b]);
    };
    const blob = Buffer.concat([str(Buffer.from('ssh-ed25519')), str(raw)]);
    const out = await t.iam().send(
      new UploadSSHPublicKeyCommand({
        UserName: 'sshuser',
        SSHPublicKeyBody: `ssh-ed25519 ${blob.toString('base64')}`,
      }),
    );
    expect(out.SSHPublicKey!.SSHPublicKeyId).toMatch(/^APKA[A-Z2-7]{16}$/);
  });
});

describe('CreateOpenIDConnectProvider', () => {
  const create = (input: { Url: string; ThumbprintList?: string[]; ClientIDList?: string[] }) =>
    caught(() => t.iam().send(new CreateOpenIDConnectProviderCommand({ ThumbprintList: ['a'.repeat(40)], ...input })));

  it('takes at most 5 thumbprints and 100 client IDs', async () => {
    const thumbs = await create({
      Url: 'https://six.example.com',
      ThumbprintList: 'abcdef'.split('').map((c) => c.repeat(40)),
    });
    expect([thumbs.name, thumbs.message]).toEqual([
      'InvalidInputException',
      'Thumbprint list must contain fewer than 5 entries.',
    ]);
    const clients = await create({
      Url: 'https://many.example.com',
      ClientIDList: Array.from({ length: 101 }, (_, i) => `app${i}`),
    });
    expect([clients.name, clients.message]).toEqual([
      'LimitExceededException',
      'Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100',
    ]);
  });

  it('refuses a URL that is not an https issuer, a query string included, with ValidationError', async () => {
    for (const Url of ['example.org', 'https://example.org/?query=1', 'https://example.org/#frag']) {
      const err = await create({ Url });
      expect([err.name, err.message, err.$metadata?.httpStatusCode]).toEqual([
        'ValidationError',
        'Invalid Open ID Connect Provider URL',
        400,
      ]);
    }
  });
});

describe('DeleteOpenIDConnectProvider', () => {
  // AWS's API reference: "does not fail or return an error if you call the operation for a
  // provider that does not exist".
  it('is idempotent: deleting a provider twice, or one that never existed, succeeds', async () => {
    const { OpenIDConnectProviderArn: arn } = await t
      .iam()
      .send(
        new CreateOpenIDConnectProviderCommand({ Url: 'https://gone.example.com', ThumbprintList: ['b'.repeat(40)] }),
      );
    await t.iam().send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    await t.iam().send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    await t.iam().send(
      new DeleteOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn: `arn:aws:iam::${t.accountId}:oidc-provider/never.example.com`,
      }),
    );
    expect(
      (await caught(() => t.iam().send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })))).name,
    ).toBe('NoSuchEntityException');
  });
});

describe('trust policies', () => {
  it('refuse actions other than the STS AssumeRole ones', async () => {
    for (const action of ['sts:GetCallerIdentity', 's3:GetObject', ['sts:AssumeRole', 'iam:PassRole']]) {
      const err = await caught(() =>
        t.iam().send(new CreateRoleCommand({ RoleName: 'wrong-trust', AssumeRolePolicyDocument: trust(action) })),
      );
      expect([err.name, err.message]).toEqual([
        'MalformedPolicyDocumentException',
        'AssumeRole policy may only specify STS AssumeRole actions.',
      ]);
    }
    await t.iam().send(
      new CreateRoleCommand({
        RoleName: 'tagging-trust',
        AssumeRolePolicyDocument: trust(['sts:AssumeRole', 'sts:TagSession']),
      }),
    );
  });
});

describe('MFA messages', () => {
  it("are AWS's words for a duplicate device and a missing serial number", async () => {
    const iam = t.iam();
    await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'phone' }));
    const dup = await caught(() => iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'phone' })));
    expect([dup.name, dup.message]).toEqual(['EntityAlreadyExistsException', 'MFA device already exists.']);
    const serial = `arn:aws:iam::${t.accountId}:mfa/ghost`;
    const missing = await caught(() => iam.send(new GetMFADeviceCommand({ SerialNumber: serial })));
    expect([missing.name, missing.message]).toEqual([
      'NoSuchEntityException',
      `MFA Device with serial number ${serial} does not exist.`,
    ]);
  });
});

describe('policy grammar', () => {
  it('takes a vendor with a dot, such as s3.s', async () => {
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3.s:GetObject', Resource: '*' }],
    });
    const out = await t.iam().send(new CreatePolicyCommand({ PolicyName: 'dotted-vendor', PolicyDocument: doc }));
    expect(out.Policy!.PolicyName).toBe('dotted-vendor');
  });
});
