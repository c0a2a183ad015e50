import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  AcceptPrimaryEmailUpdateCommand,
  AccountClient,
  DeleteAlternateContactCommand,
  GetAccountInformationCommand,
  GetAlternateContactCommand,
  GetContactInformationCommand,
  GetPrimaryEmailCommand,
  PutAccountNameCommand,
  PutAlternateContactCommand,
  PutContactInformationCommand,
  StartPrimaryEmailUpdateCommand,
} from '@aws-sdk/client-account';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  DescribeAccountCommand,
  DescribeCreateAccountStatusCommand,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN } from '../src/audit/redact.js';
import { secondAccount } from './support/accounts.js';
import { orgs } from './support/organizations.js';
import { policy, userWithKey } from './support/users.js';
import { type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

function account(credentials?: Credentials): AccountClient {
  return new AccountClient({
    endpoint: t.url,
    region: 'us-east-1',
    credentials: credentials ?? t.root,
    maxAttempts: 1,
  });
}

/** The one-time code of the newest outbox message to `to`. */
function otpSentTo(to: string): string {
  const dir = join(t.dataDir, 'outbox');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort();
  for (const file of files.reverse()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const split = text.indexOf('\r\n\r\n');
    const head = text.slice(0, split);
    const body = text.slice(split + 4);
    if (!head.split('\r\n').includes(`To: <${to}>`)) continue;
    expect(head).toMatch(/^From: .+\r\n/);
    expect(head).toMatch(/\r\nSubject: .+/);
    expect(head).toMatch(/\r\nDate: .+/);
    const code = /verification code: ([A-Za-z0-9]{6})/.exec(body)?.[1];
    if (code) return code;
  }
  throw new Error(`no outbox message to ${to}`);
}

const contact = { Name: 'Ops Team', Title: 'On call', EmailAddress: 'ops@example.com', PhoneNumber: '+1 206 555 0100' };
const info = {
  FullName: 'Jane Doe',
  AddressLine1: '1 Main St',
  City: 'Seattle',
  StateOrRegion: 'WA',
  PostalCode: '98101',
  CountryCode: 'US',
  PhoneNumber: '+12065550100',
};

describe('the caller\u2019s own account', () => {
  it('GetAccountInformation answers the account ID, name and creation date', async () => {
    const out = await account().send(new GetAccountInformationCommand({}));
    expect(out.AccountId).toBe(t.accountId);
    expect(out.AccountName).toBeTruthy();
    expect(out.AccountCreatedDate).toBeInstanceOf(Date);
    expect(out.AccountState).toBe('ACTIVE');
  });

  it('PutAccountName renames the account', async () => {
    await account().send(new PutAccountNameCommand({ AccountName: 'Ward Main' }));
    expect((await account().send(new GetAccountInformationCommand({}))).AccountName).toBe('Ward Main');
  });

  it('alternate contacts: put, get, overwrite, delete, then ResourceNotFoundException', async () => {
    const missing = await caught(() =>
      account().send(new GetAlternateContactCommand({ AlternateContactType: 'OPERATIONS' })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    expect(missing.message).toBe('No contact of the inputted alternate contact type found.');

    await account().send(new PutAlternateContactCommand({ ...contact, AlternateContactType: 'OPERATIONS' }));
    const got = await account().send(new GetAlternateContactCommand({ AlternateContactType: 'OPERATIONS' }));
    expect(got.AlternateContact).toEqual({ ...contact, AlternateContactType: 'OPERATIONS' });

    await account().send(
      new PutAlternateContactCommand({ ...contact, Name: 'New Ops', AlternateContactType: 'OPERATIONS' }),
    );
    expect(
      (await account().send(new GetAlternateContactCommand({ AlternateContactType: 'OPERATIONS' }))).AlternateContact
        ?.Name,
    ).toBe('New Ops');
    expect(
      (await caught(() => account().send(new GetAlternateContactCommand({ AlternateContactType: 'BILLING' })))).name,
    ).toBe('ResourceNotFoundException');

    await account().send(new DeleteAlternateContactCommand({ AlternateContactType: 'OPERATIONS' }));
    expect(
      (await caught(() => account().send(new GetAlternateContactCommand({ AlternateContactType: 'OPERATIONS' })))).name,
    ).toBe('ResourceNotFoundException');
    expect(
      (await caught(() => account().send(new DeleteAlternateContactCommand({ AlternateContactType: 'OPERATIONS' }))))
        .name,
    ).toBe('ResourceNotFoundException');
  });

  it('contact information: ResourceNotFoundException, then put and get', async () => {
    expect((await caught(() => account().send(new GetContactInformationCommand({})))).name).toBe(
      'ResourceNotFoundException',
    );
    await account().send(new PutContactInformationCommand({ ContactInformation: info }));
    expect((await account().send(new GetContactInformationCommand({}))).ContactInformation).toEqual(info);
  });

  it('primary email: start writes the code to the outbox, accept with it changes the email', async () => {
    const before = (await account().send(new GetPrimaryEmailCommand({ AccountId: t.accountId }))).PrimaryEmail;
    expect(before).toContain('@');
    const started = await account().send(
      new StartPrimaryEmailUpdateCommand({ AccountId: t.accountId, PrimaryEmail: 'new-root@example.com' }),
    );
    expect(started.Status).toBe('PENDING');
    const otp = otpSentTo('new-root@example.com');
    // Still the old one until accepted.
    expect((await account().send(new GetPrimaryEmailCommand({ AccountId: t.accountId }))).PrimaryEmail).toBe(before);

    const wrong = otp === '000000' ? '111111' : '000000';
    const bad = await caught(() =>
      account().send(
        new AcceptPrimaryEmailUpdateCommand({
          AccountId: t.accountId,
          PrimaryEmail: 'new-root@example.com',
          Otp: wrong,
        }),
      ),
    );
    expect(bad.name).toBe('ValidationException');
    expect(bad.$metadata?.httpStatusCode).toBe(400);

    const accepted = await account().send(
      new AcceptPrimaryEmailUpdateCommand({ AccountId: t.accountId, PrimaryEmail: 'new-root@example.com', Otp: otp }),
    );
    expect(accepted.Status).toBe('ACCEPTED');
    expect((await account().send(new GetPrimaryEmailCommand({ AccountId: t.accountId }))).PrimaryEmail).toBe(
      'new-root@example.com',
    );

    // The code is single-use.
    const again = await caught(() =>
      account().send(
        new AcceptPrimaryEmailUpdateCommand({ AccountId: t.accountId, PrimaryEmail: 'new-root@example.com', Otp: otp }),
      ),
    );
    expect(again.name).toBe('ResourceNotFoundException');
  });

  it('StartPrimaryEmailUpdate to the current address: ConflictException', async () => {
    const current = (await account().send(new GetPrimaryEmailCommand({ AccountId: t.accountId }))).PrimaryEmail!;
    const err = await caught(() =>
      account().send(new StartPrimaryEmailUpdateCommand({ AccountId: t.accountId, PrimaryEmail: current })),
    );
    expect(err.name).toBe('ConflictException');
    expect(err.$metadata?.httpStatusCode).toBe(409);
  });
});

describe('errors', () => {
  it('model validation: ValidationException with the member path', async () => {
    const err = await caught(() => account().send(new PutAccountNameCommand({ AccountName: '' })));
    expect(err.name).toBe('ValidationException');
    expect(err.$metadata?.httpStatusCode).toBe(400);
    expect(err.message).toContain('accountName');
    expect((err as unknown as { reason?: string }).reason).toBe('fieldValidationFailed');
  });

  it('an IAM user without permission: AccessDeniedException naming account:<Action> and the account ARN', async () => {
    const creds = await userWithKey(t, 'no-account-perms');
    const err = await caught(() => account(creds).send(new GetAccountInformationCommand({})));
    expect(err.name).toBe('AccessDeniedException');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    expect(err.message).toContain('account:GetAccountInformation');
    expect(err.message).toContain(`arn:aws:account::${t.accountId}:account`);
  });

  it('an IAM user allowed account:GetAlternateContact may read contacts', async () => {
    const creds = await userWithKey(t, 'contact-reader', {
      read: policy({
        Effect: 'Allow',
        Action: 'account:GetAlternateContact',
        Resource: `arn:aws:account::${t.accountId}:account`,
      }),
    });
    await account().send(new PutAlternateContactCommand({ ...contact, AlternateContactType: 'SECURITY' }));
    const got = await account(creds).send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' }));
    expect(got.AlternateContact?.AlternateContactType).toBe('SECURITY');
    expect(
      (
        await caught(() =>
          account(creds).send(new PutAlternateContactCommand({ ...contact, AlternateContactType: 'SECURITY' })),
        )
      ).name,
    ).toBe('AccessDeniedException');
  });
});

describe('member accounts from the management account', () => {
  let memberId = '';
  beforeAll(async () => {
    await orgs(t).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const created = await orgs(t).send(
      new CreateAccountCommand({ Email: 'member@example.com', AccountName: 'member' }),
    );
    const done = await orgs(t).send(
      new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: created.CreateAccountStatus!.Id! }),
    );
    memberId = done.CreateAccountStatus!.AccountId!;
  });

  it('GetAccountInformation and PutAccountName with AccountId (Organizations sees the new name)', async () => {
    const info0 = await account().send(new GetAccountInformationCommand({ AccountId: memberId }));
    expect(info0).toMatchObject({ AccountId: memberId, AccountName: 'member', AccountState: 'ACTIVE' });
    await account().send(new PutAccountNameCommand({ AccountId: memberId, AccountName: 'member-renamed' }));
    expect((await account().send(new GetAccountInformationCommand({ AccountId: memberId }))).AccountName).toBe(
      'member-renamed',
    );
    expect((await orgs(t).send(new DescribeAccountCommand({ AccountId: memberId }))).Account?.Name).toBe(
      'member-renamed',
    );
  });

  it('alternate contacts and contact information of a member are its own', async () => {
    await account().send(
      new PutAlternateContactCommand({ ...contact, AlternateContactType: 'BILLING', AccountId: memberId }),
    );
    expect(
      (await account().send(new GetAlternateContactCommand({ AlternateContactType: 'BILLING', AccountId: memberId })))
        .AlternateContact?.Name,
    ).toBe('Ops Team');
    expect(
      (await caught(() => account().send(new GetAlternateContactCommand({ AlternateContactType: 'BILLING' })))).name,
    ).toBe('ResourceNotFoundException');
    await account().send(
      new PutContactInformationCommand({
        ContactInformation: { ...info, FullName: 'Member Owner' },
        AccountId: memberId,
      }),
    );
    expect(
      (await account().send(new GetContactInformationCommand({ AccountId: memberId }))).ContactInformation?.FullName,
    ).toBe('Member Owner');
  });

  it('the member\u2019s primary email update, with the code from the outbox', async () => {
    expect((await account().send(new GetPrimaryEmailCommand({ AccountId: memberId }))).PrimaryEmail).toBe(
      'member@example.com',
    );
    await account().send(
      new StartPrimaryEmailUpdateCommand({ AccountId: memberId, PrimaryEmail: 'member-new@example.com' }),
    );
    const otp = otpSentTo('member-new@example.com');
    const out = await account().send(
      new AcceptPrimaryEmailUpdateCommand({ AccountId: memberId, PrimaryEmail: 'member-new@example.com', Otp: otp }),
    );
    expect(out.Status).toBe('ACCEPTED');
    expect((await account().send(new GetPrimaryEmailCommand({ AccountId: memberId }))).PrimaryEmail).toBe(
      'member-new@example.com',
    );
    expect((await orgs(t).send(new DescribeAccountCommand({ AccountId: memberId }))).Account?.Email).toBe(
      'member-new@example.com',
    );
  });

  it('member resource ARN: arn:aws:account::MGMT:account/o-…/MEMBER in a denial', async () => {
    const creds = await userWithKey(t, 'own-only', {
      own: policy({
        Effect: 'Allow',
        Action: 'account:GetAccountInformation',
        Resource: `arn:aws:account::${t.accountId}:account`,
      }),
    });
    await account(creds).send(new GetAccountInformationCommand({}));
    const err = await caught(() => account(creds).send(new GetAccountInformationCommand({ AccountId: memberId })));
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toMatch(new RegExp(`arn:aws:account::${t.accountId}:account/o-[a-z0-9]{10}/${memberId}`));
  });

  it('an account outside the organization, or a non-management caller: AccessDeniedException', async () => {
    const outsider = await secondAccount(t, '555555555555');
    expect(
      (await caught(() => account().send(new GetAccountInformationCommand({ AccountId: outsider.accountId })))).name,
    ).toBe('AccessDeniedException');
    const err = await caught(() =>
      account(outsider.root).send(
        new GetAlternateContactCommand({ AlternateContactType: 'BILLING', AccountId: memberId }),
      ),
    );
    expect(err.name).toBe('AccessDeniedException');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    // Its own account works.
    expect((await account(outsider.root).send(new GetAccountInformationCommand({}))).AccountId).toBe(
      outsider.accountId,
    );
  });
});

describe('the audit trail', () => {
  const events = async (name: string) => {
    await t.ward.flush();
    const cloudtrail = new CloudTrailClient({
      endpoint: t.url,
      region: 'us-east-1',
      credentials: t.root,
      maxAttempts: 1,
    });
    return (
      (
        await cloudtrail.send(
          new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: name }] }),
        )
      ).Events ?? []
    );
  };

  it('records Account calls from account.amazonaws.com, with the one-time code hidden', async () => {
    const [e] = await events('AcceptPrimaryEmailUpdate');
    expect(e?.EventSource).toBe('account.amazonaws.com');
    const record = JSON.parse(e!.CloudTrailEvent!) as { requestParameters: Record<string, unknown> };
    expect(record.requestParameters.otp ?? record.requestParameters.Otp).toBe(HIDDEN);
  });

  it('names a call that failed authentication by its path', async () => {
    const bad = { accessKeyId: t.root.accessKeyId, secretAccessKey: 'wrong-secret-wrong-secret-wrong-secret00' };
    const err = await caught(() => account(bad).send(new GetContactInformationCommand({})));
    expect(err.$metadata?.httpStatusCode).toBe(403);
    const failed = (await events('GetContactInformation')).filter(
      (e) => (JSON.parse(e.CloudTrailEvent!) as { errorCode?: string }).errorCode !== undefined,
    );
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]?.EventSource).toBe('account.amazonaws.com');
  });
});
