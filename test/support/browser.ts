import { mkdirSync } from 'node:fs';
import { TOTP } from 'otpauth';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { ROOT_EMAIL, ROOT_PASSWORD, type TestWard, type TestWardOptions, startTestWard } from './ward.js';

/** Debian's Chromium, headless, with nothing reaching out to the network. */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.WARD_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** A fresh browser context (its own cookies) at laptop width, with downloads accepted. */
export async function newPage(
  browser: Browser,
  options: { width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  return { context, page };
}

const SCREENSHOTS = new URL('../screenshots/', import.meta.url);

/** Saves a full-page PNG under test/screenshots/ (referenced from the README). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

/**
 * The code an authenticator app would show for `seed` (base32), for the time step after the
 * one given; Ward refuses a code whose step was already used, so tests take fresh steps.
 */
export function totpCode(seed: string, step: number): string {
  return new TOTP({ secret: seed, digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: step * 30_000 });
}

export function currentStep(): number {
  return Math.floor(Date.now() / 30_000);
}

/**
 * The current step, once at least `spareMs` of it remain: EnableMFADevice takes the codes of
 * steps n-1 and n only while the server is still in step n, and a browser round trip that
 * crosses the boundary would be refused, as AWS would refuse it.
 */
export async function stepWithTimeToSpare(spareMs = 8_000): Promise<number> {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < spareMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
  return currentStep();
}

/** Signs in as root with email and password on the console's sign-in page. */
export async function signInAsRoot(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/console/signin?as=root`);
  await page.getByLabel('Root user email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in as an IAM user on the console's sign-in page. */
export async function signInAsUser(
  page: Page,
  baseUrl: string,
  account: string,
  userName: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/console/signin?as=iam&account=${encodeURIComponent(account)}`);
  await page.getByLabel('IAM user name').fill(userName);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A Ward and a Chromium for one describe block; `close` stops both. */
export async function startConsoleSuite(
  options: TestWardOptions = {},
): Promise<{ ward: TestWard; browser: Browser; close(): Promise<void> }> {
  const ward = await startTestWard(options);
  const { browser, close } = await launchBrowser();
  return {
    ward,
    browser,
    async close() {
      await close();
      await ward.close();
    },
  };
}

/** A page signed in as the management root, past the MFA prompt, accepting confirmation dialogs. */
export async function rootPage(browser: Browser, ward: TestWard): Promise<Page> {
  const { page } = await newPage(browser);
  // Remove and Delete buttons ask for confirmation through console.js.
  page.on('dialog', (d) => void d.accept());
  await signInAsRoot(page, ward.url, ROOT_EMAIL, ROOT_PASSWORD);
  await page.waitForURL(/register-mfa/);
  return page;
}
