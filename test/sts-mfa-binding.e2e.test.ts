import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeAtStep, stepAt } from '../src/iam/core/totp.js';
import { secondAccount } from './support/accounts.js';
import { createRole, sessionCredentials, trustPolicy } from './support/sts.js';
import { policy, userWithKey } from './support/users.js';
import { type Credentials, type TestWard, caught, startTestWard } from './support/ward.js';

/**
 * Issue 12, item 4: a role session passed another account's user's MFA device (SerialNumber and a
 * valid TokenCode) to AssumeRole and satisfied aws:MultiFactorAuthPresent. AWS takes SerialNumber
 * as "the identification number of the MFA device that is associated with the user who is making
 * the AssumeRole call" (likewise GetSessionToken); a role session has no device, and any device
 * not the caller's own fails with AccessDenied "MultiFactorAuthentication failed with invalid MFA
 * one time pass code." (the text AWS answers GetSessionToken with for a bad code).
 */
let t: TestWard;
let now = new Date();
let runner: Credentials;
let mallory: Credentials;
let roleSession: Credentials;
let guarded: string;
let foreignSerial: string;
let foreignSeed: string;
let localSerial: string;
const MFA_FAILED = 'MultiFactorAuthentication failed with invalid MFA one time pass code.';

/** Moves the fake clock a minute on (never a replayed step) and returns the device's code for it. */
const nextCode = (seed: string): string => {
  now = new Date(now.getTime() + 60_000);
  return codeAtStep(seed, stepAt(now));
};

async function enabledDevice(
  creds: Credentials,
  userName: string,
  name: string,
): Promise<{ serial: string; seed: string }> {
  const device = (await t.iam(creds).send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name })))
    .VirtualMFADevice!;
  const seed = new TextDecoder().decode(device.Base32StringSeed);
  const step = stepAt(now);
  await t.iam(creds).send(
    new EnableMFADeviceCommand({
      UserName: userName,
      SerialNumber: device.SerialNumber!,
      AuthenticationCode1: codeAtStep(seed, step - 1),
      AuthenticationCode2: codeAtStep(seed, step),
    }),
  );
  return { serial: device.SerialNumber!, seed };
}

beforeAll(async () => {
  t = await startTestWard({ clock: () => now });
  const assume = { assume: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }) };
  runner = await userWithKey(t, 'runner', assume);
  guarded = await createRole(
    t,
    'guarded',
    trustPolicy({ AWS: t.accountId }, { condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
  );
  const hop = await createRole(t, 'hop', trustPolicy({ AWS: t.accountId }), assume);
  roleSession = sessionCredentials(
    (await t.sts(runner).send(new AssumeRoleCommand({ RoleArn: hop, RoleSessionName: 'hop' }))).Credentials,
  );

  // Another account's user, whose device (and codes) the attacker holds.
  const other = await secondAccount(t);
  await t.iam(other.root).send(new CreateUserCommand({ UserName: 'mallory' }));
  const key = (await t.iam(other.root).send(new CreateAccessKeyCommand({ UserName: 'mallory' }))).AccessKey!;
  mallory = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  ({ serial: foreignSerial, seed: foreignSeed } = await enabledDevice(other.root, 'mallory', 'mallory-phone'));

  await t.iam().send(new CreateUserCommand({ UserName: 'colleague' }));
  ({ serial: localSerial } = await enabledDevice(t.root, 'colleague', 'colleague-phone'));
});
afterAll(() => t.close());

describe('MFA on STS calls is bound to the caller', () => {
  it("refuses a role session presenting another account's user's device, and does not spend the code", async () => {
    const code = nextCode(foreignSeed);
    const err = await caught(() =>
      t.sts(roleSession).send(
        new AssumeRoleCommand({
          RoleArn: guarded,
          RoleSessionName: 'chained',
          SerialNumber: foreignSerial,
          TokenCode: code,
        }),
      ),
    );
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe(MFA_FAILED);
    // The refused attempt never reached the device: its owner can still use that very code.
    await t.sts(mallory).send(new GetSessionTokenCommand({ SerialNumber: foreignSerial, TokenCode: code }));
  });

  it("refuses an IAM user presenting another user's device, in another account or its own", async () => {
    const foreign = await caught(() =>
      t.sts(runner).send(
        new AssumeRoleCommand({
          RoleArn: guarded,
          RoleSessionName: 'user',
          SerialNumber: foreignSerial,
          TokenCode: nextCode(foreignSeed),
        }),
      ),
    );
    expect(foreign.name).toBe('AccessDenied');
    expect(foreign.message).toBe(MFA_FAILED);
    const local = await caught(() =>
      t.sts(runner).send(new GetSessionTokenCommand({ SerialNumber: localSerial, TokenCode: '123456' })),
    );
    expect(local.message).toBe(MFA_FAILED);
  });

  it("refuses the root user presenting an IAM user's device to GetSessionToken", async () => {
    const err = await caught(() =>
      t.sts().send(new GetSessionTokenCommand({ SerialNumber: foreignSerial, TokenCode: nextCode(foreignSeed) })),
    );
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe(MFA_FAILED);
  });
});
