import {
  CreatePolicyCommand,
  CreateRoleCommand,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListOpenIDConnectProvidersCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startConsoleSuite, rootPage } from './support/browser.js';
import { type TestWard, caught } from './support/ward.js';

const trustOf = (role: { AssumeRolePolicyDocument?: string } | undefined) =>
  JSON.parse(decodeURIComponent(role?.AssumeRolePolicyDocument ?? '')) as { Statement: Array<Record<string, unknown>> };

describe('console roles and identity providers in Chromium', () => {
  let ward: TestWard;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let root: Page;

  beforeAll(async () => {
    ({ ward, browser, close: closeBrowser } = await startConsoleSuite());
    root = await rootPage(browser, ward);
  });
  afterAll(() => closeBrowser?.());

  it('creates a role trusted by this account with MFA required, and attaches a policy', async () => {
    const policyArn = (
      await ward.iam().send(
        new CreatePolicyCommand({
          PolicyName: 'deployer',
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
          }),
        }),
      )
    ).Policy!.Arn!;
    await root.goto(`${ward.url}/console/roles/create`);
    // The script shows only the chosen type's fields.
    expect(await root.getByLabel('Require MFA').isVisible()).toBe(false);
    await root.getByLabel('AWS account', { exact: true }).check();
    await root.getByLabel('Another AWS account').check();
    await root.getByRole('button', { name: 'Next' }).click();
    expect(await root.getByRole('alert').textContent()).toBe('Account ID must be 12 digits.');
    await root.getByLabel('AWS account', { exact: true }).check();
    await root.getByLabel('Require MFA').check();
    await root.getByRole('button', { name: 'Next' }).click();
    await root.waitForURL(/\/console\/roles\/create\/details/);
    const generated = JSON.parse(await root.getByLabel('Trust policy').inputValue());
    expect(generated.Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ward.accountId}:root` },
      Action: 'sts:AssumeRole',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
    await root.getByLabel('Role name').fill('console-admin');
    await root.getByLabel('Description').fill('Admins with MFA');
    await root.getByLabel('Maximum session duration').selectOption({ label: '4 hours' });
    await root.getByLabel('deployer', { exact: true }).check();
    await screenshot(root, 'role-create');
    await root.getByRole('button', { name: 'Create role' }).click();
    await root.waitForURL(/\/console\/roles\/console-admin\?notice=/);
    expect(await root.getByRole('status').first().textContent()).toContain('Role console-admin created.');

    const { Role: role } = await ward.iam().send(new GetRoleCommand({ RoleName: 'console-admin' }));
    expect(role?.MaxSessionDuration).toBe(14400);
    expect(role?.Description).toBe('Admins with MFA');
    expect(trustOf(role).Statement[0]!.Condition).toEqual({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
    const attached = await ward.iam().send(new ListAttachedRolePoliciesCommand({ RoleName: 'console-admin' }));
    expect(attached.AttachedPolicies?.map((p) => p.PolicyArn)).toEqual([policyArn]);
    expect(await root.getByTestId('role-policies').textContent()).toContain('deployer');
  });

  it('refuses an invalid trust policy with the API’s text, and updates a valid one', async () => {
    await ward.iam().send(
      new CreateRoleCommand({
        RoleName: 'worker',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );
    const bad = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }],
    });
    const api = await caught(() =>
      ward.iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: 'worker', PolicyDocument: bad })),
    );
    expect(api.name).toBe('MalformedPolicyDocumentException');

    await root.goto(`${ward.url}/console/roles/worker/trust`);
    expect(JSON.parse(await root.getByLabel('Trust policy').inputValue()).Statement[0].Principal).toEqual({
      Service: 'ec2.amazonaws.com',
    });
    await root.getByLabel('Trust policy').fill(bad);
    await expect.poll(() => root.getByTestId('live-errors').textContent()).toBe(api.message);
    await screenshot(root, 'role-trust');
    await root.getByRole('button', { name: 'Update policy' }).click();
    expect(await root.getByRole('alert').first().textContent()).toContain(api.message);

    const good = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    };
    await root.getByLabel('Trust policy').fill(JSON.stringify(good));
    await expect.poll(() => root.getByTestId('live-errors').textContent()).toBe('The policy is valid.');
    await root.getByRole('button', { name: 'Update policy' }).click();
    await root.waitForURL(/\/trust\?notice=/);
    const { Role: role } = await ward.iam().send(new GetRoleCommand({ RoleName: 'worker' }));
    expect(trustOf(role)).toEqual(good);
  });

  it('lists and searches roles, tags one, and deletes it with its policies after confirmation', async () => {
    await ward.iam().send(
      new PutRolePolicyCommand({
        RoleName: 'worker',
        PolicyName: 'inline-read',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
        }),
      }),
    );
    await root.goto(`${ward.url}/console/roles?search=work`);
    expect(await root.getByTestId('roles').locator('tbody tr td:first-child a').allTextContents()).toEqual(['worker']);
    expect(await root.getByTestId('roles').textContent()).toContain('AWS Service: lambda');

    await root.goto(`${ward.url}/console/roles/worker/tags`);
    await root.getByLabel('Key').fill('team');
    await root.getByLabel('Value - optional').fill('platform');
    await root.getByRole('button', { name: 'Add tag' }).click();
    await root.waitForURL(/notice=/);
    expect((await ward.iam().send(new GetRoleCommand({ RoleName: 'worker' }))).Role?.Tags).toEqual([
      { Key: 'team', Value: 'platform' },
    ]);

    await root.goto(`${ward.url}/console/roles/worker`);
    await root.getByLabel(/To confirm deletion, enter the role name/).fill('worker');
    await root.getByRole('button', { name: 'Delete', exact: true }).click();
    await root.waitForURL(/\/console\/roles\?notice=/);
    expect((await caught(() => ward.iam().send(new GetRoleCommand({ RoleName: 'worker' })))).name).toBe(
      'NoSuchEntityException',
    );
  });

  it('adds an OpenID Connect provider, an audience, and offers it as a web identity', async () => {
    await root.goto(`${ward.url}/console/identity-providers`);
    await root.getByLabel('Provider URL').fill('https://token.actions.githubusercontent.com');
    await root.getByLabel('Audiences').fill('sts.amazonaws.com');
    await root.getByRole('button', { name: 'Add provider' }).click();
    await root.waitForURL(/notice=/);
    const arn = `arn:aws:iam::${ward.accountId}:oidc-provider/token.actions.githubusercontent.com`;
    expect(
      (await ward.iam().send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList?.map((p) => p.Arn),
    ).toEqual([arn]);
    await screenshot(root, 'identity-providers');

    await root.getByRole('link', { name: 'token.actions.githubusercontent.com' }).click();
    await root.getByLabel('Audience', { exact: true }).fill('my-app');
    await root.getByRole('button', { name: 'Add audience' }).click();
    await root.waitForURL(/notice=/);
    expect(
      (
        await ward.iam().send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))
      ).ClientIDList?.sort(),
    ).toEqual(['my-app', 'sts.amazonaws.com']);

    await root.goto(`${ward.url}/console/roles/create`);
    await root.getByLabel('Web identity').check();
    await root.getByLabel('Identity provider').selectOption({ value: arn });
    await root.getByLabel('Audience', { exact: true }).fill('sts.amazonaws.com');
    await root.getByRole('button', { name: 'Next' }).click();
    const trust = JSON.parse(await root.getByLabel('Trust policy').inputValue());
    expect(trust.Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: { Federated: arn },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
    });
  });
});
