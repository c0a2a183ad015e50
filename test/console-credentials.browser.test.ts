import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AccountClient, GetAccountInformationCommand } from '@aws-sdk/client-account';
import {
  CreateLoginProfileCommand,
  CreateUserCommand,
  GetLoginProfileCommand,
  ListAccessKeysCommand,
  ListAccountAliasesCommand,
  ListMFADevicesCommand,
  ListSSHPublicKeysCommand,
  ListSigningCertificatesCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  currentStep,
  stepWithTimeToSpare,
  launchBrowser,
  newPage,
  screenshot,
  signInAsRoot,
  signInAsUser,
  totpCode,
  startConsoleSuite,
} from './support/browser.js';
import { ROOT_EMAIL, ROOT_PASSWORD, type TestWard, caught, startTestWard } from './support/ward.js';

const USER = 'kate';
const PASSWORD = 'Kate-passw0rd-123!';

/** Self-service rights on one's own credentials, as AWS's IAMUserChangePassword-style policies grant them. */
function selfServicePolicy(accountId: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: [
          'iam:GetUser',
          'iam:GetLoginProfile',
          'iam:ChangePassword',
          'iam:*AccessKey*',
          'iam:*MFADevice*',
          'iam:*SigningCertificate*',
          'iam:*SSHPublicKey*',
        ],
        Resource: [`arn:aws:iam::${accountId}:user/${USER}`, `arn:aws:iam::${accountId}:mfa/*`],
      },
    ],
  });
}

/** An OpenSSH `ssh-ed25519 …` public key line. */
function sshPublicKey(): string {
  const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  const field = (b: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(b.length);
    return Buffer.concat([length, b]);
  };
  return `ssh-ed25519 ${Buffer.concat([field(Buffer.from('ssh-ed25519')), field(Buffer.from(jwk.x!, 'base64url'))]).toString('base64')} kate@laptop`;
}

/** The one-time code of the newest outbox message to `to`. */
function otpSentTo(dataDir: string, to: string): string {
  const dir = join(dataDir, 'outbox');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .reverse()) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (!text.includes(`To: <${to}>`)) continue;
    const code = /verification code: ([0-9]{6})/.exec(text)?.[1];
    if (code) return code;
  }
  throw new Error(`no outbox message to ${to}`);
}

describe('console: my security credentials in Chromium', () => {
  let ward: TestWard;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    ({ ward, browser, close: closeBrowser } = await startConsoleSuite());
    const iam = ward.iam();
    await iam.send(new CreateUserCommand({ UserName: USER }));
    await iam.send(new CreateLoginProfileCommand({ UserName: USER, Password: PASSWORD }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: USER,
        PolicyName: 'self-service',
        PolicyDocument: selfServicePolicy(ward.accountId),
      }),
    );
  });
  afterAll(() => closeBrowser?.());

  async function userPage(): Promise<{ page: Page; close(): Promise<void> }> {
    const { context, page } = await newPage(browser);
    page.on('dialog', (d) => void d.accept());
    await signInAsUser(page, ward.url, ward.accountId, USER, PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/console/home');
    await page.goto(`${ward.url}/console/security-credentials`);
    return { page, close: () => context.close() };
  }

  it('creates access keys up to the limit, downloads the CSV, uses, deactivates and deletes a key', async () => {
    const { page, close } = await userPage();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My security credentials');

    await page.getByRole('button', { name: 'Create access key' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Retrieve access keys');
    const keyId = (await page.getByTestId('new-access-key-id').textContent())!.trim();
    const secret = (await page.getByTestId('new-secret-access-key').textContent())!.trim();
    expect(keyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    await page.getByText('Show', { exact: true }).click();
    await screenshot(page, 'access-key-created');
    // The secret is in this page only: never in the URL.
    expect(page.url()).not.toContain(secret);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download .csv file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${USER}_accessKeys.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toBe(`Access key ID,Secret access key\n${keyId},${secret}\n`);

    const identity = await ward
      .sts({ accessKeyId: keyId, secretAccessKey: secret })
      .send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(`arn:aws:iam::${ward.accountId}:user/${USER}`);

    await page.getByRole('link', { name: 'Done' }).click();
    expect(await page.getByRole('button', { name: 'Create access key' }).isDisabled()).toBe(false);
    await page.getByRole('button', { name: 'Create access key' }).click();
    const second = (await page.getByTestId('new-access-key-id').textContent())!.trim();
    await page.getByRole('link', { name: 'Done' }).click();

    // Two keys: the button is disabled and the page says why, in IAM's words.
    expect(await page.getByRole('button', { name: 'Create access key' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('access-key-limit').textContent()).toBe(
      'Cannot exceed quota for AccessKeysPerUser: 2',
    );
    expect(await page.locator(`tr[data-key="${second}"]`).textContent()).toContain('Never');
    // The first key's use shows as last used: date, service and region.
    await expect
      .poll(async () => {
        await page.reload();
        return page.locator(`tr[data-key="${keyId}"]`).textContent();
      })
      .toMatch(/sts.*us-east-1/);
    await screenshot(page, 'security-credentials');

    await page.locator(`tr[data-key="${keyId}"]`).getByRole('button', { name: 'Deactivate' }).click();
    expect(await page.getByRole('status').first().textContent()).toContain(`Access key ${keyId} deactivated.`);
    expect(await page.locator(`tr[data-key="${keyId}"]`).textContent()).toContain('Inactive');
    const refused = await caught(() =>
      ward.sts({ accessKeyId: keyId, secretAccessKey: secret }).send(new GetCallerIdentityCommand({})),
    );
    expect(refused.name).toMatch(/InvalidClientTokenId|AccessDenied/);

    await page.locator(`tr[data-key="${keyId}"]`).getByRole('button', { name: 'Activate' }).click();
    expect(await page.locator(`tr[data-key="${keyId}"]`).textContent()).toContain('Active');
    await page.locator(`tr[data-key="${keyId}"]`).getByRole('button', { name: 'Delete' }).click();
    expect(await page.getByRole('status').first().textContent()).toContain(`Access key ${keyId} deleted.`);
    const listed = await ward.iam().send(new ListAccessKeysCommand({ UserName: USER }));
    expect(listed.AccessKeyMetadata!.map((k) => k.AccessKeyId)).toEqual([second]);
    expect(await page.getByRole('button', { name: 'Create access key' }).isDisabled()).toBe(false);
    await close();
  });

  it('assigns a virtual MFA device from the seed on the page, then signing in asks for a code', async () => {
    const { page, close } = await userPage();
    await page.getByRole('link', { name: 'Assign MFA device' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/security-credentials/mfa');
    expect(await page.getByLabel('Device name').inputValue()).toBe(USER);
    await page.getByRole('button', { name: 'Next' }).click();
    // Abandon that set-up and start again under the same name: the unassigned device does not block it.
    await page.goto(`${ward.url}/console/security-credentials/mfa`);
    await page.getByRole('button', { name: 'Next' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Set up device');
    expect(
      await page
        .getByRole('img', { name: 'QR code for the virtual MFA device' })
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    await page.getByText('Show secret key').click();
    await screenshot(page, 'mfa-assign');
    const seed = (await page.getByTestId('mfa-seed').textContent())!.trim();
    expect(seed).toMatch(/^[A-Z2-7]+=*$/);

    await page.getByLabel('MFA code 1').fill('000000');
    await page.getByLabel('MFA code 2').fill('000000');
    await page.getByRole('button', { name: 'Add MFA' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('InvalidAuthenticationCode');
    expect((await page.getByTestId('mfa-seed').textContent())!.trim()).toBe(seed);

    const step = await stepWithTimeToSpare();
    await page.getByLabel('MFA code 1').fill(totpCode(seed, step - 1));
    await page.getByLabel('MFA code 2').fill(totpCode(seed, step));
    await page.getByRole('button', { name: 'Add MFA' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/security-credentials');
    expect(await page.getByRole('status').first().textContent()).toContain('MFA device assigned.');
    const serial = `arn:aws:iam::${ward.accountId}:mfa/${USER}`;
    expect(await page.locator('#mfa').textContent()).toContain(serial);
    const devices = await ward.iam().send(new ListMFADevicesCommand({ UserName: USER }));
    expect(devices.MFADevices!.map((d) => d.SerialNumber)).toEqual([serial]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAsUser(page, ward.url, ward.accountId, USER, PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/console/mfa');
    await page.getByLabel('MFA code').fill(totpCode(seed, currentStep() + 1));
    await page.getByRole('button', { name: 'Submit' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/home');

    // Remove: deactivated and deleted, as AWS's console does.
    await page.goto(`${ward.url}/console/security-credentials`);
    await page.locator('#mfa').getByRole('button', { name: 'Remove' }).click();
    expect(await page.getByRole('status').first().textContent()).toContain('MFA device removed.');
    expect((await ward.iam().send(new ListMFADevicesCommand({ UserName: USER }))).MFADevices).toEqual([]);
    await close();
  });

  it('uploads, deactivates and deletes a signing certificate and an SSH public key', async () => {
    const { page, close } = await userPage();
    const iam = ward.iam();
    await page.getByText('Upload X.509 certificate').click();
    await page
      .getByLabel('Certificate body')
      .fill(readFileSync(new URL('./fixtures/signing-cert.pem', import.meta.url), 'utf8'));
    await page.locator('#signing-certificates').getByRole('button', { name: 'Upload' }).click();
    expect(await page.getByRole('status').first().textContent()).toContain('Signing certificate uploaded.');
    const [cert] = (await iam.send(new ListSigningCertificatesCommand({ UserName: USER }))).Certificates!;
    expect(await page.locator('#signing-certificates').textContent()).toContain(cert!.CertificateId);
    await page.locator('#signing-certificates').getByRole('button', { name: 'Deactivate' }).click();
    expect((await iam.send(new ListSigningCertificatesCommand({ UserName: USER }))).Certificates![0]!.Status).toBe(
      'Inactive',
    );

    await page.getByText('Upload SSH public key').click();
    await page.getByLabel('SSH public key body').fill(sshPublicKey());
    await page.locator('#ssh-keys').getByRole('button', { name: 'Upload' }).click();
    expect(await page.getByRole('status').first().textContent()).toContain('SSH public key uploaded.');
    const [key] = (await iam.send(new ListSSHPublicKeysCommand({ UserName: USER }))).SSHPublicKeys!;
    await page.locator('#ssh-keys').getByRole('button', { name: 'Deactivate' }).click();
    expect((await iam.send(new ListSSHPublicKeysCommand({ UserName: USER }))).SSHPublicKeys![0]).toMatchObject({
      SSHPublicKeyId: key!.SSHPublicKeyId,
      Status: 'Inactive',
    });

    // A body that is not a certificate: IAM's error, shown on the page.
    await page.getByText('Upload X.509 certificate').click();
    await page.getByLabel('Certificate body').fill('not a certificate');
    await page.locator('#signing-certificates').getByRole('button', { name: 'Upload' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/certificate/i);

    await page.locator('#signing-certificates').getByRole('button', { name: 'Delete' }).click();
    await page.locator('#ssh-keys').getByRole('button', { name: 'Delete' }).click();
    expect((await iam.send(new ListSigningCertificatesCommand({ UserName: USER }))).Certificates).toEqual([]);
    expect((await iam.send(new ListSSHPublicKeysCommand({ UserName: USER }))).SSHPublicKeys).toEqual([]);
    await close();
  });

  it('an administrator manages another user\u2019s console access on the user\u2019s Security credentials tab', async () => {
    await ward.iam().send(new CreateUserCommand({ UserName: 'lee' }));
    const { context, page } = await newPage(browser);
    await signInAsRoot(page, ward.url, ROOT_EMAIL, ROOT_PASSWORD);
    await page.goto(`${ward.url}/console/users/lee/security-credentials`);
    expect(
      await page.getByRole('link', { name: 'Security credentials', exact: true }).getAttribute('aria-current'),
    ).toBe('page');
    expect(await page.getByTestId('console-access').textContent()).toBe('Disabled');
    await page.getByText('Enable console access', { exact: true }).first().click();
    await page.getByLabel('Custom password').fill('Lee-passw0rd-123!');
    await page.getByRole('button', { name: 'Enable console access' }).click();
    expect(await page.getByTestId('console-access').textContent()).toBe('Enabled');
    const profile = await ward.iam().send(new GetLoginProfileCommand({ UserName: 'lee' }));
    expect(profile.LoginProfile!.PasswordResetRequired).toBe(true);
    await page.getByRole('button', { name: 'Create access key' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download .csv file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('lee_accessKeys.csv');
    expect((await ward.iam().send(new ListAccessKeysCommand({ UserName: 'lee' }))).AccessKeyMetadata).toHaveLength(1);
    await context.close();
  });

  it('root changes the account name, alias and primary email (confirmed through the outbox)', async () => {
    const { context, page } = await newPage(browser);
    await signInAsRoot(page, ward.url, ROOT_EMAIL, ROOT_PASSWORD);
    await page.goto(`${ward.url}/console/security-credentials`);
    // Root has no SSH keys on AWS.
    expect(await page.locator('#ssh-keys').count()).toBe(0);

    await page.getByLabel('Account name').fill('Ward Credentials Test');
    await page.getByRole('button', { name: 'Update account name' }).click();
    expect(await page.getByTestId('account-name').textContent()).toBe('Ward Credentials Test');
    const account = new AccountClient({
      endpoint: ward.url,
      region: 'us-east-1',
      credentials: ward.root,
      maxAttempts: 1,
    });
    expect((await account.send(new GetAccountInformationCommand({}))).AccountName).toBe('Ward Credentials Test');

    await page.getByLabel('Preferred alias').fill('ward-creds-test');
    await page.getByRole('button', { name: 'Create alias' }).click();
    expect(await page.getByTestId('account-alias').textContent()).toBe('ward-creds-test');
    expect((await ward.iam().send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(['ward-creds-test']);

    await page.getByLabel('New email address').fill('owner@example.com');
    await page.getByRole('button', { name: 'Send verification code' }).click();
    expect(await page.getByRole('status').first().textContent()).toContain(
      'We sent a verification code to owner@example.com.',
    );
    await page.getByLabel('Verification code').fill(otpSentTo(ward.dataDir, 'owner@example.com'));
    await page.getByRole('button', { name: 'Confirm email address' }).click();
    expect(await page.getByTestId('account-email').textContent()).toBe('owner@example.com');
    await screenshot(page, 'security-credentials-root');
    await context.close();
  });
});

describe('console: root required to register MFA', () => {
  it('assigns the root user its device through the flow the register-mfa stage allows, then reaches the console', async () => {
    const ward = await startTestWard({ console: { rootMfaSkippable: false } });
    const { browser, close } = await launchBrowser();
    try {
      const { page } = await newPage(browser);
      await signInAsRoot(page, ward.url, ROOT_EMAIL, ROOT_PASSWORD);
      expect(new URL(page.url()).pathname).toBe('/console/register-mfa');
      await page.getByRole('link', { name: 'Assign MFA' }).click();
      expect(await page.getByLabel('Device name').inputValue()).toBe('root-account-mfa-device');
      await page.getByRole('button', { name: 'Next' }).click();
      const seed = (await page.getByTestId('mfa-seed').textContent())!.trim();
      const step = await stepWithTimeToSpare();
      await page.getByLabel('MFA code 1').fill(totpCode(seed, step - 1));
      await page.getByLabel('MFA code 2').fill(totpCode(seed, step));
      await page.getByRole('button', { name: 'Add MFA' }).click();
      expect(new URL(page.url()).pathname).toBe('/console/security-credentials');
      expect(await page.locator('#mfa').textContent()).toContain(
        `arn:aws:iam::${ward.accountId}:mfa/root-account-mfa-device`,
      );
      await page.goto(`${ward.url}/console/home`);
      expect(await page.getByText('The root user has MFA.').isVisible()).toBe(true);
    } finally {
      await close();
      await ward.close();
    }
  });
});
