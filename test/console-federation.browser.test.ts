import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshot, startConsoleSuite } from './support/browser.js';
import { policy, userWithKey } from './support/users.js';
import type { Credentials, TestWard } from './support/ward.js';

/** The federation endpoint in Chromium: the sign-in URL an identity broker (aws-vault login) opens. */
describe('federation sign-in to the console in Chromium', () => {
  let ward: TestWard;
  let browser: Browser;
  let close: () => Promise<void>;
  let broker: Credentials;

  beforeAll(async () => {
    ({ ward, browser, close } = await startConsoleSuite());
    broker = await userWithKey(ward, 'broker', {
      assume: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
    });
    await ward.iam().send(
      new CreateRoleCommand({
        RoleName: 'Broker',
        AssumeRolePolicyDocument: JSON.stringify(
          policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ward.accountId}:root` }, Action: 'sts:AssumeRole' }), // prettier-ignore
        ),
      }),
    );
    await ward.iam().send(
      new PutRolePolicyCommand({
        RoleName: 'Broker',
        PolicyName: 'read',
        PolicyDocument: JSON.stringify(policy({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' })),
      }),
    );
  }, 60_000);
  afterAll(() => close?.());

  it('opens the console as the role from a getSigninToken/login URL, at the Destination page', async () => {
    // The broker's side: an IAM user's keys assume the role, then ask for a token.
    const creds = (
      await ward
        .sts(broker)
        .send(
          new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ward.accountId}:role/Broker`, RoleSessionName: 'vault' }),
        )
    ).Credentials!;
    const session = JSON.stringify({
      sessionId: creds.AccessKeyId,
      sessionKey: creds.SecretAccessKey,
      sessionToken: creds.SessionToken,
    });
    const res = await fetch(`${ward.url}/federation?Action=getSigninToken&SessionDuration=3600&Session=${encodeURIComponent(session)}`); // prettier-ignore
    const { SigninToken } = (await res.json()) as { SigninToken: string };
    const { page } = await newPage(browser);
    await page.goto(
      `${ward.url}/federation?Action=login&Issuer=vault&Destination=${encodeURIComponent(`${ward.url}/console/roles`)}&SigninToken=${encodeURIComponent(SigninToken)}`, // prettier-ignore
    );
    await page.waitForURL(/\/console\/roles$/);
    await expect(page.getByTestId('identity').textContent()).resolves.toBe(`Broker/vault @ ${ward.accountId}`);
    await expect(page.getByRole('link', { name: 'Broker' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'console-federation-signed-in');
    // The same URL again: the token was single-use.
    const { page: again } = await newPage(browser);
    const answer = await again.goto(
      `${ward.url}/federation?Action=login&Destination=${encodeURIComponent(`${ward.url}/console/home`)}&SigninToken=${encodeURIComponent(SigninToken)}`, // prettier-ignore
    );
    expect(answer!.status()).toBe(400);
    await again.goto(`${ward.url}/console/home`);
    await again.waitForURL(/\/console\/signin/);
  });
});
