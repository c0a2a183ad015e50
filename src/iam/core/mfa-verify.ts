import type { IamStore } from '../iam-store.js';
import type { SecretBox } from '../../shared/secret-box.js';
import { findStep, stepAt } from './totp.js';

/** Whose device a code must come from: an IAM user (`userId`), or the account's root (no `userId`). */
export interface MfaOwner {
  accountId: string;
  userId?: string;
}

/**
 * Checks one MFA code for an enabled (assigned) virtual MFA device, as STS and the console use
 * it: valid within ±1 step of `now` (plus the drift ResyncMFADevice measured) and not already used
 * for this device. An accepted code's step is recorded, so the same code cannot be replayed.
 * With `owner`, the device must be assigned to that user (or root) in that account: AWS takes
 * "the MFA device that is associated with the user making the call", and another principal's
 * device, even with its valid code, proves nothing about the caller (nor is its code spent).
 * The store opens the sealed seed itself; `box` is accepted for callers that hold one and unused.
 */
export async function verifyMfaCode(
  store: IamStore,
  _box: SecretBox | undefined,
  serialNumber: string,
  code: string,
  now: Date,
  owner?: MfaOwner,
): Promise<'ok' | 'invalid'> {
  return store.transaction(async (tx) => {
    const device = await tx.credentials.getMfaDevice(serialNumber);
    if (!device || device.enableDate === undefined) return 'invalid';
    if (
      owner &&
      !(
        device.accountId === owner.accountId &&
        (owner.userId === undefined ? device.assignedRoot : device.userId === owner.userId)
      )
    )
      return 'invalid';
    const seed = await tx.credentials.mfaSeed(serialNumber);
    if (seed === undefined) return 'invalid';
    const n = stepAt(now) + device.driftSteps;
    const step = findStep(seed, code, Math.max(n - 1, device.lastStep + 1), n + 1);
    if (step === undefined) return 'invalid';
    await tx.credentials.recordMfaStep(serialNumber, step);
    return 'ok';
  });
}
