import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as AWS virtual MFA uses it: SHA1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;

export const stepAt = (now: Date): number => Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);

export function newSeedBase32(): string {
  return new Secret({ size: 20 }).base32;
}

export function codeAtStep(seedBase32: string, step: number): string {
  const totp = new TOTP({
    secret: Secret.fromBase32(seedBase32),
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
  });
  return totp.generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
}

/** The step in [from, to] (ascending) whose code is `code`, or undefined. */
export function findStep(seedBase32: string, code: string, from: number, to: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  for (let s = from; s <= to; s++) if (codeAtStep(seedBase32, s) === code) return s;
  return undefined;
}

/** The otpauth:// URI an authenticator app scans. */
export function otpauthUri(seedBase32: string, label: string, issuer: string): string {
  return new TOTP({
    issuer,
    label,
    secret: Secret.fromBase32(seedBase32),
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
  }).toString();
}

/**
 * Two consecutive codes: code1 at step t, code2 at t+1, both within ±1 step of `now` (shifted by
 * a measured drift) and after the last accepted step. Returns the step of code2.
 */
export function consecutiveCodes(
  seedBase32: string,
  code1: string,
  code2: string,
  now: Date,
  window: number,
  lastStep: number,
  drift = 0,
): number | undefined {
  const n = stepAt(now) + drift;
  const from = Math.max(n - window, lastStep + 1);
  const t1 = findStep(seedBase32, code1, from, n + window - 1);
  if (t1 === undefined) return undefined;
  return codeAtStep(seedBase32, t1 + 1) === code2 ? t1 + 1 : undefined;
}
