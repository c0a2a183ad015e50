import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  DescribeCreateAccountStatusCommand,
  EnableAWSServiceAccessCommand,
  EnablePolicyTypeCommand,
  ListRootsCommand,
  RegisterDelegatedAdministratorCommand,
} from '@aws-sdk/client-organizations';
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteAccessKeyCommand,
  DeleteLoginProfileCommand,
  DeleteSigningCertificateCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  DisableOrganizationsRootSessionsCommand,
  EnableOrganizationsRootCredentialsManagementCommand,
  EnableOrganizationsRootSessionsCommand,
  GetLoginProfileCommand,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListOrganizationsFeaturesCommand,
  ListSigningCertificatesCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, AssumeRootCommand, GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeAtStep, stepAt } from '../src/iam/core/totp.js';
import { hashPassword } from '../src/iam/core/password-hash.js';
import { orgs, rootKeyFor } from './support/organizations.js';
import { createRole, sessionCredentials, trustPolicy } from './support/sts.js';
import { policy, userWithKey } from './support/users.js';
import { type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

const TASK = 'arn:aws:iam::aws:policy/root-task/';
const AUDIT = `${TASK}IAMAuditRootUserCredentials`;
const DELETE = `${TASK}IAMDeleteRootUserCredentials`;
const PASSWORD = `${TASK}IAMCreateRootUserPassword`;

let t: TestWard;
let member = '';
let other = '';
let memberAdmin: Credentials;
let admin: Credentials;
let auditor: Credentials;

async function createAccount(email: string, name: string): Promise<string> {
  const car = (await orgs(t).send(new CreateAccountCommand({ Email: email, AccountName: name }))).CreateAccountStatus!
    .Id!;
  return (await orgs(t).send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: car })))
    .CreateAccountStatus!.AccountId!;
}

async function assumeRoot(client: STSClient, task: string, target = member, duration?: number): Promise<Credentials> {
  const out = await client.send(
    new AssumeRootCommand({
      TargetPrincipal: target,
      TaskPolicyArn: { arn: task },
      ...(duration !== undefined ? { DurationSeconds: duration } : {}),
    }),
  );
  expect(out.Credentials!.AccessKeyId).toMatch(/^ASIA/);
  return sessionCredentials(out.Credentials);
}

beforeAll(async () => {
  t = await startTestWard();
  admin = await userWithKey(t, 'root-admin', {
    assumeRoot: policy({
      Effect: 'Allow',
      Action: ['sts:AssumeRoot', 'sts:AssumeRole', 'sts:SetSourceIdentity'],
      Resource: '*',
    }),
  });
  // Only audit sessions: the task policy is a condition key of sts:AssumeRoot.
  auditor = await userWithKey(t, 'auditor', {
    audit: policy({
      Effect: 'Allow',
      Action: 'sts:AssumeRoot',
      Resource: '*',
      Condition: { StringEquals: { 'sts:TaskPolicyArn': AUDIT } },
    }),
  });
});
afterAll(() => t.close());

describe('enabling centralized root access', () => {
  it('needs an organization, then trusted access for IAM', async () => {
    const iam = t.iam();
    expect(await caught(() => iam.send(new EnableOrganizationsRootCredentialsManagementCommand({})))).toMatchObject({
      name: 'OrganizationNotFoundException',
      message: 'The request was rejected because no organization is associated with your account.',
    });
    await orgs(t).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const err = await caught(() => iam.send(new EnableOrganizationsRootSessionsCommand({})));
    expect(err.name).toBe('ServiceAccessNotEnabledException');
    expect(err.message).toMatch(
      /^The request was rejected because trusted access is not enabled for IAM in Organizations/,
    );
    expect((await caught(() => iam.send(new ListOrganizationsFeaturesCommand({})))).name).toBe(
      'ServiceAccessNotEnabledException',
    );
    await orgs(t).send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'iam.amazonaws.com' }));
    const out = await iam.send(new EnableOrganizationsRootCredentialsManagementCommand({}));
    expect(out.OrganizationId).toMatch(/^o-/);
    expect(out.EnabledFeatures).toEqual(['RootCredentialsManagement']);
  });

  it('creates member accounts without root credentials', async () => {
    member = await createAccount('member@example.com', 'member');
    other = await createAccount('other@example.com', 'other');
    expect(await t.ward.store.accessKeys.listForOwner(member, undefined)).toEqual([]);
    expect(await t.ward.store.credentials.getLoginProfile(member, undefined)).toBeUndefined();
    expect(await t.ward.store.credentials.mfaDevicesOf(member, undefined)).toEqual([]);
  });

  it('refuses AssumeRoot until root sessions are enabled', async () => {
    const err = await caught(() => assumeRoot(t.sts(admin), AUDIT));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe(
      `User: arn:aws:iam::${t.accountId}:user/root-admin is not authorized to perform: sts:AssumeRoot on resource: arn:aws:iam::${member}:root`,
    );
    const out = await t.iam().send(new EnableOrganizationsRootSessionsCommand({}));
    expect(out.EnabledFeatures).toEqual(['RootCredentialsManagement', 'RootSessions']);
    expect((await t.iam().send(new ListOrganizationsFeaturesCommand({}))).EnabledFeatures).toEqual([
      'RootCredentialsManagement',
      'RootSessions',
    ]);
  });

  it("is the management account's (or the IAM delegated administrator's) business", async () => {
    const memberRoot = await rootKeyFor(t, other);
    const err = await caught(() => t.iam(memberRoot).send(new ListOrganizationsFeaturesCommand({})));
    expect(err.name).toBe('AccountNotManagementOrDelegatedAdministratorException');
    await orgs(t).send(
      new RegisterDelegatedAdministratorCommand({ AccountId: other, ServicePrincipal: 'iam.amazonaws.com' }),
    );
    expect((await t.iam(memberRoot).send(new ListOrganizationsFeaturesCommand({}))).EnabledFeatures).toHaveLength(2);
    expect((await caught(() => t.iam(memberRoot).send(new EnableOrganizationsRootSessionsCommand({})))).name).toBe(
      'CallerIsNotManagementAccountException',
    );
  });
});

describe('privileged root sessions on a member account', () => {
  it('audits a member root that has no credentials', async () => {
    const session = await assumeRoot(t.sts(admin), AUDIT);
    const me = await t.sts(session).send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: member, Arn: `arn:aws:iam::${member}:root`, UserId: member });
    expect((await t.iam(session).send(new ListAccessKeysCommand({}))).AccessKeyMetadata).toEqual([]);
    expect((await t.iam(session).send(new ListMFADevicesCommand({}))).MFADevices).toEqual([]);
    expect((await caught(() => t.iam(session).send(new GetLoginProfileCommand({})))).name).toBe(
      'NoSuchEntityException',
    );
  });

  it("audits and deletes the root user's credentials, and nothing else", async () => {
    // Give the member root a key, a password, an MFA device and a signing certificate.
    const memberRoot = await rootKeyFor(t, member);
    const store = t.ward.store;
    const now = new Date();
    await store.credentials.putLoginProfile({
      accountId: member,
      passwordHash: await hashPassword('Root-Passw0rd!'),
      createdAt: now,
      passwordChangedAt: now,
      resetRequired: false,
    });
    const serial = `arn:aws:iam::${member}:mfa/root-account-mfa-device`;
    await store.credentials.createMfaDevice(
      {
        serialNumber: serial,
        accountId: member,
        name: 'root-account-mfa-device',
        path: '/',
        createdAt: now,
        assignedRoot: false,
        lastStep: 0,
        driftSteps: 0,
      },
      'JBSWY3DPEHPK3PXP',
      [],
    );
    await store.credentials.assignMfaDevice(serial, undefined, now, 0);
    const certificateId = 'ROOTCERTIFICATE0123456789ABCDEF';
    await store.credentials.createSigningCertificate({
      certificateId,
      accountId: member,
      body: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
      status: 'Active',
      uploadedAt: now,
    });
    // A user of the member account, for the SCP test below.
    const iamAsRoot = t.iam(memberRoot);
    await iamAsRoot.send(new CreateUserCommand({ UserName: 'admin' }));
    await iamAsRoot.send(
      new AttachUserPolicyCommand({ UserName: 'admin', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
    );
    const key = (await iamAsRoot.send(new CreateAccessKeyCommand({ UserName: 'admin' }))).AccessKey!;
    memberAdmin = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };

    // Audit, as the management account's user limited to audit sessions.
    const audit = t.iam(await assumeRoot(t.sts(auditor), AUDIT));
    expect((await audit.send(new ListAccessKeysCommand({}))).AccessKeyMetadata!.map((k) => k.AccessKeyId)).toEqual([
      memberRoot.accessKeyId,
    ]);
    expect((await audit.send(new ListMFADevicesCommand({}))).MFADevices!.map((d) => d.SerialNumber)).toEqual([serial]);
    expect(
      (await audit.send(new ListSigningCertificatesCommand({}))).Certificates!.map((c) => c.CertificateId),
    ).toEqual([certificateId]);
    expect((await audit.send(new GetLoginProfileCommand({}))).LoginProfile).toBeDefined();
    // Outside the task policy: denied, even though it is root.
    for (const call of [
      () => audit.send(new CreateUserCommand({ UserName: 'intruder' })),
      () => audit.send(new DeleteAccessKeyCommand({ AccessKeyId: memberRoot.accessKeyId })),
      () => audit.send(new ListUsersCommand({})),
    ]) {
      expect((await caught(call)).name).toBe('AccessDenied');
    }
    // The auditor's identity policy allows only the audit task.
    expect((await caught(() => assumeRoot(t.sts(auditor), DELETE))).name).toBe('AccessDenied');

    // Delete, as a role session of the management account.
    const roleArn = await createRole(
      t,
      'RootAdmin',
      trustPolicy(
        { AWS: `arn:aws:iam::${t.accountId}:root` },
        { actions: ['sts:AssumeRole', 'sts:SetSourceIdentity'] },
      ),
      { root: policy({ Effect: 'Allow', Action: 'sts:AssumeRoot', Resource: '*' }) },
    );
    const role = sessionCredentials(
      (
        await t
          .sts(admin)
          .send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'ops', SourceIdentity: 'alice' }))
      ).Credentials,
    );
    const out = await t
      .sts(role)
      .send(new AssumeRootCommand({ TargetPrincipal: `arn:aws:iam::${member}:root`, TaskPolicyArn: { arn: DELETE } }));
    expect(out.SourceIdentity).toBe('alice');
    const expiry = out.Credentials!.Expiration!.getTime() - Date.now();
    expect(expiry).toBeGreaterThan(850_000);
    expect(expiry).toBeLessThanOrEqual(900_000);
    const del = t.iam(sessionCredentials(out.Credentials));
    await del.send(new DeleteLoginProfileCommand({}));
    await del.send(new DeactivateMFADeviceCommand({ SerialNumber: serial }));
    await del.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }));
    await del.send(new DeleteSigningCertificateCommand({ CertificateId: certificateId }));
    await del.send(new DeleteAccessKeyCommand({ AccessKeyId: memberRoot.accessKeyId }));
    expect((await caught(() => del.send(new CreateUserCommand({ UserName: 'intruder' })))).name).toBe('AccessDenied');
    expect((await audit.send(new ListAccessKeysCommand({}))).AccessKeyMetadata).toEqual([]);
    expect((await audit.send(new ListMFADevicesCommand({}))).MFADevices).toEqual([]);
    expect((await audit.send(new ListSigningCertificatesCommand({}))).Certificates).toEqual([]);
    expect((await caught(() => audit.send(new GetLoginProfileCommand({})))).name).toBe('NoSuchEntityException');
    // The deleted root key no longer signs.
    expect((await caught(() => t.sts(memberRoot).send(new GetCallerIdentityCommand({})))).name).toBe(
      'InvalidClientTokenId',
    );
  });

  // Issue 12, item 15: the delete-credentials task is the root's only. AWS's IAMDeleteRootUserCredentials
  // denies every action on a resource other than `arn:aws:iam::*:root`, so an IAM user's MFA device can
  // be neither deactivated nor deleted by the session: AccessDenied, and the device stays enabled.
  it("deletes no IAM user's MFA device", async () => {
    const iam = t.iam(memberAdmin);
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice-phone' })))
      .VirtualMFADevice!;
    const seed = new TextDecoder().decode(device.Base32StringSeed);
    const step = stepAt(new Date());
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'alice',
        SerialNumber: device.SerialNumber!,
        AuthenticationCode1: codeAtStep(seed, step - 1),
        AuthenticationCode2: codeAtStep(seed, step),
      }),
    );
    const del = t.iam(await assumeRoot(t.sts(admin), DELETE));
    const deactivate = await caught(() =>
      del.send(new DeactivateMFADeviceCommand({ UserName: 'alice', SerialNumber: device.SerialNumber! })),
    );
    expect(deactivate.name).toBe('AccessDenied');
    const remove = await caught(() =>
      del.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.SerialNumber! })),
    );
    expect(remove.name).toBe('AccessDenied');
    expect(remove.message).toContain(
      `is not authorized to perform: iam:DeleteVirtualMFADevice on resource: ${device.SerialNumber}`,
    );
    expect(
      (await iam.send(new ListMFADevicesCommand({ UserName: 'alice' }))).MFADevices!.map((d) => d.SerialNumber),
    ).toEqual([device.SerialNumber]);
  });

  it('creates a root login profile for password recovery', async () => {
    const session = t.iam(await assumeRoot(t.sts(admin), PASSWORD, member, 300));
    const out = await session.send(new CreateLoginProfileCommand({}));
    expect(out.LoginProfile).toMatchObject({ PasswordResetRequired: false });
    expect((await session.send(new GetLoginProfileCommand({}))).LoginProfile).toBeDefined();
    expect((await caught(() => session.send(new ListAccessKeysCommand({})))).name).toBe('AccessDenied');
  });

  it('is delegated to the IAM delegated administrator account', async () => {
    const otherRoot = await rootKeyFor(t, other);
    await t.iam(otherRoot).send(new CreateUserCommand({ UserName: 'delegate' }));
    await t
      .iam(otherRoot)
      .send(
        new AttachUserPolicyCommand({ UserName: 'delegate', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
      );
    const key = (await t.iam(otherRoot).send(new CreateAccessKeyCommand({ UserName: 'delegate' }))).AccessKey!;
    const session = await assumeRoot(
      t.sts({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }),
      AUDIT,
    );
    expect((await t.iam(session).send(new ListAccessKeysCommand({}))).AccessKeyMetadata).toEqual([]);
  });
});

describe('AssumeRoot refusals', () => {
  it("refuses root users, other accounts' principals, the management account as target, and long sessions", async () => {
    const asRoot = await caught(() => assumeRoot(t.sts(), AUDIT));
    expect(asRoot).toMatchObject({
      name: 'AccessDenied',
      message: `User: arn:aws:iam::${t.accountId}:root is not authorized to perform: sts:AssumeRoot on resource: arn:aws:iam::${member}:root`,
    });
    // A root session cannot start another one.
    const session = await assumeRoot(t.sts(admin), AUDIT);
    expect((await caught(() => assumeRoot(t.sts(session), AUDIT))).name).toBe('AccessDenied');
    // A member account's administrator (not the delegated administrator).
    expect((await caught(() => assumeRoot(t.sts(memberAdmin), AUDIT, other))).name).toBe('AccessDenied');
    expect((await caught(() => assumeRoot(t.sts(admin), AUDIT, t.accountId))).name).toBe('AccessDenied');
    expect((await caught(() => assumeRoot(t.sts(admin), AUDIT, '999999999999'))).name).toBe('AccessDenied');
    const long = await caught(() => assumeRoot(t.sts(admin), AUDIT, member, 901));
    expect(long.name).toBe('ValidationError');
    expect(long.message).toMatch(/durationSeconds.*less than or equal to 900/);
    expect((await caught(() => assumeRoot(t.sts(admin), 'arn:aws:iam::aws:policy/AdministratorAccess'))).name).toBe(
      'ValidationError',
    );
  });

  it('refuses the global STS endpoint', async () => {
    const client = t.sts(admin);
    client.middlewareStack.add(
      (next) => async (args) => {
        (args.request as { headers: Record<string, string> }).headers.host = 'sts.amazonaws.com';
        return next(args);
      },
      { step: 'build', name: 'globalHost' },
    );
    expect((await caught(() => assumeRoot(client, AUDIT))).message).toMatch(
      /global endpoint is not supported for AssumeRoot/,
    );
  });

  it('stops once root sessions are disabled', async () => {
    await t.iam().send(new DisableOrganizationsRootSessionsCommand({}));
    expect((await caught(() => assumeRoot(t.sts(admin), AUDIT))).name).toBe('AccessDenied');
    await t.iam().send(new EnableOrganizationsRootSessionsCommand({}));
  });
});

describe('SCPs', () => {
  it('can deny everyone in the member account but its root sessions (aws:AssumedRoot)', async () => {
    await orgs(t).send(
      new EnablePolicyTypeCommand({
        RootId: (await orgs(t).send(new ListRootsCommand({}))).Roots![0]!.Id!,
        PolicyType: 'SERVICE_CONTROL_POLICY',
      }),
    );
    const scp = await orgs(t).send(
      new CreatePolicyCommand({
        Name: 'only-root-sessions',
        Description: '',
        Type: 'SERVICE_CONTROL_POLICY',
        Content: JSON.stringify(
          policy({ Effect: 'Deny', Action: '*', Resource: '*', Condition: { Null: { 'aws:AssumedRoot': 'true' } } }),
        ),
      }),
    );
    await orgs(t).send(new AttachPolicyCommand({ PolicyId: scp.Policy!.PolicySummary!.Id!, TargetId: member }));
    const denied = await caught(() => t.iam(memberAdmin).send(new ListUsersCommand({})));
    expect(denied.name).toBe('AccessDenied');
    expect(denied.message).toMatch(/service control policy/);
    const session = await assumeRoot(t.sts(admin), AUDIT);
    expect((await t.iam(session).send(new ListAccessKeysCommand({}))).AccessKeyMetadata).toEqual([]);
  });
});
