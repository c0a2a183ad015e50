import {
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteUserPolicyCommand,
  GetPolicyVersionCommand,
  GetUserCommand,
  ListRolesCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeRequest } from '../src/client/authorize.js';
import { signRequest } from '../src/sigv4/index.js';
import { newPage, screenshot, signInAsRoot, signInAsUser, startConsoleSuite } from './support/browser.js';
import { createRole, sessionCredentials, trustPolicy } from './support/sts.js';
import { policy, userWithKey } from './support/users.js';
import { AUTHORIZE_TOKEN, type Credentials, ROOT_EMAIL, ROOT_PASSWORD, type TestWard } from './support/ward.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('Generate policy from events (console)', () => {
  let ward: TestWard;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let roleArn: string;

  async function getObject(credentials: Credentials, key: string): Promise<boolean> {
    const path = `/media/${key}`;
    const signed = signRequest({
      method: 'GET',
      url: `http://storage.internal${path}`,
      headers: { 'x-amz-content-sha256': EMPTY_SHA256 },
      credentials,
      region: 'us-east-1',
      service: 's3',
    });
    return (
      await authorizeRequest({
        wardUrl: ward.url,
        token: AUTHORIZE_TOKEN,
        request: { method: 'GET', url: path, headers: signed.headers },
        action: 's3:GetObject',
        resource: `arn:aws:s3:::media/${key}`,
      })
    ).allowed;
  }

  beforeAll(async () => {
    ({ ward, browser, close: closeBrowser } = await startConsoleSuite());
    // The application's user: it reads users and one object; a temporary grant for the object is removed afterwards.
    const app = await userWithKey(ward, 'app', {
      Main: policy({ Effect: 'Allow', Action: ['iam:Get*', 'iam:ListUsers', 'iam:DeleteUser'], Resource: '*' }),
      Temp: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::media/*' }),
    });
    const iam = ward.iam(app);
    await iam.send(new GetUserCommand({ UserName: 'app' }));
    await iam.send(new ListUsersCommand({}));
    expect(await getObject(app, 'reports/a.csv')).toBe(true);
    await ward.iam().send(new DeleteUserPolicyCommand({ UserName: 'app', PolicyName: 'Temp' }));

    // A role used through two sessions.
    roleArn = await createRole(ward, 'worker', trustPolicy({ AWS: ward.accountId }), {
      Work: policy({ Effect: 'Allow', Action: ['iam:ListRoles', 'iam:ListUsers'], Resource: '*' }),
    });
    const assumer = await userWithKey(ward, 'assumer', {
      Assume: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }),
    });
    for (const name of ['first', 'second']) {
      const out = await ward.sts(assumer).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: name }));
      await ward.iam(sessionCredentials(out.Credentials)).send(new ListRolesCommand({}));
    }

    // A console user allowed to read users but not to generate policies.
    await ward.iam().send(new CreateUserCommand({ UserName: 'viewer' }));
    await ward.iam().send(new CreateLoginProfileCommand({ UserName: 'viewer', Password: 'Viewer-Passw0rd!' }));
    await ward.iam().send(
      new PutUserPolicyCommand({
        UserName: 'viewer',
        PolicyName: 'Read',
        PolicyDocument: JSON.stringify(
          policy({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 'cloudtrail:LookupEvents'], Resource: '*' }),
        ),
      }),
    );
    await ward.ward.flush();
  }, 60_000);
  afterAll(() => closeBrowser?.());

  it("shows a user's generated policy and its diff against the current policies", async () => {
    const { context, page } = await newPage(browser);
    await signInAsRoot(page, ward.url, ROOT_EMAIL, ROOT_PASSWORD);
    await page.goto(`${ward.url}/console/users/app`);
    await page.getByRole('link', { name: 'Generate policy' }).click();
    await page.getByLabel('Period').selectOption('1h');
    await page.getByRole('button', { name: 'Generate policy' }).click();

    const generated = JSON.parse((await page.getByTestId('generated-policy').textContent()) ?? '{}');
    expect(generated).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'IamAccess1',
          Effect: 'Allow',
          Action: ['iam:GetUser'],
          Resource: `arn:aws:iam::${ward.accountId}:user/app`,
        },
        {
          Sid: 'IamAccess2',
          Effect: 'Allow',
          Action: ['iam:ListUsers'],
          Resource: `arn:aws:iam::${ward.accountId}:user/`,
        },
        { Sid: 'S3Access1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::media/reports/a.csv' },
      ],
    });
    expect(await page.getByTestId('generation-summary').textContent()).toMatch(/^3 actions in 2 services, from 3 of/);
    // The object grant was removed after it was used: the simulator says the current policies no longer allow it.
    const notGranted = page.getByTestId('not-granted').locator('tbody tr');
    expect(await notGranted.allInnerTexts()).toEqual([
      expect.stringMatching(/s3:GetObject\s+arn:aws:s3:::media\/reports\/a\.csv\s+implicitDeny/),
    ]);
    // What Main grants and went unused: the rest of iam:Get*, and iam:DeleteUser.
    const unused = page.getByTestId('unused-grants').locator('tbody tr');
    const rows = await unused.allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/Main \(inline\)\s+iam:Get\*\s+\d+ actions/);
    expect(rows[1]).toMatch(/Main \(inline\)\s+iam:DeleteUser\s+iam:DeleteUser/);
    await unused.first().locator('summary').click();
    expect(await unused.first().textContent()).toContain('iam:GetRole');
    expect(await unused.first().textContent()).not.toContain('iam:GetUser,');
    await screenshot(page, 'generate-policy');

    // Access Analyzer's next step: the document becomes a customer managed policy.
    await page.getByLabel('Policy name').fill('app-least-privilege');
    await page.getByRole('button', { name: 'Create policy' }).click();
    expect(await page.getByText('Policy app-least-privilege created.').isVisible()).toBe(true);
    const stored = await ward.iam().send(
      new GetPolicyVersionCommand({
        PolicyArn: `arn:aws:iam::${ward.accountId}:policy/app-least-privilege`,
        VersionId: 'v1',
      }),
    );
    expect(JSON.parse(decodeURIComponent(stored.PolicyVersion!.Document!))).toEqual(generated);

    // The period is in the URL; one that ends before the activity finds none.
    await page.goto(
      `${ward.url}/console/users/app/generate-policy?generate=1&period=custom&start=2020-01-01T00:00&end=2020-01-02T00:00`,
    );
    expect(await page.getByText('used no action that needs a permission').isVisible()).toBe(true);
    await context.close();
  });

  it("counts every session of a role for the role's page", async () => {
    const { context, page } = await newPage(browser);
    await signInAsRoot(page, ward.url, ROOT_EMAIL, ROOT_PASSWORD);
    await page.goto(`${ward.url}/console/roles/worker/generate-policy?generate=1&period=1d`);
    const generated = JSON.parse((await page.getByTestId('generated-policy').textContent()) ?? '{}');
    expect(generated.Statement).toEqual([
      {
        Sid: 'IamAccess1',
        Effect: 'Allow',
        Action: ['iam:ListRoles'],
        Resource: `arn:aws:iam::${ward.accountId}:role/`,
      },
    ]);
    expect(await page.getByTestId('generation-summary').textContent()).toMatch(/from 2 of \d+ events/);
    // Work grants iam:ListUsers, which no session used.
    expect(await page.getByTestId('unused-grants').innerText()).toMatch(/Work \(inline\)\s+iam:ListUsers/);
    await context.close();
  });

  it('needs access-analyzer:StartPolicyGeneration, and records the call under Access Analyzer', async () => {
    const { context, page } = await newPage(browser);
    await signInAsUser(page, ward.url, ward.accountId, 'viewer', 'Viewer-Passw0rd!');
    await page.goto(`${ward.url}/console/users/app/generate-policy?generate=1&period=1h`);
    expect(
      await page.getByText('is not authorized to perform: access-analyzer:StartPolicyGeneration').isVisible(),
    ).toBe(true);
    expect(await page.getByTestId('generated-policy').count()).toBe(0);
    await context.close();

    await ward.ward.flush();
    const cloudtrail = new CloudTrailClient({
      endpoint: ward.url,
      region: 'us-east-1',
      credentials: ward.root,
      maxAttempts: 1,
    });
    const events = (
      await cloudtrail.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'StartPolicyGeneration' }],
        }),
      )
    ).Events!.map((e) => JSON.parse(e.CloudTrailEvent!) as Record<string, any>);
    const refused = events.find((e) => e.userIdentity.userName === 'viewer');
    expect(refused).toMatchObject({
      eventSource: 'access-analyzer.amazonaws.com',
      errorCode: 'AccessDenied',
      requestParameters: { policyGenerationDetails: { principalArn: `arn:aws:iam::${ward.accountId}:user/app` } },
      additionalEventData: {
        Authorizations: [{ Action: 'access-analyzer:StartPolicyGeneration', Resource: '*', Decision: 'ImplicitDeny' }],
      },
    });
    expect(events.some((e) => e.userIdentity.type === 'Root' && !e.errorCode)).toBe(true);
  });
});
