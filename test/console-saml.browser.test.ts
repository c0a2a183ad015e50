import {
  CreateSAMLProviderCommand,
  DeleteSAMLProviderCommand,
  GetSAMLProviderCommand,
  ListSAMLProvidersCommand,
} from '@aws-sdk/client-iam';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, rootPage, screenshot, startConsoleSuite } from './support/browser.js';
import { TestIdp, selfSignedPair } from './support/saml-idp.js';
import { createRole } from './support/sts.js';
import { policy } from './support/users.js';
import type { TestWard } from './support/ward.js';

/** The page an IdP answers with: a form that posts the SAMLResponse to Ward's /saml (IdP-initiated). */
const idpPage = (action: string, samlResponse: string) =>
  `<html><body><form method="post" action="${action}">` +
  `<input type="hidden" name="SAMLResponse" value="${samlResponse}">` +
  `<button type="submit">Continue to Ward</button></form></body></html>`;

describe('SAML sign-in to the console in Chromium', () => {
  let ward: TestWard;
  let browser: Browser;
  let close: () => Promise<void>;
  const idp = new TestIdp('https://idp.example.com/saml');
  let providerArn: string;
  let adminArn: string;
  let readerArn: string;

  beforeAll(async () => {
    ({ ward, browser, close } = await startConsoleSuite());
    providerArn = (
      await ward.iam().send(new CreateSAMLProviderCommand({ Name: 'Corp', SAMLMetadataDocument: idp.metadata() }))
    ).SAMLProviderArn!;
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: providerArn },
          Action: 'sts:AssumeRoleWithSAML',
          Condition: { StringEquals: { 'SAML:aud': `${ward.url}/saml` } },
        },
      ],
    });
    const read = { read: policy({ Effect: 'Allow', Action: ['iam:GetAccountSummary', 'iam:List*'], Resource: '*' }) };
    adminArn = await createRole(ward, 'Admin', trust, read);
    readerArn = await createRole(ward, 'Reader', trust, read);
  }, 60_000);
  afterAll(() => close?.());

  it('shows the role picker for two roles, and lands in the console as the chosen role', async () => {
    const { page } = await newPage(browser);
    const samlResponse = idp.response({
      roles: [`${adminArn},${providerArn}`, `${readerArn},${providerArn}`],
      sessionName: 'alice@example.com',
      recipient: `${ward.url}/saml`,
      audience: `${ward.url}/saml`,
    });
    await page.setContent(idpPage(`${ward.url}/saml`, samlResponse));
    await page.getByRole('button', { name: 'Continue to Ward' }).click();
    await page.waitForURL(`${ward.url}/saml`);
    await expect(page.getByRole('heading', { name: 'Select a role' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(`Account: ${ward.accountId}`).isVisible()).resolves.toBe(true);
    await screenshot(page, 'console-saml-role-picker');
    await page.getByLabel('Reader', { exact: true }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/console\/home$/);
    await expect(page.getByTestId('identity').textContent()).resolves.toBe(
      `Reader/alice@example.com @ ${ward.accountId}`,
    );
    // The session acts as the role: the dashboard's counts come from its own GetAccountSummary.
    await expect(page.getByRole('heading', { name: 'IAM resources' }).isVisible()).resolves.toBe(true);
    await page.goto(`${ward.url}/console/roles`);
    await expect(page.getByRole('link', { name: 'Admin' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'console-saml-signed-in');
    // Every page answers a role session (no user or root behind it), and signing out ends it.
    for (const path of ['/console/security-credentials', '/console/users', '/console/account-settings']) {
      const answer = await page.goto(`${ward.url}${path}`);
      expect(answer!.status(), path).toBeLessThan(500);
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/console\/signin/);
    await page.goto(`${ward.url}/console/home`);
    await page.waitForURL(/\/console\/signin/);
  });

  it('refuses a tampered response, and a replay of one already used', async () => {
    const { page } = await newPage(browser);
    const single = idp.response({
      roles: [`${adminArn},${providerArn}`],
      recipient: `${ward.url}/saml`,
      audience: `${ward.url}/saml`,
    });
    await page.setContent(idpPage(`${ward.url}/saml`, single));
    await page.getByRole('button', { name: 'Continue to Ward' }).click();
    // One role on offer: no picker, straight in.
    await page.waitForURL(/\/console\/home$/);
    await expect(page.getByTestId('identity').textContent()).resolves.toBe(
      `Admin/alice@example.com @ ${ward.accountId}`,
    );

    const { page: other } = await newPage(browser);
    await other.setContent(idpPage(`${ward.url}/saml`, single));
    await other.getByRole('button', { name: 'Continue to Ward' }).click();
    await other.waitForURL(`${ward.url}/saml`);
    await expect(
      other.getByText('This SAML assertion has already been used to assume this role.').isVisible(),
    ).resolves.toBe(true);

    const forged = Buffer.from(
      idp
        .responseXml({
          roles: [`${readerArn},${providerArn}`],
          recipient: `${ward.url}/saml`,
          audience: `${ward.url}/saml`,
        })
        .replace('role/Reader', 'role/Admin'),
    ).toString('base64');
    await other.setContent(idpPage(`${ward.url}/saml`, forged));
    await other.getByRole('button', { name: 'Continue to Ward' }).click();
    await other.waitForURL(`${ward.url}/saml`);
    await expect(other.getByText(/Your request included an invalid SAML response/).isVisible()).resolves.toBe(true);
    await expect(other.getByTestId('identity').count()).resolves.toBe(0);
  });

  it('takes an encrypted assertion at the provider’s own ACS URL (/saml/acs/<SAMLProviderUUID>), picker included', async () => {
    const sp = selfSignedPair('sp');
    const sealed = new TestIdp('https://sealed-idp.example.com/saml');
    const arn = (
      await ward.iam().send(
        new CreateSAMLProviderCommand({
          Name: 'Sealed',
          SAMLMetadataDocument: sealed.metadata(),
          AddPrivateKey: sp.key,
          AssertionEncryptionMode: 'Required',
        }),
      )
    ).SAMLProviderArn!;
    try {
      const uuid = (await ward.iam().send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }))).SAMLProviderUUID!;
      const acs = `${ward.url}/saml/acs/${uuid}`;
      const trust = JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Federated: arn }, Action: 'sts:AssumeRoleWithSAML' }],
      });
      const ops = await createRole(ward, 'SealedOps', trust);
      const audit = await createRole(ward, 'SealedAudit', trust);
      const response = (recipient: string) =>
        sealed.response({
          roles: [`${ops},${arn}`, `${audit},${arn}`],
          sessionName: 'bob@example.com',
          recipient,
          audience: `${ward.url}/saml`,
          encryptFor: sp.cert,
        });
      const { page } = await newPage(browser);
      // At /saml its Role attribute cannot be read: nothing is offered.
      await page.setContent(idpPage(`${ward.url}/saml`, response(`${ward.url}/saml`)));
      await page.getByRole('button', { name: 'Continue to Ward' }).click();
      await page.waitForURL(`${ward.url}/saml`);
      await expect(page.getByText(/Your request included an invalid SAML response/).isVisible()).resolves.toBe(true);
      // Another provider's ACS URL does not open it either.
      const other = (await ward.iam().send(new GetSAMLProviderCommand({ SAMLProviderArn: providerArn })))
        .SAMLProviderUUID!;
      await page.setContent(idpPage(`${ward.url}/saml/acs/${other}`, response(acs)));
      await page.getByRole('button', { name: 'Continue to Ward' }).click();
      await page.waitForURL(`${ward.url}/saml/acs/${other}`);
      await expect(page.getByText(/Your request included an invalid SAML response/).isVisible()).resolves.toBe(true);

      await page.setContent(idpPage(acs, response(acs)));
      await page.getByRole('button', { name: 'Continue to Ward' }).click();
      await page.waitForURL(acs);
      await expect(page.getByRole('heading', { name: 'Select a role' }).isVisible()).resolves.toBe(true);
      await page.getByLabel('SealedAudit', { exact: true }).check();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/console\/home$/);
      await expect(page.getByTestId('identity').textContent()).resolves.toBe(
        `SealedAudit/bob@example.com @ ${ward.accountId}`,
      );
    } finally {
      await ward.iam().send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arn }));
    }
  });

  it('lists SAML providers on the Identity providers page, and adds one from its metadata', async () => {
    const root = await rootPage(browser, ward);
    await root.goto(`${ward.url}/console/identity-providers`);
    await expect(root.getByRole('cell', { name: 'Corp' }).isVisible()).resolves.toBe(true);
    const other = new TestIdp('https://other-idp.example.com/saml');
    await root.getByLabel('SAML provider name').fill('Other');
    await root.getByLabel('Metadata document').fill(other.metadata());
    await root.getByRole('button', { name: 'Add SAML provider' }).click();
    await root.waitForURL(/notice=/);
    const arns = (await ward.iam().send(new ListSAMLProvidersCommand({}))).SAMLProviderList!.map((p) => p.Arn);
    expect(arns).toEqual([providerArn, `arn:aws:iam::${ward.accountId}:saml-provider/Other`]);
    await root.getByLabel('SAML provider name').fill('Broken');
    await root.getByLabel('Metadata document').fill(`<x>${'y'.repeat(1000)}</x>`);
    await root.getByRole('button', { name: 'Add SAML provider' }).click();
    await expect(root.getByText('Could not parse metadata.').isVisible()).resolves.toBe(true);

    // Its page: the summary and metadata; a broken replacement is refused, deletion works.
    await root.goto(`${ward.url}/console/identity-providers`);
    await root.getByRole('link', { name: 'Other', exact: true }).click();
    await expect(root.getByText(`arn:aws:iam::${ward.accountId}:saml-provider/Other`).isVisible()).resolves.toBe(true);
    await root.getByLabel('Metadata document').fill(`<x>${'y'.repeat(1000)}</x>`);
    await root.getByRole('button', { name: 'Replace metadata' }).click();
    await expect(root.getByText('Could not parse metadata.').isVisible()).resolves.toBe(true);
    await root.getByRole('button', { name: 'Delete provider' }).click();
    await root.waitForURL(/\/console\/identity-providers\?notice=/);
    expect((await ward.iam().send(new ListSAMLProvidersCommand({}))).SAMLProviderList!.map((p) => p.Arn)).toEqual([
      providerArn,
    ]);

    // The create-role wizard's "SAML 2.0 federation" writes the trust policy AWS's console writes.
    await root.goto(`${ward.url}/console/roles/create`);
    await root.getByLabel('SAML 2.0 federation').check();
    await root.getByLabel('SAML 2.0-based provider').selectOption({ value: providerArn });
    await root.getByRole('button', { name: 'Next' }).click();
    const trust = JSON.parse(await root.getByLabel('Trust policy').inputValue()) as { Statement: unknown[] };
    expect(trust.Statement[0]).toEqual({
      Effect: 'Allow',
      Principal: { Federated: providerArn },
      Action: 'sts:AssumeRoleWithSAML',
      Condition: { StringEquals: { 'SAML:aud': ['https://signin.aws.amazon.com/saml', `${ward.url}/saml`] } },
    });
  });
});
