import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateSAMLProviderCommand,
  GetSAMLProviderCommand,
  ListUsersCommand,
  UpdateSAMLProviderCommand,
} from '@aws-sdk/client-iam';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { AssumeRoleWithSAMLCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestIdp, selfSignedPair } from './support/saml-idp.js';
import { createRole, sessionCredentials } from './support/sts.js';
import { policy } from './support/users.js';
import { TEST_DATABASE_URL } from './support/postgres.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

const run = promisify(execFile);
let t: TestWard;
const idp = new TestIdp('https://idp.example.com/saml');
const forger = selfSignedPair('forger');
let providerArn: string;
let roleArn: string;
let otherRoleArn: string;

beforeAll(async () => {
  t = await startTestWard();
  providerArn = (
    await t.iam().send(new CreateSAMLProviderCommand({ Name: 'ExampleIdP', SAMLMetadataDocument: idp.metadata() }))
  ).SAMLProviderArn!;
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: providerArn },
        Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession', 'sts:SetSourceIdentity'],
        Condition: {
          StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' },
          StringLike: { 'saml:sub': '*@example.com' },
        },
      },
    ],
  });
  roleArn = await createRole(t, 'SamlAdmin', trust, {
    read: policy({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }),
  });
  otherRoleArn = await createRole(t, 'SamlReader', trust);
}, 60_000);
afterAll(() => t.close());

const pair = (role = roleArn) => `${role},${providerArn}`;
const assume = (assertion: string, role = roleArn, principal = providerArn) =>
  t.sts().send(new AssumeRoleWithSAMLCommand({ RoleArn: role, PrincipalArn: principal, SAMLAssertion: assertion }));

describe('AssumeRoleWithSAML', () => {
  it('exchanges a signed assertion for the role, with AWS response fields', async () => {
    const out = await assume(idp.response({ roles: [pair(), pair(otherRoleArn)], sessionName: 'alice@example.com' }));
    expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${t.accountId}:assumed-role/SamlAdmin/alice@example.com`);
    expect(out.Subject).toBe('alice@example.com');
    expect(out.SubjectType).toBe('persistent');
    expect(out.Issuer).toBe(idp.entityId);
    expect(out.Audience).toBe('https://signin.aws.amazon.com/saml');
    // BASE64(SHA1(issuer + account + "/" + provider name)).
    expect(out.NameQualifier).toBe(
      createHash('sha1').update(`${idp.entityId}${t.accountId}/ExampleIdP`).digest('base64'),
    );
    const session = sessionCredentials(out.Credentials);
    expect((await t.sts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(out.AssumedRoleUser!.Arn);
    await t.iam(session).send(new ListUsersCommand({}));

    // CloudTrail names the caller as AWS does: a SAMLUser, the event in the role's account.
    await t.ward.flush();
    const events = await new CloudTrailClient({ endpoint: t.url, region: 'us-east-1', credentials: t.root }).send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AssumeRoleWithSAML' }],
      }),
    );
    const record = JSON.parse(events.Events![0]!.CloudTrailEvent!) as Record<string, unknown>;
    expect(record.userIdentity).toEqual({
      type: 'SAMLUser',
      principalId: `${out.NameQualifier}:alice@example.com`,
      userName: 'alice@example.com',
      identityProvider: out.NameQualifier,
    });
    expect(record.recipientAccountId).toBe(t.accountId);
    expect(JSON.stringify(record)).not.toContain(out.Credentials!.SecretAccessKey!);
  });

  it('accepts a signed Response around an unsigned assertion, provider,role pairs in either order, and encrypted assertions', async () => {
    const reversed = await assume(idp.response({ roles: [`${providerArn},${roleArn}`], sign: 'response' }));
    expect(reversed.AssumedRoleUser!.Arn).toContain('assumed-role/SamlAdmin/');
    // An encrypted assertion, decrypted with the provider's private key.
    const sp = selfSignedPair('sp');
    await t.iam().send(
      new UpdateSAMLProviderCommand({
        SAMLProviderArn: providerArn,
        AddPrivateKey: sp.key,
        AssertionEncryptionMode: 'Required',
      }),
    );
    try {
      const out = await assume(idp.response({ roles: [pair()], encryptFor: sp.cert }));
      expect(out.Subject).toBe('alice@example.com');
      // AWS's ACS URL for encrypted responses names the provider's UUID: this provider's only.
      const uuid = (await t.iam().send(new GetSAMLProviderCommand({ SAMLProviderArn: providerArn }))).SAMLProviderUUID!;
      const acs = (id: string) => `https://us-east-1.signin.aws.amazon.com/saml/acs/${id}`;
      // Verified, then refused by the trust policy: SAML:aud is where it was posted, not /saml.
      const posted = await caught(() =>
        assume(idp.response({ roles: [pair()], encryptFor: sp.cert, recipient: acs(uuid) })),
      );
      expect(posted.name).toBe('AccessDenied');
      const elsewhere = await caught(() =>
        assume(idp.response({ roles: [pair()], encryptFor: sp.cert, recipient: acs('A'.repeat(26)) })),
      );
      expect(elsewhere.name).toBe('InvalidIdentityTokenException');
      const plain = await caught(() => assume(idp.response({ roles: [pair()] })));
      expect(plain.name).toBe('InvalidIdentityTokenException');
    } finally {
      const keys = (await t.iam().send(new GetSAMLProviderCommand({ SAMLProviderArn: providerArn }))).PrivateKeyList!;
      await t
        .iam()
        .send(new UpdateSAMLProviderCommand({ SAMLProviderArn: providerArn, AssertionEncryptionMode: 'Allowed' }));
      await t
        .iam()
        .send(new UpdateSAMLProviderCommand({ SAMLProviderArn: providerArn, RemovePrivateKey: keys[0]!.KeyId! }));
    }
  });

  it('carries session tags, transitive keys and the source identity', async () => {
    const out = await assume(
      idp.response({
        roles: [pair()],
        attributes: {
          'https://aws.amazon.com/SAML/Attributes/PrincipalTag:team': ['blue'],
          'https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys': ['team'],
          'https://aws.amazon.com/SAML/Attributes/SourceIdentity': ['alice'],
        },
      }),
    );
    expect(out.SourceIdentity).toBe('alice');
    expect(out.PackedPolicySize).toBeGreaterThan(0);
  });

  it('refuses a role the assertion does not offer, and a subject the trust policy does not allow', async () => {
    const notOffered = await caught(() => assume(idp.response({ roles: [pair(otherRoleArn)] })));
    expect(notOffered.name).toBe('AccessDenied');
    expect(notOffered.message).toBe('Not authorized to perform sts:AssumeRoleWithSAML');
    const subject = await caught(() => assume(idp.response({ roles: [pair()], nameId: 'mallory@evil.test' })));
    expect(subject.message).toBe('Not authorized to perform sts:AssumeRoleWithSAML');
    const noName = await caught(() => assume(idp.response({ roles: [pair()], sessionName: null })));
    expect(noName.name).toBe('InvalidIdentityTokenException');
    expect(noName.message).toBe('RoleSessionName is required in AuthnResponse');
    const badName = await caught(() => assume(idp.response({ roles: [pair()], sessionName: 'a b' })));
    expect(badName.message).toBe('RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}');
    const noProvider = await caught(() =>
      assume(idp.response({ roles: [pair()] }), roleArn, `arn:aws:iam::${t.accountId}:saml-provider/Nope`),
    );
    expect(noProvider.message).toBe("Specified provider doesn't exist");
  });

  it('refuses an unsigned assertion, a forged signature and tampered content', async () => {
    const unsigned = await caught(() => assume(idp.response({ roles: [pair()], sign: 'none' })));
    expect(unsigned.name).toBe('InvalidIdentityTokenException');
    expect(unsigned.message).toBe('Response signature invalid');
    const forged = await caught(() => assume(idp.response({ roles: [pair()], signingKey: forger.key })));
    expect(forged.message).toBe('Response signature invalid');
    const tampered = await caught(() =>
      assume(
        idp.response({
          roles: [pair(otherRoleArn)],
          tamper: (xml) => xml.replace('role/SamlReader', 'role/SamlAdmin'),
        }),
      ),
    );
    expect(tampered.message).toBe('Response signature invalid');
  });

  it('refuses signature-wrapping: an extra assertion, a moved signed assertion, a copied signature', async () => {
    const evilAssertion = (xml: string) =>
      /<saml:Assertion[\s\S]*<\/saml:Assertion>/
        .exec(xml)![0]
        .replace(/<Signature[\s\S]*<\/Signature>/, '')
        .replace(/ID="[^"]+"/, 'ID="_evil"')
        .replace('alice@example.com', 'mallory@example.com');
    // XSW: a second, unsigned assertion next to the signed response's.
    const extra = await caught(() =>
      assume(
        idp.response({
          roles: [pair()],
          sign: 'response',
          tamper: (xml) => xml.replace('</samlp:Status>', `</samlp:Status>${evilAssertion(xml)}`),
        }),
      ),
    );
    expect(extra.message).toBe('The SAML response must contain exactly one assertion.');
    // XSW: the signed assertion hidden in an Extensions element, an evil one in its place.
    const moved = await caught(() =>
      assume(
        idp.response({
          roles: [pair()],
          tamper: (xml) => {
            const signed = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(xml)![0];
            return xml.replace(
              signed,
              `<samlp:Extensions>${signed}</samlp:Extensions>${evilAssertion(xml).replace('_evil', /ID="([^"]+)"/.exec(signed)![1]!)}`,
            );
          },
        }),
      ),
    );
    expect(moved.message).toBe('The SAML response must contain exactly one assertion.');
    // The assertion's valid signature moved up to the Response: it still verifies, but it is not
    // the Response's own (it references the assertion), so the now unsigned assertion is refused.
    const hoisted = await caught(() =>
      assume(
        idp.response({
          roles: [pair()],
          tamper: (xml) => {
            const sig = /<Signature[\s\S]*<\/Signature>/.exec(xml)![0];
            return xml.replace(sig, '').replace('</saml:Issuer><samlp:Status>', `</saml:Issuer>${sig}<samlp:Status>`);
          },
        }),
      ),
    );
    expect(hoisted.message).toBe('Response signature invalid');
    // A valid signature from another assertion, pasted into an evil one: it references the other's ID.
    const donor = idp.responseXml({ roles: [pair()] });
    const signature = /<Signature[\s\S]*<\/Signature>/.exec(donor)![0];
    const pasted = await caught(() =>
      assume(
        idp.response({
          roles: [pair()],
          sign: 'none',
          tamper: (xml) => xml.replace('</saml:Issuer><saml:Subject>', `</saml:Issuer>${signature}<saml:Subject>`),
        }),
      ),
    );
    expect(pasted.message).toBe('Response signature invalid');
  });

  it('refuses a comment injected into the NameID, and a DTD', async () => {
    const comment = await caught(() =>
      assume(
        idp.response({
          roles: [pair()],
          nameId: 'alice@example.com.evil.test',
          tamper: (xml) => xml.replace('alice@example.com.evil.test', 'alice@example.com<!---->.evil.test'),
        }),
      ),
    );
    expect(comment.message).toBe('Invalid SAML response: comments are not allowed in an assertion.');
    const dtd = await caught(() =>
      assume(
        idp.response({
          roles: [pair()],
          tamper: (xml) => `<!DOCTYPE r [<!ENTITY x "alice">]>${xml}`,
        }),
      ),
    );
    expect(dtd.name).toBe('InvalidIdentityTokenException');
  });

  it('refuses expired, not yet valid, stale, replayed, misaddressed and foreign-issuer assertions', async () => {
    const expired = await caught(() => assume(idp.response({ roles: [pair()], issuedAgo: 120, notOnOrAfterIn: -60 })));
    expect(expired.name).toBe('ExpiredTokenException');
    const stale = await caught(() => assume(idp.response({ roles: [pair()], issuedAgo: 400, notOnOrAfterIn: 600 })));
    expect(stale.name).toBe('ExpiredTokenException');
    expect(stale.message).toBe('Token must be redeemed within 5 minutes of issuance');
    const early = await caught(() =>
      assume(idp.response({ roles: [pair()], notBeforeIn: 3600, notOnOrAfterIn: 7200 })),
    );
    expect(early.name).toBe('InvalidIdentityTokenException');
    const audience = await caught(() => assume(idp.response({ roles: [pair()], audience: 'https://evil.test/saml' })));
    expect(audience.message).toBe('Response does not contain the required audience.');
    const recipient = await caught(() =>
      assume(
        idp.response({
          roles: [pair()],
          recipient: 'https://evil.test/acs',
          destination: 'https://signin.aws.amazon.com/saml',
        }),
      ),
    );
    expect(recipient.name).toBe('InvalidIdentityTokenException');
    const issuer = await caught(() => assume(idp.response({ roles: [pair()], issuer: 'https://evil.test/idp' })));
    expect(issuer.message).toBe('Issuer not present in specified provider');

    const once = idp.response({ roles: [pair(), pair(otherRoleArn)] });
    await assume(once);
    const replay = await caught(() => assume(once));
    expect(replay.name).toBe('InvalidIdentityTokenException');
    expect(replay.message).toBe('This SAML assertion has already been used to assume this role.');
    // AWS lets one assertion serve each role it offers (CLI tools fetch several roles' credentials).
    await assume(once, otherRoleArn);
  });

  it('works from the aws CLI (assume-role-with-saml)', async () => {
    const { stdout } = await run(
      'aws',
      [
        'sts',
        'assume-role-with-saml',
        '--endpoint-url',
        t.url,
        '--role-arn',
        roleArn,
        '--principal-arn',
        providerArn,
        '--saml-assertion',
        idp.response({ roles: [pair()], sessionName: 'cli-user' }),
        '--output',
        'json',
      ],
      {
        env: {
          ...process.env,
          AWS_DEFAULT_REGION: 'us-east-1',
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
          AWS_ACCESS_KEY_ID: '',
          AWS_SECRET_ACCESS_KEY: '',
        },
        timeout: 60_000,
      },
    );
    const out = JSON.parse(stdout) as { AssumedRoleUser: { Arn: string }; SubjectType: string };
    expect(out.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${t.accountId}:assumed-role/SamlAdmin/cli-user`);
    expect(out.SubjectType).toBe('persistent');

    // The provider itself from the CLI: the metadata from a file, as `aws iam create-saml-provider` is used.
    const dir = mkdtempSync(join(tmpdir(), 'ward-saml-cli-'));
    try {
      writeFileSync(join(dir, 'metadata.xml'), new TestIdp('https://cli-idp.example.com').metadata());
      const signed = {
        ...process.env,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_ACCESS_KEY_ID: t.root.accessKeyId,
        AWS_SECRET_ACCESS_KEY: t.root.secretAccessKey,
      };
      const iam = (...args: string[]) =>
        run('aws', ['iam', ...args, '--endpoint-url', t.url, '--output', 'json'], { env: signed, timeout: 60_000 });
      const created = JSON.parse(
        (
          await iam(
            'create-saml-provider',
            '--name',
            'CliIdP',
            '--saml-metadata-document',
            `file://${join(dir, 'metadata.xml')}`,
          )
        ).stdout,
      ) as { SAMLProviderArn: string };
      expect(created.SAMLProviderArn).toBe(`arn:aws:iam::${t.accountId}:saml-provider/CliIdP`);
      const got = JSON.parse(
        (await iam('get-saml-provider', '--saml-provider-arn', created.SAMLProviderArn)).stdout,
      ) as {
        SAMLMetadataDocument: string;
      };
      expect(got.SAMLMetadataDocument).toContain('https://cli-idp.example.com');
      await iam('delete-saml-provider', '--saml-provider-arn', created.SAMLProviderArn);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.skipIf(!TEST_DATABASE_URL)('AssumeRoleWithSAML on two nodes of one PostgreSQL database', () => {
  it('refuses on the second node an assertion the first redeemed', async () => {
    const b = await startTestWard({ join: t });
    try {
      const once = idp.response({ roles: [pair()] });
      await assume(once);
      const replay = await caught(() =>
        b
          .sts()
          .send(new AssumeRoleWithSAMLCommand({ RoleArn: roleArn, PrincipalArn: providerArn, SAMLAssertion: once })),
      );
      expect(replay.message).toBe('This SAML assertion has already been used to assume this role.');
    } finally {
      await b.close();
    }
  });
});
