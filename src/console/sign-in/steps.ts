import type { ConsoleStore } from '../deps.js';
import type { SessionStage } from '../store.js';

export async function assignedMfaSerials(store: ConsoleStore, accountId: string, userId: string | undefined): Promise<string[]> {
  const devices = await store.credentials.mfaDevicesOf(accountId, userId);
  return devices.filter((d) => d.enableDate !== undefined).map((d) => d.serialNumber);
}

/** The step after the password and, when due, the MFA code. */
export function stageAfterSecondFactor(mustChange: boolean, rootWithoutMfa: boolean, rootMfaSkippable: boolean): SessionStage {
  if (mustChange) return 'change-password';
  if (rootWithoutMfa && !rootMfaSkippable) return 'register-mfa';
  return 'active';
}

/** Where a session goes once its stage is set. */
export function pageOfStage(stage: SessionStage, rootWithoutMfa: boolean, redirect: string | undefined): string {
  if (stage === 'mfa') return '/console/mfa';
  if (stage === 'change-password') return '/console/change-password';
  if (stage === 'register-mfa' || rootWithoutMfa) return '/console/register-mfa';
  return safeRedirect(redirect);
}

/** Only a console path: never an open redirect to another site. */
export function safeRedirect(redirect: string | undefined): string {
  if (redirect && /^\/console\/[^/\\]/.test(redirect) && !redirect.startsWith('/console/signin')) return redirect;
  return '/console/home';
}
