import { AttachUserPolicyCommand, CreateLoginProfileCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import {
  ListAWSServiceAccessForOrganizationCommand,
  ListAccountsForParentCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
} from '@aws-sdk/client-organizations';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, signInAsRoot, signInAsUser, startConsoleSuite } from './support/browser.js';
import { orgs, rootKeyFor } from './support/organizations.js';
import { ROOT_EMAIL, ROOT_PASSWORD, type TestWard } from './support/ward.js';

const ADMIN_PASSWORD = 'Org-admin-Passw0rd!';

describe('AWS Organizations in the console', () => {
  let ward: TestWard;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let member = '';
  let ouId = '';

  beforeAll(async () => {
    ({ ward, browser, close: closeBrowser } = await startConsoleSuite());
    const iam = ward.iam();
    await iam.send(new CreateUserCommand({ UserName: 'org-admin' }));
    await iam.send(
      new AttachUserPolicyCommand({ UserName: 'org-admin', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
    );
    await iam.send(new CreateLoginProfileCommand({ UserName: 'org-admin', Password: ADMIN_PASSWORD }));
    ({ page } = await newPage(browser));
    await signInAsUser(page, ward.url, ward.accountId, 'org-admin', ADMIN_PASSWORD);
  });
  afterAll(() => closeBrowser?.());

  const go = (path: string) => page.goto(`${ward.url}/console${path}`);
  const notice = async () => (await page.getByRole('status').first().textContent()) ?? '';

  it('creates the organization, an OU and a member account, and shows the tree', async () => {
    await page.getByRole('link', { name: 'AWS Organizations' }).click();
    await page.getByRole('button', { name: 'Create an organization' }).click();
    expect(await notice()).toContain('Your organization was created');
    const tree = page.getByTestId('org-tree');
    expect(await tree.textContent()).toContain(ward.accountId);

    await page.getByLabel('Organizational unit name').fill('Workloads');
    await page.getByRole('button', { name: 'Create organizational unit' }).click();
    expect(await notice()).toContain('"Workloads" was created');

    await page.getByLabel('AWS account name').fill('member');
    await page.getByLabel("Email address of the account's owner").fill('member@example.com');
    await page.getByRole('button', { name: 'Create AWS account' }).click();
    expect(new URL(page.url()).pathname).toMatch(/^\/console\/organizations\/create-account-status\/car-/);
    expect(await page.getByTestId('create-account-state').textContent()).toBe('SUCCEEDED');
    await page.getByRole('link', { name: 'Back to AWS accounts' }).click();

    const row = page.getByTestId('org-tree').getByRole('row').filter({ hasText: 'member@example.com' });
    const cells = await row.getByRole('cell').allTextContents();
    member = cells[1]!;
    expect(member).toMatch(/^\d{12}$/);
    expect(cells[3]).toBe('ACTIVE');
    expect(cells[4]).toContain('Created');

    // Move it into the OU.
    await row.getByRole('link', { name: 'member' }).click();
    await page.getByLabel('Destination').selectOption({
      label: (await page.getByLabel('Destination').locator('option', { hasText: 'Workloads' }).textContent()) ?? '',
    });
    await page.getByRole('button', { name: 'Move AWS account' }).click();
    expect(await notice()).toContain('The account was moved.');
    const root = (await orgs(ward).send(new ListRootsCommand({}))).Roots![0]!.Id!;
    const { ListOrganizationalUnitsForParentCommand } = await import('@aws-sdk/client-organizations');
    ouId = (await orgs(ward).send(new ListOrganizationalUnitsForParentCommand({ ParentId: root })))
      .OrganizationalUnits![0]!.Id!;
    expect(
      (await orgs(ward).send(new ListAccountsForParentCommand({ ParentId: ouId }))).Accounts!.map((a) => a.Id),
    ).toEqual([member]);
    await go('/organizations');
    await screenshot(page, 'organizations-tree');
  });

  it('enables SCPs, creates one and attaches it to the OU', async () => {
    await go('/organizations/policies');
    await page.getByRole('button', { name: 'Enable service control policies' }).click();
    expect(await notice()).toContain('Service control policies are enabled');
    await page.getByRole('link', { name: 'Create policy' }).click();
    await page.getByLabel('Policy name').fill('deny-leave');
    await page
      .getByLabel('Policy JSON')
      .fill(
        '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"',
      );
    await page.getByRole('button', { name: 'Create policy' }).click();
    // Malformed JSON: the form comes back with AWS's error and the text as typed.
    expect(await page.getByRole('alert').textContent()).toMatch(/MalformedPolicyDocument|policy/i);
    await page.getByLabel('Policy JSON').fill(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }],
      }),
    );
    await page.getByRole('button', { name: 'Create policy' }).click();
    expect(await notice()).toContain('Policy deny-leave created.');
    await page.getByLabel('Attach to root, organizational unit or account').selectOption(ouId);
    await page.getByRole('button', { name: 'Attach policy' }).click();
    expect(await notice()).toContain(`attached to ${ouId}`);
    expect(await page.getByTestId('scp-targets').textContent()).toContain('Workloads');
    const attached = (
      await orgs(ward).send(new ListPoliciesForTargetCommand({ TargetId: ouId, Filter: 'SERVICE_CONTROL_POLICY' }))
    ).Policies!;
    expect(attached.map((p) => p.Name).sort()).toEqual(['FullAWSAccess', 'deny-leave']);
    await go('/organizations/policies');
    expect(await page.getByTestId('scp-list').textContent()).toContain('deny-leave');
    await screenshot(page, 'organizations-scps');
  });

  it('enables trusted access and both centralized root access features', async () => {
    await go('/organizations/root-access');
    expect(await page.getByTestId('trusted-access').textContent()).toBe('Disabled');
    await page.getByRole('button', { name: 'Enable trusted access' }).click();
    expect(await page.getByTestId('trusted-access').textContent()).toBe('Enabled');
    await page.getByRole('button', { name: 'Enable root credentials management' }).click();
    await page.getByRole('button', { name: 'Enable privileged root actions in member accounts' }).click();
    expect(await page.getByTestId('feature-RootCredentialsManagement').textContent()).toBe('Enabled');
    expect(await page.getByTestId('feature-RootSessions').textContent()).toBe('Enabled');
    const access = await orgs(ward).send(new ListAWSServiceAccessForOrganizationCommand({}));
    expect(access.EnabledServicePrincipals!.map((s) => s.ServicePrincipal)).toEqual(['iam.amazonaws.com']);
    expect(await page.getByTestId('member-accounts').textContent()).toContain(member);
    await screenshot(page, 'root-access');
  });

  it('audits, allows password recovery for, and deletes the member root credentials through AssumeRoot', async () => {
    const memberKey = await rootKeyFor(ward, member);
    await page.getByRole('link', { name: 'Take privileged action on member' }).click();
    await page.getByRole('button', { name: 'Audit root user credentials' }).click();
    let audit = await page.getByTestId('root-credentials').textContent();
    expect(audit).toContain(memberKey.accessKeyId);
    expect(audit).not.toContain('Login profile');

    await page.getByRole('button', { name: 'Allow password recovery' }).click();
    expect(await notice()).toContain('Password recovery is allowed');
    expect(await ward.ward.store.credentials.getLoginProfile(member, undefined)).toBeDefined();
    await page.getByRole('button', { name: 'Audit root user credentials' }).click();
    audit = await page.getByTestId('root-credentials').textContent();
    expect(audit).toContain('Login profile');
    await screenshot(page, 'root-access-audit');

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Delete root user credentials' }).click();
    expect(await notice()).toContain('Deleted the console password, 1 access key(s)');
    expect(await ward.ward.store.credentials.getLoginProfile(member, undefined)).toBeUndefined();
    expect(await ward.ward.store.accessKeys.listForOwner(member, undefined)).toEqual([]);
    await page.getByRole('button', { name: 'Audit root user credentials' }).click();
    expect(await page.getByText('The root user has no credentials.').isVisible()).toBe(true);
  });

  it("shows AWS's refusal when the management account's root tries AssumeRoot", async () => {
    const { context, page: rootPage } = await newPage(browser);
    await signInAsRoot(rootPage, ward.url, ROOT_EMAIL, ROOT_PASSWORD);
    await rootPage.goto(`${ward.url}/console/organizations/root-access/${member}`);
    await rootPage.getByRole('button', { name: 'Audit root user credentials' }).click();
    const alert = rootPage.getByRole('alert');
    expect(await alert.textContent()).toContain('Access denied');
    expect(await alert.textContent()).toContain(
      `User: arn:aws:iam::${ward.accountId}:root is not authorized to perform: sts:AssumeRoot on resource: arn:aws:iam::${member}:root`,
    );
    expect(await rootPage.getByTestId('root-credentials').count()).toBe(0);
    await context.close();
  });
  it('renames and deletes an OU (refused while not empty) and removes an account', async () => {
    const accept = (d: { accept(): Promise<void> }) => void d.accept();
    page.on('dialog', accept);
    await go(`/organizations/ous/${ouId}`);
    await page.getByLabel('Organizational unit name').fill('Production');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(await notice()).toContain('renamed to "Production"');
    await page.getByRole('button', { name: 'Delete' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/not empty|contains/i);

    await go(`/organizations/accounts/${member}`);
    expect(await page.getByTestId('account-id').textContent()).toBe(member);
    await page.getByRole('button', { name: 'Remove account' }).click();
    expect(await notice()).toContain(`Account ${member} was removed from the organization.`);
    expect(await page.getByTestId('org-tree').textContent()).not.toContain(member);

    await go(`/organizations/ous/${ouId}`);
    await page.getByRole('button', { name: 'Delete' }).click();
    expect(await notice()).toContain('The organizational unit was deleted.');
    expect(await page.getByTestId('org-tree').textContent()).not.toContain('Production');
    page.off('dialog', accept);
  });
});
