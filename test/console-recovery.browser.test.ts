import { CreateLoginProfileCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, screenshot, signInAsRoot, signInAsUser } from './support/browser.js';
import { ROOT_EMAIL, ROOT_PASSWORD, type TestWard, startTestWard } from './support/ward.js';

let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
});

describe('root password recovery through the outbox (emulator mode)', () => {
  let ward: TestWard;
  beforeAll(async () => {
    ward = await startTestWard({ emulator: true });
  });
  afterAll(async () => {
    await ward?.close();
  });

  it('sends a reset link to the outbox, which is readable signed out, and the new password works', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${ward.url}/console/signin?as=root`);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByLabel('Root user email address').fill(ROOT_EMAIL);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    expect(await page.getByText('Check your email').isVisible()).toBe(true);

    await page.goto(`${ward.url}/console/outbox`);
    expect(new URL(page.url()).pathname).toBe('/console/outbox');
    const row = page.getByTestId('outbox').getByRole('row').filter({ hasText: ROOT_EMAIL });
    expect(await row.count()).toBe(1);
    await screenshot(page, 'outbox');
    await row.getByRole('link', { name: 'Amazon Web Services Password Assistance' }).click();
    expect(await page.getByTestId('message-text').textContent()).toContain(`AWS account ${ward.accountId}`);
    const link = page.getByTestId('message-text').getByRole('link');
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${ward.url}/console/reset-password\\?token=`));
    await screenshot(page, 'outbox-message');
    await link.click();
    expect(new URL(page.url()).pathname).toBe('/console/reset-password');

    const newPassword = 'Recovered-Passw0rd!';
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm new password').fill(newPassword);
    await page.getByRole('button', { name: 'Reset password' }).click();
    expect(await page.getByText('Your password has been reset.').isVisible()).toBe(true);

    await signInAsRoot(page, ward.url, ROOT_EMAIL, ROOT_PASSWORD);
    expect(new URL(page.url()).pathname).toMatch(/^\/console\/signin/);
    expect(await page.getByRole('alert').textContent()).toMatch(/incorrect/i);

    await signInAsRoot(page, ward.url, ROOT_EMAIL, newPassword);
    expect(new URL(page.url()).pathname).toBe('/console/register-mfa');
    await context.close();
  });

  it("refuses message IDs that are not the outbox's", async () => {
    const { context, page } = await newPage(browser);
    const res = await page.goto(`${ward.url}/console/outbox/..%2F..%2Fetc%2Fpasswd`);
    expect(res?.status()).toBe(404);
    await context.close();
  });
});

describe('the outbox outside emulator mode', () => {
  let ward: TestWard;
  beforeAll(async () => {
    ward = await startTestWard();
  });
  afterAll(async () => {
    await ward?.close();
  });

  it('is not readable signed out, nor by an IAM user, but is by the operator', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${ward.url}/console/outbox`);
    expect(new URL(page.url()).pathname).toBe('/console/signin');
    expect(await page.getByTestId('outbox').count()).toBe(0);

    const iam = ward.iam();
    await iam.send(new CreateUserCommand({ UserName: 'bob' }));
    await iam.send(new CreateLoginProfileCommand({ UserName: 'bob', Password: 'Bob-passw0rd-123!' }));
    await signInAsUser(page, ward.url, ward.accountId, 'bob', 'Bob-passw0rd-123!');
    expect(new URL(page.url()).pathname).toBe('/console/home');
    expect(await page.getByRole('link', { name: 'Outbox' }).count()).toBe(0);
    const res = await page.goto(`${ward.url}/console/outbox`);
    expect(res?.status()).toBe(404);
    expect(await page.getByTestId('outbox').count()).toBe(0);
    await context.close();

    const operator = await newPage(browser);
    await signInAsRoot(operator.page, ward.url, ROOT_EMAIL, ROOT_PASSWORD);
    await operator.page.getByRole('link', { name: 'Skip for now' }).click();
    await operator.page.getByRole('link', { name: 'Outbox' }).click();
    expect(new URL(operator.page.url()).pathname).toBe('/console/outbox');
    expect(await operator.page.getByRole('heading', { level: 1 }).textContent()).toBe('Outbox');
    await operator.context.close();
  });
});
