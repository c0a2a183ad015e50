import {
  CreatePolicyCommand,
  CreateUserCommand,
  GetAccountPasswordPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListPoliciesCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startConsoleSuite, rootPage } from './support/browser.js';
import { type TestWard, caught } from './support/ward.js';

/** Valid JSON that IAM refuses: a statement without Resource. */
const MISSING_RESOURCE = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }],
});
const READ_BUCKET = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
});
const LIST_USERS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'iam:ListUsers'], Resource: '*' }],
});

describe('console policies, simulator, password policy and credential report in Chromium', () => {
  let ward: TestWard;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let root: Page;

  beforeAll(async () => {
    ({ ward, browser, close: closeBrowser } = await startConsoleSuite());
    root = await rootPage(browser, ward);
  });
  afterAll(() => closeBrowser?.());

  it('shows the API’s MalformedPolicyDocument text live while typing, and again on submit', async () => {
    const api = await caught(() =>
      ward.iam().send(new CreatePolicyCommand({ PolicyName: 'probe', PolicyDocument: MISSING_RESOURCE })),
    );
    expect(api.name).toBe('MalformedPolicyDocumentException');
    await root.goto(`${ward.url}/console/policies/create`);
    await root.getByLabel('Policy editor (JSON)').fill(MISSING_RESOURCE);
    const live = root.getByTestId('live-errors');
    await expect.poll(() => live.textContent()).toBe(api.message);
    await root.getByLabel('Policy name').fill('probe');
    await screenshot(root, 'policy-editor');
    await root.getByLabel('Policy editor (JSON)').fill(READ_BUCKET);
    await expect.poll(() => live.textContent()).toBe('The policy is valid.');
    // Without the script's help the server answers with the same text.
    await root.getByLabel('Policy editor (JSON)').fill(MISSING_RESOURCE);
    await root.getByRole('button', { name: 'Create policy' }).click();
    expect(await root.getByRole('alert').first().textContent()).toContain(api.message);
    expect(await root.getByLabel('Policy name').inputValue()).toBe('probe');
  });

  it('creates a policy, saves a new default version, and lists it under Customer managed', async () => {
    await root.goto(`${ward.url}/console/policies/create`);
    await root.getByLabel('Policy editor (JSON)').fill(READ_BUCKET);
    await root.getByLabel('Policy name').fill('console-reader');
    await root.getByLabel('Description - optional').fill('Reads objects');
    await root.getByRole('button', { name: 'Create policy' }).click();
    await root.waitForURL(/\/console\/policies\/details\?arn=/);
    const arn = `arn:aws:iam::${ward.accountId}:policy/console-reader`;
    expect(await root.getByTestId('policy-arn').textContent()).toBe(arn);
    const created = await ward.iam().send(new GetPolicyCommand({ PolicyArn: arn }));
    expect(created.Policy?.Description).toBe('Reads objects');

    await root.getByRole('link', { name: 'Edit', exact: true }).click();
    await root.getByLabel('Policy editor (JSON)').fill(LIST_USERS);
    await root.getByRole('button', { name: 'Save changes' }).click();
    await root.waitForURL(/notice=/);
    expect(await root.getByRole('status').first().textContent()).toContain('version v2 is the default');
    const policy = await ward.iam().send(new GetPolicyCommand({ PolicyArn: arn }));
    expect(policy.Policy?.DefaultVersionId).toBe('v2');
    const v2 = await ward.iam().send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' }));
    expect(JSON.parse(decodeURIComponent(v2.PolicyVersion!.Document!))).toEqual(JSON.parse(LIST_USERS));
    expect(await root.getByTestId('policy-versions').locator('tbody tr').count()).toBe(2);

    // Set v1 back as default from the versions table.
    await root.getByRole('button', { name: 'Set v1 as default' }).click();
    await root.waitForURL(/notice=/);
    expect((await ward.iam().send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId).toBe('v1');

    await root.goto(`${ward.url}/console/policies?scope=Local`);
    const names = await root.getByTestId('policies').locator('tbody tr td:first-child a').allTextContents();
    expect(names).toEqual(['console-reader']);
    await root.goto(`${ward.url}/console/policies?scope=All&search=readonly`);
    expect(await root.getByTestId('policies').locator('tbody tr td:first-child a').allTextContents()).toContain(
      'ReadOnlyAccess',
    );
    await root.goto(`${ward.url}/console/policies`);
    await screenshot(root, 'policies-list');
  });

  it('shows the LimitExceeded message at five versions, and deletes a policy after confirmation', async () => {
    const arn = (
      await ward.iam().send(new CreatePolicyCommand({ PolicyName: 'five-versions', PolicyDocument: READ_BUCKET }))
    ).Policy!.Arn!;
    for (let i = 0; i < 4; i++) {
      await root.goto(`${ward.url}/console/policies/edit?arn=${encodeURIComponent(arn)}`);
      await root.getByLabel('Policy editor (JSON)').fill(i % 2 ? READ_BUCKET : LIST_USERS);
      await root.getByRole('button', { name: 'Save changes' }).click();
      await root.waitForURL(/notice=/);
    }
    await root.goto(`${ward.url}/console/policies/edit?arn=${encodeURIComponent(arn)}`);
    await root.getByRole('button', { name: 'Save changes' }).click();
    expect(await root.getByRole('alert').first().textContent()).toContain('LimitExceeded');
    expect(await root.getByText('Policy version limit reached').isVisible()).toBe(true);

    await root.goto(`${ward.url}/console/policies/details?arn=${encodeURIComponent(arn)}`);
    await root.getByLabel(/To confirm deletion, enter the policy name/).fill('five-versions');
    await root.getByRole('button', { name: 'Delete', exact: true }).click();
    await root.waitForURL(/\/console\/policies\?notice=/);
    const left = await ward.iam().send(new ListPoliciesCommand({ Scope: 'Local' }));
    expect(left.Policies?.map((p) => p.PolicyName)).not.toContain('five-versions');
  });

  it('simulates a user’s policies: allowed and implicitDeny', async () => {
    await ward.iam().send(new CreateUserCommand({ UserName: 'sim-user' }));
    await ward
      .iam()
      .send(
        new PutUserPolicyCommand({ UserName: 'sim-user', PolicyName: 'read-objects', PolicyDocument: READ_BUCKET }),
      );
    await root.goto(`${ward.url}/console/simulator`);
    await root.getByLabel('Principal or policy').selectOption({ label: 'User: sim-user' });
    await root.getByLabel('Actions').fill('s3:GetObject, s3:PutObject');
    await root.getByRole('button', { name: 'Run simulation' }).click();
    const rows = root.getByTestId('simulation-results').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('td[data-decision]').getAttribute('data-decision')).toBe('allowed');
    expect(await rows.nth(0).textContent()).toContain('read-objects');
    expect(await rows.nth(1).locator('td[data-decision]').getAttribute('data-decision')).toBe('implicitDeny');
    await screenshot(root, 'simulator');

    // A pasted policy with a context key the policy needs.
    await root.getByLabel('Principal or policy').selectOption({ label: 'Custom policy (JSON below)' });
    await root.getByLabel(/Custom policy - used when/).fill(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'iam:*',
            Resource: '*',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          },
        ],
      }),
    );
    await root.getByLabel('Actions').fill('iam:ListUsers');
    await root.getByLabel('Context keys - optional').fill('aws:MultiFactorAuthPresent=true');
    await root.getByRole('button', { name: 'Run simulation' }).click();
    expect(
      await root.getByTestId('simulation-results').locator('td[data-decision]').getAttribute('data-decision'),
    ).toBe('allowed');
  });

  it('saves the account password policy and resets it to the default', async () => {
    await root.goto(`${ward.url}/console/account-settings`);
    expect(await root.getByText('This AWS account uses the default password policy').isVisible()).toBe(true);
    await root.getByLabel('Password minimum length').fill('14');
    await root.getByLabel(/uppercase letter/).check();
    await root.getByLabel(/at least one number/).check();
    await root.getByLabel('Turn on password expiration').check();
    await root.getByLabel('Expire passwords in day(s)').fill('60');
    await root.getByLabel('Allow users to change their own password').check();
    await root.getByLabel('Prevent password reuse').check();
    await root.getByLabel('Remember password(s)').fill('3');
    await root.getByRole('button', { name: 'Save changes' }).click();
    await root.waitForURL(/notice=/);
    const { PasswordPolicy: saved } = await ward.iam().send(new GetAccountPasswordPolicyCommand({}));
    expect(saved).toMatchObject({
      MinimumPasswordLength: 14,
      RequireUppercaseCharacters: true,
      RequireNumbers: true,
      RequireSymbols: false,
      MaxPasswordAge: 60,
      PasswordReusePrevention: 3,
      AllowUsersToChangePassword: true,
      HardExpiry: false,
    });
    expect(await root.getByLabel('Password minimum length').inputValue()).toBe('14');
    await screenshot(root, 'password-policy');

    await root.getByLabel('Password minimum length').fill('200');
    await root.getByRole('button', { name: 'Save changes' }).click();
    expect(await root.getByRole('alert').first().textContent()).toContain('minimumPasswordLength');

    await root.goto(`${ward.url}/console/account-settings`);
    await root.getByRole('button', { name: 'Reset to default' }).click();
    await root.waitForURL(/notice=/);
    expect((await caught(() => ward.iam().send(new GetAccountPasswordPolicyCommand({})))).name).toBe(
      'NoSuchEntityException',
    );
  });

  it('generates the credential report and downloads it with AWS’s columns', async () => {
    await root.goto(`${ward.url}/console/credential-report`);
    await root.getByRole('button', { name: 'Generate report' }).click();
    await root.waitForURL(/notice=/);
    const header = await root.getByTestId('credential-report').locator('thead th').allTextContents();
    expect(header.slice(0, 4)).toEqual(['user', 'arn', 'user_creation_time', 'password_enabled']);
    expect(await root.getByTestId('credential-report').locator('tbody').textContent()).toContain('sim-user');
    await screenshot(root, 'credential-report');
    const [download] = await Promise.all([
      root.waitForEvent('download'),
      root.getByRole('link', { name: 'Download report' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^status_reports_\d{4}-\d\d-\d\dT\d\d_\d\d_\d\d\+00_00\.csv$/);
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toMatch(
      /^user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,/,
    );
    expect(csv).toContain(`arn:aws:iam::${ward.accountId}:user/sim-user`);
  });
});
