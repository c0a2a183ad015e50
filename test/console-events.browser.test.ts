import { ListUsersCommand } from '@aws-sdk/client-iam';
import { CreateAccountCommand, CreateOrganizationCommand } from '@aws-sdk/client-organizations';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, signInAsRoot, startConsoleSuite } from './support/browser.js';
import { orgs } from './support/organizations.js';
import { ROOT_EMAIL, ROOT_PASSWORD, type TestWard } from './support/ward.js';

describe('the event history page', () => {
  let ward: TestWard;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    ({ ward, browser, close: closeBrowser } = await startConsoleSuite());
    await orgs(ward).send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    await orgs(ward).send(new CreateAccountCommand({ AccountName: 'audited', Email: 'audited@example.com' }));
    // More than a page of events, so the list paginates.
    for (let i = 0; i < 55; i++) await ward.iam().send(new ListUsersCommand({}));
  });
  afterAll(() => closeBrowser?.());

  it('lists console sign-ins and API calls, filters by event name, paginates and shows the record', async () => {
    const { context, page } = await newPage(browser);
    await signInAsRoot(page, ward.url, ROOT_EMAIL, ROOT_PASSWORD);
    await page.goto(`${ward.url}/console/events`);
    const names = async () => page.getByTestId('events').locator('tbody tr td:first-child').allTextContents();
    const first = await names();
    expect(first).toHaveLength(50);
    // Newest first: the sign-in is among the latest (Chromium's own /favicon.ico request may be logged after it).
    expect(first.slice(0, 3)).toContain('ConsoleLogin');
    await screenshot(page, 'events');

    await page.getByRole('link', { name: 'Next page' }).click();
    const second = await names();
    expect(second).toContain('CreateAccount');
    expect(second).toContain('CreateOrganization');

    await page.getByLabel('Lookup attribute').selectOption('EventName');
    await page.getByLabel('Attribute value').fill('CreateAccount');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(new URL(page.url()).searchParams.get('token')).toBeNull();
    expect(await names()).toEqual(['CreateAccount']);
    await page.getByTestId('events').getByRole('link', { name: 'CreateAccount' }).click();
    const record = JSON.parse((await page.getByTestId('event-record').textContent()) ?? '{}');
    expect(record).toMatchObject({
      eventName: 'CreateAccount',
      eventSource: 'organizations.amazonaws.com',
      requestParameters: { accountName: expect.any(String) },
    });
    await screenshot(page, 'events-detail');

    // A time range that ends before anything happened finds nothing.
    await page.goto(`${ward.url}/console/events?attribute=EventName&value=ConsoleLogin&end=2020-01-01T00:00`);
    expect(await page.getByText('No events match.').isVisible()).toBe(true);
    await page.goto(`${ward.url}/console/events?attribute=EventName&value=ConsoleLogin`);
    expect(await names()).toEqual(['ConsoleLogin']);
    await context.close();
  });
});
