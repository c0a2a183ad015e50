/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, signInAsRoot, startConsoleSuite } from './support/browser.js';
import { ROOT_EMAIL, ROOT_PASSWORD, type TestWard } from './support/ward.js';

/** Inputs a user can see that no <label> (or aria-label) names. */
async function unlabelledControls(page: Page): Promise<string[]> {
  return page.$$eval('input:not([type=hidden]), select, textarea', (controls) =>
    controls
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .filter((el) => {
        const labels = (el as HTMLInputElement).labels;
        return !(labels && labels.length > 0) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby');
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

describe('console craft: every page labelled, self-contained, usable by keyboard and at phone width', () => {
  let ward: TestWard;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  beforeAll(async () => {
    ({ ward, browser, close: closeBrowser } = await startConsoleSuite({ emulator: true }));
  });
  afterAll(() => closeBrowser?.());

  it('signs in with the keyboard alone', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${ward.url}/console/signin?as=root`);
    // The email field has focus on load: type, tab to the password, type, Enter.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
    await page.keyboard.type(ROOT_EMAIL);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    await page.keyboard.type(ROOT_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/console\/register-mfa$/);
    // The first Tab on a signed-in page reaches the skip link, which moves focus to the content.
    await page.goto(`${ward.url}/console/home`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });

  it('serves every nav page with labelled controls and no request leaving the console, at laptop and phone widths', async () => {
    for (const width of [1280, 390]) {
      const { context, page } = await newPage(browser, { width, height: 844 });
      const foreign: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(ward.url) && !r.url().startsWith('data:')) foreign.push(r.url());
      });
      await signInAsRoot(page, ward.url, ROOT_EMAIL, ROOT_PASSWORD);
      await page.goto(`${ward.url}/console/home`);
      const links = await page.$$eval('nav[aria-label="Identity and Access Management"] a', (as) =>
        as.map((a) => (a as HTMLAnchorElement).pathname),
      );
      expect(links.length).toBeGreaterThanOrEqual(10);
      for (const path of links) {
        const response = await page.goto(`${ward.url}${path}`);
        expect.soft(response?.status(), path).toBe(200);
        expect.soft(await unlabelledControls(page), path).toEqual([]);
        expect.soft(await page.locator('h1').count(), path).toBe(1);
        if (width < 500) {
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect.soft(overflow, `${path} scrolls sideways at ${width}px`).toBeLessThanOrEqual(1);
        }
      }
      if (width < 500) {
        await page.goto(`${ward.url}/console/home`);
        await screenshot(page, 'dashboard-phone');
      }
      expect(foreign).toEqual([]);
      await context.close();
    }
  }, 120_000);
});
