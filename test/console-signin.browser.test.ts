import {
  CreateAccountAliasCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
} from '@aws-sdk/client-iam';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  currentStep,
  stepWithTimeToSpare,
  newPage,
  screenshot,
  signInAsRoot,
  signInAsUser,
  totpCode,
  startConsoleSuite,
} from './support/browser.js';
import { ROOT_EMAIL, ROOT_PASSWORD, type TestWard } from './support/ward.js';

describe('console sign-in in Chromium', () => {
  let ward: TestWard;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    ({ ward, browser, close: closeBrowser } = await startConsoleSuite());
  });
  afterAll(() => closeBrowser?.());

  it('root without MFA signs in with email and password, is prompted to assign MFA, and may skip', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${ward.url}/console`);
    expect(await page.title()).toBe('Sign in | Ward IAM');
    await screenshot(page, 'sign-in');
    await signInAsRoot(page, ward.url, ROOT_EMAIL, ROOT_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/console/register-mfa');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Assign MFA to the root user');
    await page.getByRole('link', { name: 'Skip for now' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/home');
    expect(await page.getByTestId('account-id').textContent()).toBe(ward.accountId);
    expect(await page.getByTestId('identity').textContent()).toContain(ROOT_EMAIL);
    await screenshot(page, 'dashboard');
    const cookie = (await context.cookies()).find((c) => c.name === 'ward_console');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/console', secure: false });
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/signin');
    await page.goto(`${ward.url}/console/home`);
    expect(new URL(page.url()).pathname).toBe('/console/signin');
    await context.close();
  });

  it('root with MFA must give a code computed from its seed', async () => {
    const iam = ward.iam();
    const device = await iam.send(
      new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'root-account-mfa-device' }),
    );
    const seed = Buffer.from(device.VirtualMFADevice!.Base32StringSeed!).toString('utf8');
    const step = await stepWithTimeToSpare();
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'root',
        SerialNumber: device.VirtualMFADevice!.SerialNumber!,
        AuthenticationCode1: totpCode(seed, step - 1),
        AuthenticationCode2: totpCode(seed, step),
      }),
    );
    try {
      const { context, page } = await newPage(browser);
      await signInAsRoot(page, ward.url, ROOT_EMAIL, ROOT_PASSWORD);
      expect(new URL(page.url()).pathname).toBe('/console/mfa');
      await screenshot(page, 'sign-in-mfa');
      await page.getByLabel('MFA code').fill(totpCode(seed, step + 5));
      await page.getByRole('button', { name: 'Submit' }).click();
      expect(await page.getByRole('alert').textContent()).toContain('Your authentication information is incorrect');
      await page.getByLabel('MFA code').fill(totpCode(seed, currentStep() + 1));
      await page.getByRole('button', { name: 'Submit' }).click();
      expect(new URL(page.url()).pathname).toBe('/console/home');
      expect(await page.getByText('The root user has MFA.').isVisible()).toBe(true);
      await context.close();
    } finally {
      const { DeactivateMFADeviceCommand, DeleteVirtualMFADeviceCommand } = await import('@aws-sdk/client-iam');
      await iam.send(new DeactivateMFADeviceCommand({ SerialNumber: device.VirtualMFADevice!.SerialNumber! }));
      await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.VirtualMFADevice!.SerialNumber! }));
    }
  });

  it('an IAM user signs in through the account-alias URL and must change a password flagged for reset', async () => {
    const iam = ward.iam();
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'ward-signin-test' }));
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    await iam.send(
      new CreateLoginProfileCommand({ UserName: 'alice', Password: 'First-passw0rd!', PasswordResetRequired: true }),
    );
    const { UpdateAccountPasswordPolicyCommand } = await import('@aws-sdk/client-iam');
    await iam.send(
      new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 12, AllowUsersToChangePassword: true }),
    );
    const { context, page } = await newPage(browser);
    await page.goto(`${ward.url}/console/ward-signin-test`);
    expect(new URL(page.url()).searchParams.get('account')).toBe('ward-signin-test');
    expect(await page.getByLabel('Account ID (12 digits) or account alias').inputValue()).toBe('ward-signin-test');
    await page.getByLabel('IAM user name').fill('alice');
    await page.getByLabel('Password', { exact: true }).fill('First-passw0rd!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/change-password');
    // The rest of the console stays closed until the password is changed.
    await page.goto(`${ward.url}/console/home`);
    expect(new URL(page.url()).pathname).toBe('/console/change-password');
    await page.getByLabel('Current password').fill('First-passw0rd!');
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Confirm new password').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Password should have a minimum length of 12');
    await screenshot(page, 'change-password-required');
    await page.getByLabel('Current password').fill('First-passw0rd!');
    await page.getByLabel('New password', { exact: true }).fill('Second-passw0rd!');
    await page.getByLabel('Confirm new password').fill('Second-passw0rd!');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/home');
    expect(await page.getByTestId('identity').textContent()).toContain('alice @ ward-signin-test');
    await context.close();

    const again = await newPage(browser);
    await signInAsUser(again.page, ward.url, ward.accountId, 'alice', 'Second-passw0rd!');
    expect(new URL(again.page.url()).pathname).toBe('/console/home');
    await again.context.close();
  });

  it('answers an unknown user and a wrong password alike, and locks an identity after five failures', async () => {
    const { context, page } = await newPage(browser);
    await signInAsUser(page, ward.url, ward.accountId, 'nobody-here', 'whatever-Passw0rd');
    const unknown = await page.getByRole('alert').textContent();
    await signInAsUser(page, ward.url, ward.accountId, 'alice', 'wrong-Passw0rd');
    const wrong = await page.getByRole('alert').textContent();
    expect(unknown).toBe('Your authentication information is incorrect. Please try again.');
    expect(wrong).toBe(unknown);
    for (let i = 0; i < 4; i++) await signInAsUser(page, ward.url, ward.accountId, 'alice', 'wrong-Passw0rd');
    // Locked now: even the right password is refused, with the lockout message.
    await signInAsUser(page, ward.url, ward.accountId, 'alice', 'Second-passw0rd!');
    expect(await page.getByRole('alert').textContent()).toContain('Too many failed sign-in attempts');
    // An unknown identity locks the same way, so a lockout reveals nothing.
    for (let i = 0; i < 5; i++) await signInAsUser(page, ward.url, ward.accountId, 'ghost', 'wrong-Passw0rd');
    await signInAsUser(page, ward.url, ward.accountId, 'ghost', 'wrong-Passw0rd');
    expect(await page.getByRole('alert').textContent()).toContain('Too many failed sign-in attempts');
    await context.close();
  });

  it('refuses a form post without the CSRF token', async () => {
    const response = await fetch(`${ward.url}/console/signin/root`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: ROOT_EMAIL, password: ROOT_PASSWORD }),
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie') ?? '').not.toContain('ward_console=');
  });
});
