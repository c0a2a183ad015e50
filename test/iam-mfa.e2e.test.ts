import {
  GetAccountSummaryCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  ListMFADevicesCommand,
  ListVirtualMFADevicesCommand,
  ResyncMFADeviceCommand,
} from '@aws-sdk/client-iam';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyMfaCode } from '../src/iam/core/mfa-verify.js';
import { type TestWard, caught, startTestWard } from './support/ward.js';

// A fake clock a few seconds into a 30-second step; tests move it by whole steps (well within SigV4's skew).
let now = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 5_000);
const advance = (steps: number) => {
  now = new Date(now.getTime() + steps * 30_000);
};
let t: TestWard;
beforeAll(async () => {
  t = await startTestWard({ clock: () => now });
});
afterAll(() => t.close());

const code = (seed: string, at: Date, stepOffset = 0) =>
  new TOTP({ secret: Secret.fromBase32(seed), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: at.getTime() + stepOffset * 30_000,
  });

describe('virtual MFA', () => {
  it('creates, enables with two consecutive codes, refuses reuse, resyncs, deactivates and deletes', async () => {
    const iam = t.iam();
    await iam.send(new CreateUserCommand({ UserName: 'mfa-user' }));
    const created = (
      await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'phone', Path: '/team/' }))
    ).VirtualMFADevice!;
    expect(created.SerialNumber).toBe(`arn:aws:iam::${t.accountId}:mfa/team/phone`);
    const seed = Buffer.from(created.Base32StringSeed!).toString('utf8');
    expect(seed).toMatch(/^[A-Z2-7]{32}$/);
    expect(Buffer.from(created.QRCodePNG!).subarray(1, 4).toString('latin1')).toBe('PNG');
    const dup = await caught(() =>
      iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'phone', Path: '/team/' })),
    );
    expect(dup.Code).toBe('EntityAlreadyExists');

    const serial = created.SerialNumber!;
    const wrong = await caught(() =>
      iam.send(
        new EnableMFADeviceCommand({
          UserName: 'mfa-user',
          SerialNumber: serial,
          AuthenticationCode1: code(seed, now),
          AuthenticationCode2: code(seed, now),
        }),
      ),
    );
    expect(wrong.Code).toBe('InvalidAuthenticationCode');
    expect(wrong.message).toBe('Authentication code for device is not valid.');

    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'mfa-user',
        SerialNumber: serial,
        AuthenticationCode1: code(seed, now, -1),
        AuthenticationCode2: code(seed, now),
      }),
    );
    const listed = (await iam.send(new ListMFADevicesCommand({ UserName: 'mfa-user' }))).MFADevices!;
    expect(listed.map((d) => [d.UserName, d.SerialNumber])).toEqual([['mfa-user', serial]]);
    const assigned = (await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned' })))
      .VirtualMFADevices!;
    expect(assigned.map((d) => [d.SerialNumber, d.User?.UserName])).toEqual([[serial, 'mfa-user']]);
    expect(
      (await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }))).VirtualMFADevices,
    ).toEqual([]);

    // The code just used is refused; the next step's is accepted once.
    expect(await verifyMfaCode(t.ward.store, undefined, serial, code(seed, now), now)).toBe('invalid');
    expect(await verifyMfaCode(t.ward.store, undefined, serial, code(seed, now, 1), now)).toBe('ok');
    expect(await verifyMfaCode(t.ward.store, undefined, serial, code(seed, now, 1), now)).toBe('invalid');
    expect(await verifyMfaCode(t.ward.store, undefined, serial, '000000', now)).toBe('invalid');

    const inUse = await caught(() => iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })));
    expect(inUse.Code).toBe('DeleteConflict');
    expect(inUse.message).toBe('MFA VirtualDevice in use. Must deactivate first.');
    const userConflict = await caught(() => iam.send(new DeleteUserCommand({ UserName: 'mfa-user' })));
    expect(userConflict.message).toBe('Cannot delete entity, must delete MFA device first.');

    // Resync with a device clock 4 steps ahead: later codes then verify at that drift.
    advance(2);
    await iam.send(
      new ResyncMFADeviceCommand({
        UserName: 'mfa-user',
        SerialNumber: serial,
        AuthenticationCode1: code(seed, now, 4),
        AuthenticationCode2: code(seed, now, 5),
      }),
    );
    advance(1);
    expect(await verifyMfaCode(t.ward.store, undefined, serial, code(seed, now, 5), now)).toBe('ok');

    await iam.send(new DeactivateMFADeviceCommand({ UserName: 'mfa-user', SerialNumber: serial }));
    expect(await verifyMfaCode(t.ward.store, undefined, serial, code(seed, now, 6), now)).toBe('invalid');
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }));
    await iam.send(new DeleteUserCommand({ UserName: 'mfa-user' }));
  });

  it('gives the root user its own device', async () => {
    const iam = t.iam();
    const dev = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'root-account-mfa-device' })))
      .VirtualMFADevice!;
    const seed = Buffer.from(dev.Base32StringSeed!).toString('utf8');
    advance(3);
    await iam.send(
      new EnableMFADeviceCommand({
        UserName: 'root',
        SerialNumber: dev.SerialNumber!,
        AuthenticationCode1: code(seed, now),
        AuthenticationCode2: code(seed, now, 1),
      }),
    );
    const mine = (await iam.send(new ListMFADevicesCommand({}))).MFADevices!;
    expect(mine.map((d) => d.SerialNumber)).toEqual([`arn:aws:iam::${t.accountId}:mfa/root-account-mfa-device`]);
    const listed = (await iam.send(new ListVirtualMFADevicesCommand({}))).VirtualMFADevices!;
    expect(listed.find((d) => d.SerialNumber === dev.SerialNumber)?.User?.Arn).toBe(`arn:aws:iam::${t.accountId}:root`);
    // The account summary counts what is there: root's device and its bootstrapped console password.
    const summary = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
    expect(summary.AccountMFAEnabled).toBe(1);
    expect(summary.MFADevicesInUse).toBe(summary.MFADevices);
    expect(summary.MFADevicesInUse).toBeGreaterThanOrEqual(1);
    expect(summary.AccountPasswordPresent).toBe(1);
    expect(summary.AccountSigningCertificatesPresent).toBe(0);
  });
});
