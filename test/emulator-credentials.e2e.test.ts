import {
  CreateAccessKeyCommand,
  CreateSAMLProviderCommand,
  CreateUserCommand,
  GenerateCredentialReportCommand,
  GetAccessKeyLastUsedCommand,
  GetCredentialReportCommand,
  GetSAMLProviderCommand,
  GetServerCertificateCommand,
  GetSSHPublicKeyCommand,
  type IAMClient,
  ListSigningCertificatesCommand,
  UploadSSHPublicKeyCommand,
  UploadServerCertificateCommand,
  UploadSigningCertificateCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleWithSAMLCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestIdp } from './support/saml-idp.js';
import { createRole, trustPolicy } from './support/sts.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

// Each relaxation twice: AWS's answer on a plain Ward, moto's with --emulator.
let emu: TestWard;
let strict: TestWard;
beforeAll(async () => {
  [emu, strict] = await Promise.all([startTestWard({ emulator: true }), startTestWard()]);
  await Promise.all([emu, strict].map((w) => w.iam().send(new CreateUserCommand({ UserName: 'alice' }))));
});
afterAll(() => Promise.all([emu.close(), strict.close()]));

const junkKey = 'ssh-rsa not-a-key suite@example';

describe('emulator mode: credential material that does not parse', () => {
  it('AWS refuses an SSH public key that is none (InvalidPublicKey)', async () => {
    const err = await caught(() =>
      strict.iam().send(new UploadSSHPublicKeyCommand({ UserName: 'alice', SSHPublicKeyBody: junkKey })),
    );
    expect(err.Code).toBe('InvalidPublicKey');
  });

  it('with --emulator it is stored verbatim, and has no PEM form (UnrecognizedPublicKeyEncoding): it fails closed', async () => {
    const iam = emu.iam();
    const up = await iam.send(new UploadSSHPublicKeyCommand({ UserName: 'alice', SSHPublicKeyBody: junkKey }));
    const id = up.SSHPublicKey!.SSHPublicKeyId!;
    const ssh = await iam.send(new GetSSHPublicKeyCommand({ UserName: 'alice', SSHPublicKeyId: id, Encoding: 'SSH' }));
    expect(ssh.SSHPublicKey?.SSHPublicKeyBody).toBe(junkKey);
    const pem = await caught(() =>
      iam.send(new GetSSHPublicKeyCommand({ UserName: 'alice', SSHPublicKeyId: id, Encoding: 'PEM' })),
    );
    expect(pem.Code).toBe('UnrecognizedPublicKeyEncoding');
  });

  it('AWS refuses a signing certificate body that is no certificate (MalformedCertificate); --emulator stores it', async () => {
    const body = 'not a certificate';
    const err = await caught(() =>
      strict.iam().send(new UploadSigningCertificateCommand({ UserName: 'alice', CertificateBody: body })),
    );
    expect(err.Code).toBe('MalformedCertificate');
    await emu.iam().send(new UploadSigningCertificateCommand({ UserName: 'alice', CertificateBody: body }));
    const listed = await emu.iam().send(new ListSigningCertificatesCommand({ UserName: 'alice' }));
    expect(listed.Certificates?.map((c) => c.CertificateBody)).toEqual([body]);
  });

  it('AWS refuses a server certificate that does not parse (MalformedCertificate); --emulator stores it', async () => {
    const input = { ServerCertificateName: 'junk', CertificateBody: 'not a certificate', PrivateKey: 'not a key' };
    const err = await caught(() => strict.iam().send(new UploadServerCertificateCommand(input)));
    expect(err.Code).toBe('MalformedCertificate');
    await emu.iam().send(new UploadServerCertificateCommand(input));
    const got = await emu.iam().send(new GetServerCertificateCommand({ ServerCertificateName: 'junk' }));
    expect(got.ServerCertificate?.CertificateBody).toBe('not a certificate');
    expect(got.ServerCertificate?.ServerCertificateMetadata?.Expiration).toBeUndefined();
  });

  it('AWS refuses SAML metadata that does not parse (InvalidInput); --emulator stores it, and no assertion verifies through it', async () => {
    // The model's minimum length is 1000 characters.
    const junk = 'not-metadata '.repeat(80);
    const err = await caught(() =>
      strict.iam().send(new CreateSAMLProviderCommand({ Name: 'Junk', SAMLMetadataDocument: junk })),
    );
    expect(err.name).toBe('InvalidInputException');
    const arn = (await emu.iam().send(new CreateSAMLProviderCommand({ Name: 'Junk', SAMLMetadataDocument: junk })))
      .SAMLProviderArn!;
    expect((await emu.iam().send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }))).SAMLMetadataDocument).toBe(
      junk,
    );
    // A role trusting it, and a well-signed response naming it: still refused (fail closed).
    const idp = new TestIdp('https://idp.example.com/saml');
    const role = await createRole(
      emu,
      'JunkSaml',
      trustPolicy({ Federated: arn }, { actions: ['sts:AssumeRoleWithSAML'] }),
    );
    const refused = await caught(() =>
      emu.sts().send(
        new AssumeRoleWithSAMLCommand({
          RoleArn: role,
          PrincipalArn: arn,
          SAMLAssertion: idp.response({ roles: [`${role},${arn}`] }),
        }),
      ),
    );
    expect(refused.name).toBe('InvalidIdentityTokenException');
  });
});

describe('emulator mode: bookkeeping', () => {
  const usedKey = async (w: TestWard, userName: string): Promise<{ iam: IAMClient; keyId: string }> => {
    await w.iam().send(new CreateUserCommand({ UserName: userName }));
    const key = (await w.iam().send(new CreateAccessKeyCommand({ UserName: userName }))).AccessKey!;
    await w
      .sts({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! })
      .send(new GetCallerIdentityCommand({}));
    return { iam: w.iam(), keyId: key.AccessKeyId! };
  };

  it("AWS records a key's last use after the call (Ward batches it, within a second)", async () => {
    const { iam, keyId } = await usedKey(strict, 'bob');
    let lastUsed: Date | undefined;
    for (let i = 0; i < 50 && !lastUsed; i++) {
      lastUsed = (await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: keyId }))).AccessKeyLastUsed
        ?.LastUsedDate;
      if (!lastUsed) await new Promise((r) => setTimeout(r, 100));
    }
    expect(lastUsed).toBeInstanceOf(Date);
  });

  it("with --emulator a key's last use is readable right after the call", async () => {
    const { iam, keyId } = await usedKey(emu, 'bob');
    const used = (await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: keyId }))).AccessKeyLastUsed;
    expect(used?.LastUsedDate).toBeInstanceOf(Date);
    expect(used?.ServiceName).toBe('sts');
  });

  const reportNames = async (iam: IAMClient): Promise<string[]> => {
    const content = (await iam.send(new GetCredentialReportCommand({}))).Content!;
    return Buffer.from(content)
      .toString('utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]!);
  };

  it('AWS keeps a generated credential report for four hours: GenerateCredentialReport answers COMPLETE and changes nothing', async () => {
    const iam = strict.iam();
    await iam.send(new GenerateCredentialReportCommand({}));
    await iam.send(new CreateUserCommand({ UserName: 'late' }));
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('COMPLETE');
    expect(await reportNames(iam)).not.toContain('late');
  });

  it('with --emulator GenerateCredentialReport always generates anew', async () => {
    const iam = emu.iam();
    await iam.send(new GenerateCredentialReportCommand({}));
    await iam.send(new CreateUserCommand({ UserName: 'late' }));
    await iam.send(new GenerateCredentialReportCommand({}));
    expect(await reportNames(iam)).toContain('late');
  });
});
