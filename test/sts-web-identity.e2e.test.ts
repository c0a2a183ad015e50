import { type KeyObject, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderCommand,
  GetOpenIDConnectProviderCommand,
  ListOpenIDConnectProvidersCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRole, sessionCredentials } from './support/sts.js';
import { policy } from './support/users.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

const ISSUER = 'https://issuer.example.com';
const HOST = 'issuer.example.com';
let t: TestWard;
let jwksDir: string;
let roleArn: string;
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** An RS256 JWT as an OIDC issuer mints it. */
function jwt(claims: Record<string, unknown>, key: KeyObject = keys.privateKey, kid = 'k1'): string {
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const signed = `${enc({ alg: 'RS256', typ: 'JWT', kid })}.${enc({ iss: ISSUER, aud: 'my-app', sub: 'repo:ward/main', iat: now, exp: now + 600, ...claims })}`;
  return `${signed}.${sign('RSA-SHA256', Buffer.from(signed), key).toString('base64url')}`;
}

beforeAll(async () => {
  jwksDir = mkdtempSync(join(tmpdir(), 'ward-jwks-'));
  writeFileSync(
    join(jwksDir, `${HOST}.json`),
    JSON.stringify({ keys: [{ ...keys.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' }] }),
  );
  t = await startTestWard({ oidcJwksDir: jwksDir });
});
afterAll(async () => {
  await t.close();
  rmSync(jwksDir, { recursive: true, force: true });
});

describe('OpenID Connect providers', () => {
  it('are created, read, listed and refused twice', async () => {
    const iam = t.iam();
    const out = await iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: ISSUER,
        ClientIDList: ['other-app'],
        ThumbprintList: ['a'.repeat(40)],
      }),
    );
    expect(out.OpenIDConnectProviderArn).toBe(`arn:aws:iam::${t.accountId}:oidc-provider/${HOST}`);
    await iam.send(
      new AddClientIDToOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn: out.OpenIDConnectProviderArn,
        ClientID: 'my-app',
      }),
    );
    const got = await iam.send(
      new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: out.OpenIDConnectProviderArn }),
    );
    expect(got.Url).toBe(HOST);
    expect(got.ClientIDList).toEqual(['other-app', 'my-app']);
    const list = await iam.send(new ListOpenIDConnectProvidersCommand({}));
    expect(list.OpenIDConnectProviderList).toEqual([{ Arn: out.OpenIDConnectProviderArn }]);
    const dup = await caught(() =>
      iam.send(new CreateOpenIDConnectProviderCommand({ Url: ISSUER, ThumbprintList: ['a'.repeat(40)] })),
    );
    expect(dup.name).toBe('EntityAlreadyExistsException');
    const missing = await caught(() =>
      iam.send(
        new GetOpenIDConnectProviderCommand({
          OpenIDConnectProviderArn: `arn:aws:iam::${t.accountId}:oidc-provider/nope.example.com`,
        }),
      ),
    );
    expect(missing.name).toBe('NoSuchEntityException');
  });
});

describe('AssumeRoleWithWebIdentity', () => {
  beforeAll(async () => {
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${t.accountId}:oidc-provider/${HOST}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${HOST}:aud`]: 'my-app' }, StringLike: { [`${HOST}:sub`]: 'repo:ward/*' } },
        },
      ],
    });
    roleArn = await createRole(t, 'ci', trust, {
      read: policy({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }),
    });
  });

  // The SDK sends AssumeRoleWithWebIdentity unsigned, whatever credentials the client has.
  const assume = (token: string) =>
    t
      .sts()
      .send(
        new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'build-1', WebIdentityToken: token }),
      );

  it('exchanges a valid token for role credentials', async () => {
    const out = await assume(jwt({}));
    expect(out.SubjectFromWebIdentityToken).toBe('repo:ward/main');
    expect(out.Audience).toBe('my-app');
    expect(out.Provider).toBe(HOST);
    expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${t.accountId}:assumed-role/ci/build-1`);
    const session = sessionCredentials(out.Credentials);
    expect((await t.sts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(out.AssumedRoleUser!.Arn);
    await t.iam(session).send(new ListUsersCommand({}));
  });

  it('answers in the partition the role ARN names, as an endpoint of that partition would', async () => {
    // Unsigned, the call has no credential scope: the role's partition is the only one it names.
    const out = await t.sts().send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn.replace(/^arn:aws:/, 'arn:aws-cn:'),
        RoleSessionName: 'build-cn',
        WebIdentityToken: jwt({}),
      }),
    );
    expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws-cn:sts::${t.accountId}:assumed-role/ci/build-cn`);
    // A partition that is not AWS's is refused as a foreign one, not answered in aws.
    const bogus = await caught(() =>
      t.sts().send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: roleArn.replace(/^arn:aws:/, 'arn:aws-nowhere:'),
          RoleSessionName: 'build-x',
          WebIdentityToken: jwt({}),
        }),
      ),
    );
    expect(bogus.name).toBe('ValidationError');
  });

  it('refuses a subject the trust policy does not allow', async () => {
    const err = await caught(() => assume(jwt({ sub: 'repo:other/main' })));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe('Not authorized to perform sts:AssumeRoleWithWebIdentity');
  });

  it('refuses a wrong audience, a foreign signature, an unknown issuer and an expired token', async () => {
    const aud = await caught(() => assume(jwt({ aud: 'someone-else' })));
    expect(aud.name).toBe('InvalidIdentityTokenException');
    expect(aud.message).toBe('Incorrect token audience');
    const forged = await caught(() => assume(jwt({}, stranger.privateKey)));
    expect(forged.name).toBe('InvalidIdentityTokenException');
    const unknown = await caught(() => assume(jwt({ iss: 'https://other.example.com' })));
    expect(unknown.name).toBe('InvalidIdentityTokenException');
    expect(unknown.message).toBe('No OpenIDConnect provider found in your account for https://other.example.com');
    // The provider's issuer over plain http is not the provider (a token signed by its key, scheme downgraded).
    const downgraded = await caught(() => assume(jwt({ iss: `http://${HOST}` })));
    expect(downgraded.message).toBe(`No OpenIDConnect provider found in your account for http://${HOST}`);
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = await caught(() => assume(jwt({ iat: past - 600, exp: past })));
    expect(expired.name).toBe('ExpiredTokenException');
  });
});
