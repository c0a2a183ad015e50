import type { ConsoleStore } from '../deps.js';
import type { SessionStage } from '../store.js';

export async function assignedMfaSerials(
  store: ConsoleStore,
  accountId: string,
  userId: string | undefined,
): Promise<string[]> {
  const devices = await store.credentials.mfaDevicesOf(accountId, userId);
  return devices.filter((d) => d.enableDate !== undefined).map((d) => d.serialNumber);
}

/** The step after the password and, when due, the MFA code. */
export function stageAfterSecondFactor(
  mustChange: boolean,
  rootWithoutMfa: boolean,
  rootMfaSkippable: boolean,
): SessionStage {
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

const HOME = '/console/home';
/** Resolves relative targets for the check below; never seen by anyone. */
const PROBE = 'http://ward.invalid';

/**
 * Only a console path on this origin: never an open redirect (`//evil`, `/\evil`, `https://…`),
 * never out of /console by dot segments, and never control characters or anything else that
 * could not go into a Location header as is (a 500, or a header injection). Anything else goes
 * to the console's home.
 */
export function safeRedirect(redirect: string | undefined): string {
  if (
    !redirect ||
    redirect.length > 2048 ||
    !/^\/console\/[\x21-\x7e]*$/.test(redirect) ||
    redirect.includes('\\') ||
    redirect.startsWith('/console//')
  )
    return HOME;
  let url: URL;
  try {
    url = new URL(redirect, PROBE);
  } catch {
    return HOME;
  }
  if (
    url.origin !== PROBE ||
    !url.pathname.startsWith('/console/') ||
    url.pathname.startsWith('/console/signin') ||
    url.pathname.startsWith('/console//')
  )
    return HOME;
  // The parsed form: dot segments resolved, so what is checked is what the browser will load.
  return `${url.pathname}${url.search}`;
}
