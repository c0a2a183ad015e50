import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateSAMLProviderCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, AssumeRoleWithSAMLCommand } from '@aws-sdk/client-sts';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestIdp, selfSignedPair } from './support/saml-idp.js';
import { type TestWard, startTestWard } from './support/ward.js';

let log = '';
let t: TestWard;
beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      log += chunk.toString();
      done();
    },
  });
  t = await startTestWard({ logger: pino({ level: 'trace' }, sink) });
});
afterAll(() => t.close());

describe('no secret ever reaches the logs, the audit trail or the database in clear', () => {
  it('access keys, passwords, MFA seeds and session credentials stay out of every byte Ward writes', async () => {
    const iam = t.iam();
    await iam.send(new CreateUserCommand({ UserName: 'secretive' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'secretive' }))).AccessKey!;
    const password = 'Corr3ct-Horse-Battery-Staple!';
    await iam.send(new CreateLoginProfileCommand({ UserName: 'secretive', Password: password }));
    const mfa = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'secretive-mfa' })))
      .VirtualMFADevice!;
    const seed = Buffer.from(mfa.Base32StringSeed!).toString('utf8');
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'secretive',
        PolicyName: 'assume',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
        }),
      }),
    );
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: 'secret-role',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${t.accountId}:user/secretive` },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
      }),
    );
    const session = (
      await t
        .sts({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! })
        .send(new AssumeRoleCommand({ RoleArn: role.Role!.Arn, RoleSessionName: 'scan' }))
    ).Credentials!;
    await t.ward.flush();

    const secrets = {
      accessKeySecret: key.SecretAccessKey!,
      rootSecret: t.root.secretAccessKey,
      password,
      seed,
      sessionSecret: session.SecretAccessKey!,
      sessionToken: session.SessionToken!,
    };
    const files = readdirSync(t.dataDir)
      .filter((f) => f.startsWith('ward.sqlite') || f.startsWith('audit.sqlite'))
      .map((f) => readFileSync(join(t.dataDir, f)));
    expect(log.length).toBeGreaterThan(0);
    for (const [what, secret] of Object.entries(secrets)) {
      expect(log.includes(secret), `${what} in the request log`).toBe(false);
      for (const bytes of files) expect(bytes.includes(Buffer.from(secret)), `${what} in the database`).toBe(false);
    }
  });

  it("a SAML provider's private key and a redeemed SAML assertion stay out of the logs, trail and database", async () => {
    const idp = new TestIdp('https://idp.secret.example/saml');
    const sp = selfSignedPair('sp');
    const provider = (
      await t.iam().send(
        new CreateSAMLProviderCommand({
          Name: 'Secretive',
          SAMLMetadataDocument: idp.metadata(),
          AddPrivateKey: sp.key,
        }),
      )
    ).SAMLProviderArn!;
    const role = await t.iam().send(
      new CreateRoleCommand({
        RoleName: 'saml-secret-role',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithSAML' }],
        }),
      }),
    );
    const assertion = idp.response({ roles: [`${role.Role!.Arn},${provider}`], encryptFor: sp.cert });
    await t
      .sts()
      .send(
        new AssumeRoleWithSAMLCommand({ RoleArn: role.Role!.Arn, PrincipalArn: provider, SAMLAssertion: assertion }),
      );
    await t.ward.flush();
    // A line from the middle of the key's PEM body, and a stretch of the assertion.
    const keyLines = sp.key.split('\n').filter((l) => /^[A-Za-z0-9+/]{64}$/.test(l));
    const secrets = { privateKey: keyLines[Math.floor(keyLines.length / 2)]!, assertion: assertion.slice(200, 400) };
    const files = readdirSync(t.dataDir)
      .filter((f) => f.startsWith('ward.sqlite') || f.startsWith('audit.sqlite'))
      .map((f) => readFileSync(join(t.dataDir, f)));
    for (const [what, secret] of Object.entries(secrets)) {
      expect(log.includes(secret), `${what} in the request log`).toBe(false);
      for (const bytes of files) expect(bytes.includes(Buffer.from(secret)), `${what} in the database`).toBe(false);
    }
  });
});
