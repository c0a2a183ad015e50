import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreateOpenIDConnectProviderCommand,
  GetOpenIDConnectProviderCommand,
  CreateRoleCommand,
  PutRolePolicyCommand,
  CreateUserCommand,
  GetRoleCommand,
  ListUsersCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestWard, caught, startTestWard } from './support/ward.js';

// Each relaxation is shown twice: AWS's strict answer on a plain Ward, the relaxed one with --emulator.
let t: TestWard;
let strict: TestWard;
// The emulator's http:// OIDC issuer's signing keys (WARD_OIDC_JWKS_DIR).
const oidcKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwksDir = mkdtempSync(join(tmpdir(), 'ward-emu-jwks-'));
beforeAll(async () => {
  writeFileSync(
    join(jwksDir, 'localhost:8080_realms_test.json'),
    JSON.stringify({ keys: [{ ...oidcKeys.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256' }] }),
  );
  [t, strict] = await Promise.all([startTestWard({ emulator: true, oidcJwksDir: jwksDir }), startTestWard()]);
});
afterAll(async () => {
  await Promise.all([t.close(), strict.close()]);
  rmSync(jwksDir, { recursive: true, force: true });
});

const anyKey = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const post = (path: string, body?: string) =>
  fetch(`${t.url}${path}`, { method: 'POST', ...(body !== undefined ? { body } : {}) });
const trustAccount = (accountId: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'sts:AssumeRole' }],
  });

describe('emulator mode: the default caller', () => {
  it('AWS refuses an access key it does not know (InvalidClientTokenId)', async () => {
    const err = await caught(() => strict.sts(anyKey).send(new GetCallerIdentityCommand({})));
    expect(err.Code).toBe('InvalidClientTokenId');
  });

  it("with --emulator an unknown key acts as moto's user/moto, with full rights", async () => {
    const who = await t.sts(anyKey).send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({
      Arn: `arn:aws:iam::${t.accountId}:user/moto`,
      UserId: 'AKIAIOSFODNN7EXAMPLE',
      Account: t.accountId,
    });
    await t.iam(anyKey).send(new CreateUserCommand({ UserName: 'from-moto-suite' }));
  });

  it('AWS refuses AssumeRole to root; the default caller, a user, may assume a role', async () => {
    const create = new CreateRoleCommand({
      RoleName: 'suite-role',
      AssumeRolePolicyDocument: trustAccount(t.accountId),
    });
    await strict.iam().send(create);
    const asRoot = await caught(() =>
      strict.sts().send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${strict.accountId}:role/suite-role`,
          RoleSessionName: 'suite',
        }),
      ),
    );
    expect(asRoot.Code).toBe('AccessDenied');

    await t.iam(anyKey).send(create);
    const assumed = await t
      .sts(anyKey)
      .send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${t.accountId}:role/suite-role`, RoleSessionName: 'suite' }),
      );
    expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${t.accountId}:assumed-role/suite-role/suite`);
  });

  it('a known key is still verified', async () => {
    const err = await caught(() =>
      t.sts({ ...t.root, secretAccessKey: 'wrong'.repeat(8) }).send(new GetCallerIdentityCommand({})),
    );
    expect(err.Code).toBe('SignatureDoesNotMatch');
  });
});

describe('emulator mode: trust policies that are no policy', () => {
  const junk = 'not a policy {';

  it('AWS refuses them (MalformedPolicyDocument), on CreateRole and UpdateAssumeRolePolicy', async () => {
    const err = await caught(() =>
      strict.iam().send(new CreateRoleCommand({ RoleName: 'junk-trust', AssumeRolePolicyDocument: junk })),
    );
    expect(err.Code).toBe('MalformedPolicyDocument');
    await strict
      .iam()
      .send(
        new CreateRoleCommand({ RoleName: 'fine-trust', AssumeRolePolicyDocument: trustAccount(strict.accountId) }),
      );
    const update = await caught(() =>
      strict.iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: 'fine-trust', PolicyDocument: junk })),
    );
    expect(update.Code).toBe('MalformedPolicyDocument');
  });

  it('with --emulator they are stored verbatim, and AssumeRole against the role is refused (AccessDenied)', async () => {
    await t.iam(anyKey).send(new CreateRoleCommand({ RoleName: 'junk-trust', AssumeRolePolicyDocument: junk }));
    const role = (await t.iam(anyKey).send(new GetRoleCommand({ RoleName: 'junk-trust' }))).Role;
    expect(decodeURIComponent(role?.AssumeRolePolicyDocument ?? '')).toBe(junk);
    const assume = await caught(() =>
      t
        .sts(anyKey)
        .send(
          new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${t.accountId}:role/junk-trust`, RoleSessionName: 'suite' }),
        ),
    );
    expect(assume.Code).toBe('AccessDenied');

    await t
      .iam(anyKey)
      .send(new CreateRoleCommand({ RoleName: 'turned-junk', AssumeRolePolicyDocument: trustAccount(t.accountId) }));
    await t.iam(anyKey).send(new UpdateAssumeRolePolicyCommand({ RoleName: 'turned-junk', PolicyDocument: junk }));
    const after = await caught(() =>
      t
        .sts(anyKey)
        .send(
          new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${t.accountId}:role/turned-junk`, RoleSessionName: 'suite' }),
        ),
    );
    expect(after.Code).toBe('AccessDenied');
  });
});

describe('emulator mode: name and path patterns', () => {
  const odd = 'my user é';
  const oddPath = '/team space/ü/';
  const create = (w: TestWard) =>
    Promise.all([
      w.iam(anyKey).send(new CreateUserCommand({ UserName: odd, Path: oddPath })),
      w.iam(anyKey).send(new CreateGroupCommand({ GroupName: odd })),
      w.iam(anyKey).send(new CreateInstanceProfileCommand({ InstanceProfileName: odd, Path: oddPath })),
      w
        .iam(anyKey)
        .send(
          new CreateRoleCommand({ RoleName: odd, Path: oddPath, AssumeRolePolicyDocument: trustAccount(w.accountId) }),
        ),
    ]);

  it('AWS refuses names outside [\\w+=,.@-]+ and non-ASCII paths (ValidationError)', async () => {
    const strictKey = strict.root;
    for (const send of [
      () => strict.iam(strictKey).send(new CreateUserCommand({ UserName: odd })),
      () => strict.iam(strictKey).send(new CreateGroupCommand({ GroupName: odd })),
      () => strict.iam(strictKey).send(new CreateInstanceProfileCommand({ InstanceProfileName: odd })),
      () => strict.iam(strictKey).send(new CreateUserCommand({ UserName: 'plain', Path: oddPath })),
    ])
      expect((await caught(send)).Code).toBe('ValidationError');
  });

  it('with --emulator they are accepted for users, roles, groups, instance profiles and inline policies', async () => {
    await create(t);
    const role = (await t.iam(anyKey).send(new GetRoleCommand({ RoleName: odd }))).Role;
    expect(role?.Arn).toBe(`arn:aws:iam::${t.accountId}:role${oddPath}${odd}`);
    await t.iam(anyKey).send(
      new PutRolePolicyCommand({
        RoleName: odd,
        PolicyName: 'policy with spaces',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }],
        }),
      }),
    );
  });

  it('with --emulator a name still may not hold / or :, nor a path lack its slashes: ARNs keep their structure', async () => {
    for (const send of [
      () => t.iam(anyKey).send(new CreateUserCommand({ UserName: 'a/b' })),
      () => t.iam(anyKey).send(new CreateUserCommand({ UserName: 'a:b' })),
      () => t.iam(anyKey).send(new CreateUserCommand({ UserName: 'c', Path: '/no-trailing' })),
    ])
      expect((await caught(send)).Code).toBe('ValidationError');
  });
});

describe('emulator mode: OIDC issuer URLs', () => {
  const provider = { Url: 'http://localhost:8080/realms/test', ClientIDList: ['suite'] };

  it('AWS takes only https:// issuers (ValidationError)', async () => {
    const err = await caught(() => strict.iam().send(new CreateOpenIDConnectProviderCommand(provider)));
    expect(err.Code).toBe('ValidationError');
  });

  it('with --emulator an http:// issuer is accepted; the ARN names it without its scheme', async () => {
    const created = await t.iam(anyKey).send(new CreateOpenIDConnectProviderCommand(provider));
    expect(created.OpenIDConnectProviderArn).toBe(
      `arn:aws:iam::${t.accountId}:oidc-provider/localhost:8080/realms/test`,
    );
    const got = await t
      .iam(anyKey)
      .send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: created.OpenIDConnectProviderArn }));
    expect(got.ClientIDList).toEqual(['suite']);
    const ftp = await caught(() =>
      t.iam(anyKey).send(new CreateOpenIDConnectProviderCommand({ ...provider, Url: 'ftp://localhost/x' })),
    );
    expect(ftp.Code).toBe('ValidationError');
  });

  it('with --emulator a token from that http:// issuer is exchanged by AssumeRoleWithWebIdentity, signature checked', async () => {
    const providerArn = `arn:aws:iam::${t.accountId}:oidc-provider/localhost:8080/realms/test`;
    await t.iam(anyKey).send(
      new CreateRoleCommand({
        RoleName: 'keycloak-suite',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Federated: providerArn }, Action: 'sts:AssumeRoleWithWebIdentity' },
          ],
        }),
      }),
    );
    const token = (key = oidcKeys.privateKey) => {
      const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const body = `${enc({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${enc({ iss: provider.Url, aud: 'suite', sub: 'user-0001', iat: now, exp: now + 600 })}`;
      return `${body}.${sign('RSA-SHA256', Buffer.from(body), key).toString('base64url')}`;
    };
    const input = { RoleArn: `arn:aws:iam::${t.accountId}:role/keycloak-suite`, RoleSessionName: 'suite' };
    const out = await t.sts().send(new AssumeRoleWithWebIdentityCommand({ ...input, WebIdentityToken: token() }));
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${t.accountId}:assumed-role/keycloak-suite/suite`);
    expect(out.Provider).toBe('localhost:8080/realms/test');
    // Still fail-closed: a token signed by any other key is refused.
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = await caught(() =>
      t.sts().send(new AssumeRoleWithWebIdentityCommand({ ...input, WebIdentityToken: token(stranger) })),
    );
    expect(forged.name).toBe('InvalidIdentityTokenException');
  });
});

describe('emulator mode: moto-api control routes', () => {
  it('do not exist without --emulator', async () => {
    const res = await fetch(`${strict.url}/moto-api/reset-auth`, { method: 'POST', body: '0' });
    expect(res.status).not.toBe(200);
  });

  it('POST /moto-api/reset restores the just-bootstrapped store, keeping the bootstrap key', async () => {
    expect((await t.iam().send(new ListUsersCommand({}))).Users?.length).toBeGreaterThan(0);
    const res = await post('/moto-api/reset');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect((await t.iam().send(new ListUsersCommand({}))).Users).toEqual([]);
    const who = await t.sts().send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe(t.accountId);
  });

  it('POST /moto-api/reset-auth N lets N requests skip verification, then enforces: unknown keys refused, known keys verified', async () => {
    const bad = { ...t.root, secretAccessKey: 'bad'.repeat(14).slice(0, 40) };
    let res = await post('/moto-api/reset-auth', '3');
    // moto's answer, its count as Python prints a float: unlimited until a count is set.
    expect(await res.json()).toEqual({ status: 'ok', PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT: 'inf' });
    await t.sts(bad).send(new GetCallerIdentityCommand({}));
    await t.sts(bad).send(new GetCallerIdentityCommand({}));
    await t.sts(anyKey).send(new GetCallerIdentityCommand({}));
    expect((await caught(() => t.sts(bad).send(new GetCallerIdentityCommand({})))).Code).toBe('SignatureDoesNotMatch');
    expect((await caught(() => t.sts(anyKey).send(new GetCallerIdentityCommand({})))).Code).toBe(
      'InvalidClientTokenId',
    );
    expect((await t.sts().send(new GetCallerIdentityCommand({}))).Account).toBe(t.accountId);

    res = await post('/moto-api/reset-auth', '0');
    expect(await res.json()).toEqual({ status: 'ok', PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT: '3.0' });
    expect((await caught(() => t.sts(anyKey).send(new GetCallerIdentityCommand({})))).Code).toBe(
      'InvalidClientTokenId',
    );
    res = await post('/moto-api/reset-auth', 'inf');
    expect(await res.json()).toEqual({ status: 'ok', PREVIOUS_INITIAL_NO_AUTH_ACTION_COUNT: '0.0' });
    expect((await t.sts(anyKey).send(new GetCallerIdentityCommand({}))).Arn).toMatch(/:user\/moto$/);
    expect((await post('/moto-api/reset-auth', 'many')).status).toBe(400);
  });
});
