import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetFederationTokenCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleHttp } from './support/console-http.js';
import { sessionCredentials } from './support/sts.js';
import { policy } from './support/users.js';
import { type Credentials, type TestWard, startTestWard } from './support/ward.js';

/**
 * Issue 15: AWS's federation endpoint, as aws-vault and identity brokers use it:
 * `GET /federation?Action=getSigninToken&Session=…` then `?Action=login&SigninToken=…&Destination=…`.
 * Each refusal below is an attack that must not end in a console session.
 */
let t: TestWard;
let offsetMs = 0;
let alice: Credentials;
let roleArn: string;

beforeAll(async () => {
  t = await startTestWard({ clock: () => new Date(Date.now() + offsetMs) });
  const iam = t.iam();
  await iam.send(new CreateUserCommand({ UserName: 'alice' }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'alice',
      PolicyName: 'sts',
      PolicyDocument: JSON.stringify(policy({ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:GetFederationToken'], Resource: '*' })), // prettier-ignore
    }),
  );
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
  alice = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  roleArn = (
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'Operator',
        AssumeRolePolicyDocument: JSON.stringify(
          policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${t.accountId}:user/alice` }, Action: 'sts:AssumeRole' }), // prettier-ignore
        ),
      }),
    )
  ).Role!.Arn!;
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'Operator',
      PolicyName: 'read',
      PolicyDocument: JSON.stringify(policy({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' })),
    }),
  );
});
afterAll(() => t?.close());

const roleSession = async (name = 'alice-console') =>
  sessionCredentials(
    (await t.sts(alice).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: name }))).Credentials,
  );

const sessionParam = (c: Credentials) =>
  encodeURIComponent(
    JSON.stringify({ sessionId: c.accessKeyId, sessionKey: c.secretAccessKey, sessionToken: c.sessionToken }),
  );

async function getSigninToken(c: Credentials, extra = ''): Promise<{ status: number; token?: string; text: string }> {
  const res = await fetch(`${t.url}/federation?Action=getSigninToken&Session=${sessionParam(c)}${extra}`);
  const text = await res.text();
  return { status: res.status, text, ...(res.ok ? { token: (JSON.parse(text) as { SigninToken: string }).SigninToken } : {}) }; // prettier-ignore
}

const loginPath = (token: string, destination = `${'https://console.aws.amazon.com/'}`) =>
  `/federation?Action=login&Issuer=broker.example.com&Destination=${encodeURIComponent(destination)}&SigninToken=${encodeURIComponent(token)}`; // prettier-ignore

describe('the federation endpoint', () => {
  it('turns role credentials into a console session acting as the role', async () => {
    const got = await getSigninToken(await roleSession());
    expect(got.status).toBe(200);
    const browser = new ConsoleHttp(t.url);
    const login = await browser.get(loginPath(got.token!, `${t.url}/console/users`));
    expect(login.status).toBe(302);
    expect(login.location).toBe('/console/users');
    const home = await browser.get('/console/home');
    expect(home.status).toBe(200);
    expect(home.body).toContain(`Operator/alice-console @ ${t.accountId}`);
    // The session reads what the role may read, as the role.
    expect((await browser.get('/console/roles')).body).toContain('Operator');
  });

  it('honours SessionDuration for role credentials (900–43200) and refuses it outside that range', async () => {
    const creds = await roleSession('timed');
    expect((await getSigninToken(creds, '&SessionDuration=43200')).status).toBe(200);
    expect((await getSigninToken(creds, '&SessionDuration=899')).status).toBe(400);
    expect((await getSigninToken(creds, '&SessionDuration=43201')).status).toBe(400);
    expect((await getSigninToken(creds, '&SessionDuration=1h')).status).toBe(400);
    const browser = new ConsoleHttp(t.url);
    const token = (await getSigninToken(creds, '&SessionDuration=7200')).token!;
    const login = await browser.get(loginPath(token));
    expect(login.status).toBe(302);
    expect(login.location).toBe('/console/home');
  });

  it('signs in a GetFederationToken user, who takes no SessionDuration', async () => {
    const fed = sessionCredentials(
      (
        await t.sts(alice).send(
          new GetFederationTokenCommand({
            Name: 'bob',
            Policy: JSON.stringify(policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })),
          }),
        )
      ).Credentials,
    );
    expect((await getSigninToken(fed, '&SessionDuration=3600')).status).toBe(400);
    const browser = new ConsoleHttp(t.url);
    expect((await browser.get(loginPath((await getSigninToken(fed)).token!))).status).toBe(302);
    const home = await browser.get('/console/home');
    expect(home.status).toBe(200);
    expect(home.body).toContain('federated-user/bob');
  });

  it('refuses credentials that are not temporary role or federation credentials, or are not whole', async () => {
    // Long-term keys, and GetSessionToken credentials.
    expect((await getSigninToken(alice)).status).toBe(400);
    expect((await getSigninToken({ ...alice, sessionToken: 'IQoJb3JpZ2luX2Vj' })).status).toBe(401);
    const session = sessionCredentials((await t.sts(alice).send(new GetSessionTokenCommand({}))).Credentials);
    expect((await getSigninToken(session)).status).toBe(401);
    // A real key ID with a wrong secret, or a wrong token: the same answer as an unknown key.
    const real = await roleSession('real');
    const wrongSecret = await getSigninToken({ ...real, secretAccessKey: 'x'.repeat(40) });
    const wrongToken = await getSigninToken({ ...real, sessionToken: `${real.sessionToken}x` });
    const unknown = await getSigninToken({ ...real, accessKeyId: 'ASIAZZZZZZZZZZZZZZZZ' });
    expect([wrongSecret.status, wrongToken.status, unknown.status]).toEqual([401, 401, 401]);
    expect(new Set([wrongSecret.text, wrongToken.text, unknown.text]).size).toBe(1);
    const garbled = await fetch(`${t.url}/federation?Action=getSigninToken&Session=%7Bnot-json`);
    expect(garbled.status).toBe(400);
  });

  it('refuses a forged token, a replayed one, and one older than 15 minutes: no session cookie', async () => {
    const token = (await getSigninToken(await roleSession('once'))).token!;
    const forged = `${token.slice(0, -4)}AAAA`;
    const attacker = new ConsoleHttp(t.url);
    expect((await attacker.get(loginPath(forged))).status).toBe(400);
    expect((await attacker.get(loginPath('not-a-token'))).status).toBe(400);
    expect(attacker.cookies.size).toBe(0);

    const first = new ConsoleHttp(t.url);
    expect((await first.get(loginPath(token))).status).toBe(302);
    const replay = new ConsoleHttp(t.url);
    expect((await replay.get(loginPath(token))).status).toBe(400);
    expect((await replay.get('/console/home')).status).toBe(302);

    const stale = (await getSigninToken(await roleSession('stale'))).token!;
    offsetMs = 15 * 60_000 + 1000;
    try {
      const late = new ConsoleHttp(t.url);
      expect((await late.get(loginPath(stale))).status).toBe(400);
      expect(late.cookies.size).toBe(0);
    } finally {
      offsetMs = 0;
    }
  });

  it('never sends the browser off Ward: a foreign Destination lands on the console home', async () => {
    for (const destination of [
      'https://evil.example/',
      '//evil.example/console/home',
      `${t.url}//evil.example`,
      'javascript:alert(1)',
    ]) {
      const token = (await getSigninToken(await roleSession('dest'))).token!;
      const browser = new ConsoleHttp(t.url);
      const login = await browser.get(loginPath(token, destination));
      expect(login.status, destination).toBe(302);
      expect(login.location, destination).toBe('/console/home');
    }
  });
});
