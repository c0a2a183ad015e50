import type { ConsoleContext } from '../../env.js';
import { failureText, withFlash } from '../../ui/form-data.js';

/** Whose credentials a page shows: the signed-in principal's own, or (the admin's user tab) a named user's. */
export interface Target {
  /** Passed as UserName on every call for another user, so the admin's policies decide; absent for one's own. */
  userName?: string | undefined;
  /** The page's path; every form of the page posts under it. */
  base: string;
  /** The signed-in root user looking at its own credentials. */
  root: boolean;
  /** The nav entry to mark current. */
  nav: string;
}

export const SELF_BASE = '/console/security-credentials';

/** The route patterns (relative to /console) the credential pages are served under. */
export const ROUTE_BASES = ['/security-credentials', '/users/:name/security-credentials'] as const;

export function targetOf(c: ConsoleContext): Target {
  const name = c.req.param('name');
  if (name !== undefined)
    return {
      userName: name,
      base: `/console/users/${encodeURIComponent(name)}/security-credentials`,
      root: false,
      nav: '/console/users',
    };
  return { base: SELF_BASE, root: c.var.session.principal.kind === 'root', nav: SELF_BASE };
}

/** `{ UserName }` for another user's page; nothing for one's own, which IAM reads as the caller. */
export function whose(target: Target): { UserName?: string } {
  return target.userName === undefined ? {} : { UserName: target.userName };
}

/** The name operations that require one take: the target's, the caller's own, or `root` (EnableMFADevice's name for the root user). */
export function ownUserName(c: ConsoleContext, target: Target): string {
  const p = c.var.session.principal;
  return target.userName ?? (p.kind === 'user' ? p.userName : 'root');
}

/** The parsed form body (the guard already parsed it for the CSRF check; Hono keeps it). */
export async function formBody(c: ConsoleContext): Promise<Record<string, unknown>> {
  return await c.req.parseBody();
}

/**
 * Runs one action and redirects back to the page with AWS's outcome: the notice on success,
 * AWS's error message (access denials included) on failure.
 */
export async function actAndReturn(
  c: ConsoleContext,
  target: Target,
  notice: string,
  action: () => Promise<unknown>,
  anchor = '',
) {
  try {
    await action();
    return c.redirect(withFlash(c, target.base, 'notice', notice) + anchor, 302);
  } catch (err) {
    return c.redirect(withFlash(c, target.base, 'error', failureText(err)) + anchor, 302);
  }
}

/** A status a form posted, as the Update* operations take it. */
export function statusField(body: Record<string, unknown>): 'Active' | 'Inactive' {
  return body.Status === 'Active' ? 'Active' : 'Inactive';
}
