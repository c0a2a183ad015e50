import { generateKeyPairSync } from 'node:crypto';
import {
  ChangePasswordCommand,
  CreateLoginProfileCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetCredentialReportCommand,
  GetSSHPublicKeyCommand,
  UpdateAccountPasswordPolicyCommand,
  UploadSSHPublicKeyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyConsolePassword } from '../src/iam/core/password-policy.js';
import { userWithKey } from './support/users.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

let t: TestWard;
beforeAll(async () => {
  t = await startTestWard();
});
afterAll(() => t.close());

describe('passwords', () => {
  it('enforces the account password policy, reuse prevention and ChangePassword', async () => {
    const iam = t.iam();
    const none = await caught(() => iam.send(new GetAccountPasswordPolicyCommand({})));
    expect(none.message).toBe(`The Password Policy with domain name ${t.accountId} cannot be found.`);
    await iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 10,
        RequireUppercaseCharacters: true,
        RequireNumbers: true,
        PasswordReusePrevention: 2,
      }),
    );
    expect((await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy?.MinimumPasswordLength).toBe(10);
    const key = await userWithKey(t, 'pat', {
      self: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ChangePassword', Resource: '*' }] },
    });
    const short = await caught(() => iam.send(new CreateLoginProfileCommand({ UserName: 'pat', Password: 'Short1' })));
    expect(short.Code).toBe('PasswordPolicyViolation');
    expect(short.message).toBe('Password should have a minimum length of 10');
    const upper = await caught(() =>
      iam.send(new CreateLoginProfileCommand({ UserName: 'pat', Password: 'lowercase-only-1' })),
    );
    expect(upper.message).toBe('Password should have at least one uppercase letter');
    await iam.send(new CreateLoginProfileCommand({ UserName: 'pat', Password: 'Correct-Horse-1' }));
    expect((await caught(() => iam.send(new DeleteUserCommand({ UserName: 'pat' })))).message).toBe(
      'Cannot delete entity, must delete login profile first.',
    );

    const mine = t.iam(key);
    const wrongOld = await caught(() =>
      mine.send(new ChangePasswordCommand({ OldPassword: 'nope', NewPassword: 'Battery-Staple-2' })),
    );
    expect(wrongOld.message).toBe('The old password was incorrect');
    await mine.send(new ChangePasswordCommand({ OldPassword: 'Correct-Horse-1', NewPassword: 'Battery-Staple-2' }));
    const reuse = await caught(() =>
      mine.send(new ChangePasswordCommand({ OldPassword: 'Battery-Staple-2', NewPassword: 'Correct-Horse-1' })),
    );
    expect(reuse.Code).toBe('PasswordPolicyViolation');
    expect(await verifyConsolePassword(t.ward.store, t.accountId, 'pat', 'Battery-Staple-2', new Date())).toEqual({
      ok: true,
      mustChange: false,
    });
    expect((await verifyConsolePassword(t.ward.store, t.accountId, 'pat', 'Correct-Horse-1', new Date())).ok).toBe(
      false,
    );
    await iam.send(new DeleteLoginProfileCommand({ UserName: 'pat' }));
  });
});

describe('SSH public keys and the credential report', () => {
  it('uploads an ed25519 key and reports every user with the root row first', async () => {
    const iam = t.iam();
    await userWithKey(t, 'sshuser');
    const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
    const raw = Buffer.from(jwk.x!, 'base64url');
    const str = (b: Buffer) =>
      Buffer.concat([Buffer.alloc(4, 0), b]).fill(0, 0, 4) && Buffer.concat([u32(b.length), b]);
    const u32 = (n: number) => {
      const b = Buffer.alloc(4);
      b.writeUInt32BE(n);
      return b;
    };
    const body = `ssh-ed25519 ${Buffer.concat([str(Buffer.from('ssh-ed25519')), str(raw)]).toString('base64')} test`;
    const up = (await iam.send(new UploadSSHPublicKeyCommand({ UserName: 'sshuser', SSHPublicKeyBody: body })))
      .SSHPublicKey!;
    expect(up.SSHPublicKeyId).toMatch(/^APKA[A-Z2-7]{16}$/);
    const pem = (
      await iam.send(
        new GetSSHPublicKeyCommand({ UserName: 'sshuser', SSHPublicKeyId: up.SSHPublicKeyId, Encoding: 'PEM' }),
      )
    ).SSHPublicKey!;
    expect(pem.SSHPublicKeyBody).toContain('BEGIN PUBLIC KEY');
    const bad = await caught(() =>
      iam.send(new UploadSSHPublicKeyCommand({ UserName: 'sshuser', SSHPublicKeyBody: 'ssh-rsa AAAAnotakey' })),
    );
    expect(bad.Code).toBe('InvalidPublicKey');

    expect((await caught(() => iam.send(new GetCredentialReportCommand({})))).name).toBe(
      'CredentialReportNotPresentException',
    );
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('STARTED');
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('COMPLETE');
    const report = await iam.send(new GetCredentialReportCommand({}));
    expect(report.ReportFormat).toBe('text/csv');
    const lines = Buffer.from(report.Content!)
      .toString('utf8')
      .split('\n')
      .map((l) => l.split(','));
    expect(lines[0]!.length).toBe(22);
    expect(lines[0]!.slice(0, 4)).toEqual(['user', 'arn', 'user_creation_time', 'password_enabled']);
    const root = lines[1]!;
    expect(root[0]).toBe('<root_account>');
    expect(root[1]).toBe(`arn:aws:iam::${t.accountId}:root`);
    expect(root[3]).toBe('not_supported');
    expect(root[8]).toBe('true');
    const ssh = lines.find((l) => l[0] === 'sshuser')!;
    expect(ssh.slice(3, 9)).toEqual(['false', 'N/A', 'N/A', 'N/A', 'false', 'true']);
    expect(ssh.slice(13)).toEqual(['false', 'N/A', 'N/A', 'N/A', 'N/A', 'false', 'N/A', 'false', 'N/A']);
  });
});
