import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteAccountPasswordPolicyCommand,
  GetGroupCommand,
  GetLoginProfileCommand,
  GetUserCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, signInAsUser, startConsoleSuite, rootPage } from './support/browser.js';
import { type TestWard, caught } from './support/ward.js';

const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const DANA_FIRST = 'Dana-first-Passw0rd!';
const DANA_SECOND = 'Dana-second-Passw0rd!';

/** Names in the users table, in order. */
async function tableNames(page: Page): Promise<string[]> {
  return page.getByTestId('users-table').locator('tbody tr td:first-child a').allTextContents();
}

describe('console users and groups in Chromium', () => {
  let ward: TestWard;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let root: Page;

  beforeAll(async () => {
    ({ ward, browser, close: closeBrowser } = await startConsoleSuite());
    root = await rootPage(browser, ward);
  });
  afterAll(() => closeBrowser?.());

  it('root creates a group with ReadOnlyAccess, then a user with console access, a custom password that must be reset, in that group', async () => {
    await root.goto(`${ward.url}/console/groups/create`);
    await root.getByLabel('User group name').fill('readers');
    await root.getByLabel('Filter policies by name').fill('readonly');
    expect(await root.getByLabel('AdministratorAccess', { exact: true }).isVisible()).toBe(false);
    await root.getByLabel('ReadOnlyAccess', { exact: true }).check();
    await root.getByRole('button', { name: 'Create user group' }).click();
    await root.waitForURL(/\/console\/groups\/readers\?notice=/);
    expect(await root.getByRole('status').first().textContent()).toContain('readers user group created.');
    await root.goto(`${ward.url}/console/groups`);
    expect(await root.getByTestId('groups-table').getByRole('link', { name: 'readers' }).isVisible()).toBe(true);
    await screenshot(root, 'groups-list');

    await root.goto(`${ward.url}/console/users/create`);
    await root.getByLabel('User name').fill('dana');
    await root.getByLabel('Provide user access to the AWS Management Console - optional').check();
    await root.getByLabel('Custom password', { exact: true }).check();
    await root.getByLabel('Enter a custom password for the user').fill(DANA_FIRST);
    expect(await root.getByLabel('Users must create a new password at next sign-in - Recommended').isChecked()).toBe(
      true,
    );
    await root.getByLabel('readers', { exact: true }).check();
    await root.getByLabel('Tags (one key=value per line)').fill('team=audit');
    await screenshot(root, 'user-create');
    await root.getByRole('button', { name: 'Create user' }).click();
    await root.waitForURL(/\/console\/users\/create$/);
    expect(await root.getByRole('heading', { level: 1 }).textContent()).toBe('Retrieve password');
    expect(await root.getByTestId('new-user-name').textContent()).toBe('dana');
    expect(await root.getByTestId('new-password').textContent()).toBe(DANA_FIRST);
    expect(await root.getByTestId('signin-url').textContent()).toBe(`${ward.url}/console/${ward.accountId}`);

    const iam = ward.iam();
    expect((await iam.send(new GetLoginProfileCommand({ UserName: 'dana' }))).LoginProfile?.PasswordResetRequired).toBe(
      true,
    );
    expect(
      (await iam.send(new ListGroupsForUserCommand({ UserName: 'dana' }))).Groups?.map((g) => g.GroupName),
    ).toEqual(['readers']);
    expect(
      (await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'readers' }))).AttachedPolicies?.map(
        (p) => p.PolicyArn,
      ),
    ).toEqual([READ_ONLY]);
    expect(
      (await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'dana' }))).AttachedPolicies?.map(
        (p) => p.PolicyName,
      ),
    ).toEqual(['IAMUserChangePassword']);
    expect((await iam.send(new GetUserCommand({ UserName: 'dana' }))).User?.Tags).toEqual([
      { Key: 'team', Value: 'audit' },
    ]);
  });

  it('re-renders the form with AWS’s message when the user exists, and autogenerates a password', async () => {
    await root.goto(`${ward.url}/console/users/create`);
    await root.getByLabel('User name').fill('dana');
    await root.getByRole('button', { name: 'Create user' }).click();
    expect(await root.getByRole('alert').first().textContent()).toContain('EntityAlreadyExists');
    expect(await root.getByLabel('User name').inputValue()).toBe('dana');

    // A password the account policy refuses: the form comes back with IAM's message and no user is left behind.
    const iam = ward.iam();
    await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 30 }));
    try {
      await root.getByLabel('User name').fill('frank');
      await root.getByLabel('Provide user access to the AWS Management Console - optional').check();
      await root.getByLabel('Custom password', { exact: true }).check();
      await root.getByLabel('Enter a custom password for the user').fill('Too-short-1');
      await root.getByRole('button', { name: 'Create user' }).click();
      expect(await root.getByRole('alert').first().textContent()).toContain(
        'Password should have a minimum length of 30',
      );
      expect((await caught(() => iam.send(new GetUserCommand({ UserName: 'frank' })))).name).toBe(
        'NoSuchEntityException',
      );
    } finally {
      await iam.send(new DeleteAccountPasswordPolicyCommand({}));
    }

    await root.getByLabel('User name').fill('eve');
    await root.getByLabel('Autogenerated password', { exact: true }).check();
    await root.getByLabel('Provide user access to the AWS Management Console - optional').check();
    await root.getByLabel('IAMUserChangePassword', { exact: true }).check();
    await root.getByRole('button', { name: 'Create user' }).click();
    const password = (await root.getByTestId('new-password').textContent()) ?? '';
    expect(password).toHaveLength(20);
    expect((await iam.send(new GetLoginProfileCommand({ UserName: 'eve' }))).LoginProfile?.UserName).toBe('eve');
    expect(
      (await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'eve' }))).AttachedPolicies?.map(
        (p) => p.PolicyName,
      ),
    ).toEqual(['IAMUserChangePassword']);
  });

  it('lists users 20 a page with Next/Previous, and searches by name substring across pages', async () => {
    const iam = ward.iam();
    for (let i = 1; i <= 45; i++)
      await iam.send(new CreateUserCommand({ UserName: `bulk-${String(i).padStart(2, '0')}`, Path: '/bulk/' }));
    const all = (await iam.send(new ListUsersCommand({ MaxItems: 1000 }))).Users!.map((u) => u.UserName!);
    expect(all.length).toBe(47);

    await root.goto(`${ward.url}/console/users`);
    const first = await tableNames(root);
    expect(first).toHaveLength(20);
    await screenshot(root, 'users-list');
    expect(await root.getByRole('link', { name: 'Previous' }).count()).toBe(0);
    await root.getByRole('link', { name: 'Next' }).click();
    const second = await tableNames(root);
    expect(second).toHaveLength(20);
    await root.getByRole('link', { name: 'Next' }).click();
    const third = await tableNames(root);
    expect(third).toHaveLength(7);
    expect(await root.getByRole('link', { name: 'Next' }).count()).toBe(0);
    expect([...first, ...second, ...third].sort()).toEqual([...all].sort());
    await root.getByRole('link', { name: 'Previous' }).click();
    expect(await tableNames(root)).toEqual(second);
    await root.getByRole('link', { name: 'Previous' }).click();
    expect(await tableNames(root)).toEqual(first);

    await root.getByLabel('Search users by name').fill('bulk-1');
    await root.getByRole('button', { name: 'Search' }).click();
    expect(await tableNames(root)).toEqual([
      'bulk-10',
      'bulk-11',
      'bulk-12',
      'bulk-13',
      'bulk-14',
      'bulk-15',
      'bulk-16',
      'bulk-17',
      'bulk-18',
      'bulk-19',
    ]);
    expect(await root.getByTestId('match-count').textContent()).toContain('10 matches');

    await root.getByLabel('Search users by name').fill('BULK-');
    await root.getByRole('button', { name: 'Search' }).click();
    expect(await tableNames(root)).toHaveLength(20);
    await root.getByRole('link', { name: 'Next' }).click();
    expect(new URL(root.url()).searchParams.get('search')).toBe('BULK-');
    await root.getByRole('link', { name: 'Next' }).click();
    expect(await tableNames(root)).toEqual(['bulk-41', 'bulk-42', 'bulk-43', 'bulk-44', 'bulk-45']);
  });

  it('shows the user detail tabs, attaches and removes policies, sets a boundary, and manages groups', async () => {
    const iam = ward.iam();
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'dana',
        PolicyName: 'see-buckets',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }],
        }),
      }),
    );
    await root.goto(`${ward.url}/console/users/dana`);
    expect(await root.getByTestId('console-access').textContent()).toBe('Enabled');
    await root.locator('summary', { hasText: 'see-buckets' }).click();
    expect(await root.locator('pre.policy-json').textContent()).toContain('"s3:ListAllMyBuckets"');
    await root.locator('summary', { hasText: 'Add permissions: attach policies' }).click();
    await root.getByLabel('IAMReadOnlyAccess', { exact: true }).check();
    await root.getByRole('button', { name: 'Attach policies' }).click();
    expect(await root.getByRole('status').first().textContent()).toContain('Policy attached.');
    expect(
      (await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'dana' }))).AttachedPolicies?.map(
        (p) => p.PolicyName,
      ).sort(),
    ).toEqual(['IAMReadOnlyAccess', 'IAMUserChangePassword']);
    await root.getByLabel('Set permissions boundary').selectOption({ label: 'ReadOnlyAccess' });
    await root.getByRole('button', { name: 'Set boundary' }).click();
    expect(await root.getByTestId('boundary').textContent()).toBe(READ_ONLY);
    expect(
      (await iam.send(new GetUserCommand({ UserName: 'dana' }))).User?.PermissionsBoundary?.PermissionsBoundaryArn,
    ).toBe(READ_ONLY);
    await screenshot(root, 'user-detail');
    await root.getByRole('button', { name: 'Remove boundary' }).click();
    expect(await root.getByTestId('boundary').textContent()).toBe('Permissions boundary is not set.');
    await root.getByRole('button', { name: 'Remove IAMReadOnlyAccess' }).click();
    expect(
      (await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'dana' }))).AttachedPolicies?.map(
        (p) => p.PolicyName,
      ),
    ).toEqual(['IAMUserChangePassword']);

    await iam.send(new CreateGroupCommand({ GroupName: 'auditors' }));
    await root.getByRole('link', { name: 'Groups', exact: true }).click();
    expect(await root.getByTestId('user-groups').getByRole('link', { name: 'readers' }).isVisible()).toBe(true);
    await root.getByLabel('auditors', { exact: true }).check();
    await root.getByRole('button', { name: 'Add to groups' }).click();
    expect(
      (await iam.send(new ListGroupsForUserCommand({ UserName: 'dana' }))).Groups?.map((g) => g.GroupName).sort(),
    ).toEqual(['auditors', 'readers']);
    await root.getByRole('button', { name: 'Remove from auditors' }).click();
    expect(
      (await iam.send(new ListGroupsForUserCommand({ UserName: 'dana' }))).Groups?.map((g) => g.GroupName),
    ).toEqual(['readers']);

    await root.getByRole('link', { name: 'Access Advisor' }).click();
    const services = await root.getByTestId('access-advisor').locator('tbody tr td:first-child').allTextContents();
    expect(services).toContain('Amazon S3');
  });

  it('a read-only user sees the users list but is denied a create, and a delete changes nothing', async () => {
    const { context, page } = await newPage(browser);
    page.setDefaultTimeout(8000);
    await signInAsUser(page, ward.url, ward.accountId, 'dana', DANA_FIRST);
    await page.waitForURL(/\/console\/change-password$/);
    await page.getByLabel('Current password').fill(DANA_FIRST);
    await page.getByLabel('New password', { exact: true }).fill(DANA_SECOND);
    await page.getByLabel('Confirm new password').fill(DANA_SECOND);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(/\/console\/home$/);

    await page.goto(`${ward.url}/console/users`);
    expect(await tableNames(page)).toHaveLength(20);
    await page.goto(`${ward.url}/console/users?search=dana`);
    expect(await tableNames(page)).toEqual(['dana']);
    await page.goto(`${ward.url}/console/users/create`);
    await page.getByLabel('User name').fill('intruder');
    await page.getByRole('button', { name: 'Create user' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Access denied' });
    expect(await alert.textContent()).toContain('is not authorized to perform: iam:CreateUser');
    expect(await alert.textContent()).toContain(`arn:aws:iam::${ward.accountId}:user/dana`);
    await screenshot(page, 'access-denied');
    expect((await caught(() => ward.iam().send(new GetUserCommand({ UserName: 'intruder' })))).name).toBe(
      'NoSuchEntityException',
    );

    // Deleting eve stops at the first denied step, before anything was removed.
    await page.goto(`${ward.url}/console/users/eve/delete`);
    await page.getByLabel('To confirm deletion, enter the user name in the text input field.').fill('eve');
    await page.getByRole('button', { name: 'Delete' }).click();
    expect(await page.getByTestId('step-failed').textContent()).toContain('Delete console password');
    expect(await page.getByRole('alert').filter({ hasText: 'Access denied' }).textContent()).toContain(
      'iam:DeleteLoginProfile',
    );
    expect((await ward.iam().send(new GetLoginProfileCommand({ UserName: 'eve' }))).LoginProfile?.UserName).toBe('eve');
    await context.close();
  });

  it('deletes a user with all its dependencies, and a group with members and policies, after typing the name', async () => {
    const iam = ward.iam();
    await iam.send(new CreateUserCommand({ UserName: 'temp' }));
    await iam.send(new CreateLoginProfileCommand({ UserName: 'temp', Password: 'Temp-Passw0rd!' }));
    await iam.send(new CreateAccessKeyCommand({ UserName: 'temp' }));
    await iam.send(new AddUserToGroupCommand({ UserName: 'temp', GroupName: 'readers' }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'temp', PolicyArn: READ_ONLY }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'temp',
        PolicyName: 'inline',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }],
        }),
      }),
    );

    await root.goto(`${ward.url}/console/users/temp`);
    await root.getByRole('link', { name: 'Delete', exact: true }).click();
    const confirm = root.getByLabel('To confirm deletion, enter the user name in the text input field.');
    await confirm.fill('tmp');
    await root.getByRole('button', { name: 'Delete' }).click();
    expect(await root.getByRole('alert').first().textContent()).toContain(
      'Enter the user name “temp” to confirm deletion.',
    );
    await confirm.fill('temp');
    await root.getByRole('button', { name: 'Delete' }).click();
    await root.waitForURL(/\/console\/users\?notice=/);
    expect(await root.getByRole('status').first().textContent()).toContain('User temp deleted.');
    expect((await caught(() => iam.send(new GetUserCommand({ UserName: 'temp' })))).name).toBe('NoSuchEntityException');

    await iam.send(new CreateGroupCommand({ GroupName: 'doomed' }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'doomed', PolicyArn: READ_ONLY }));
    await root.goto(`${ward.url}/console/groups/doomed`);
    await root.locator('summary', { hasText: 'Add users' }).click();
    await root.getByLabel('bulk-01', { exact: true }).check();
    await root.getByRole('button', { name: 'Add users' }).click();
    expect((await iam.send(new GetGroupCommand({ GroupName: 'doomed' }))).Users?.map((u) => u.UserName)).toEqual([
      'bulk-01',
    ]);
    await screenshot(root, 'group-detail');
    await root.getByRole('link', { name: 'Delete', exact: true }).click();
    await root.getByLabel('To confirm deletion, enter the group name in the text input field.').fill('doomed');
    await root.getByRole('button', { name: 'Delete' }).click();
    await root.waitForURL(/\/console\/groups\?notice=/);
    expect((await caught(() => iam.send(new GetGroupCommand({ GroupName: 'doomed' })))).name).toBe(
      'NoSuchEntityException',
    );
    expect((await iam.send(new ListGroupsForUserCommand({ UserName: 'bulk-01' }))).Groups).toEqual([]);
  });
});
