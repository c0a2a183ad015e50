import type { MiddlewareHandler } from 'hono';
import { AwsError } from '../../shared/aws-error.js';
import type { ConsoleEnv } from '../env.js';
import { originOf } from '../env.js';
import {
  PRE_SESSION_COOKIE,
  SESSION_COOKIE,
  clearConsoleCookie,
  readConsoleCookie,
  setConsoleCookie,
} from './cookies.js';
import { newToken, sameToken } from './tokens.js';
import { assignedMfaSerials } from '../sign-in/steps.js';

/** Pages a session that is still signing in may see, by stage. */
const STAGE_PAGES: Record<string, string[]> = {
  mfa: ['/console/mfa'],
  'change-password': ['/console/change-password'],
  'register-mfa': ['/console/register-mfa', '/console/security-credentials/mfa'],
};

/**
 * Every page behind sign-in: loads the session from its cookie, sends a half-signed-in session
 * back to its step, checks the CSRF token of every POST, and gives handlers `c.var.call`.
 */
export const requireSignIn: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  const now = c.var.deps.clock();
  const session = await c.var.sessions.load(readConsoleCookie(c, SESSION_COOKIE), now);
  if (!session) {
    const back = new URL(c.req.url);
    return c.redirect(`/console/signin?redirect=${encodeURIComponent(back.pathname + back.search)}`, 302);
  }
  // An IAM user's session that began before its account was closed ends with the account.
  if (session.principal.kind !== 'root' && !(await c.var.deps.accountStatus.isActive(session.record.accountId))) {
    await c.var.sessions.end(session.record);
    clearConsoleCookie(c, SESSION_COOKIE);
    return c.redirect('/console/signin', 302);
  }
  const path = new URL(c.req.url).pathname;
  let stage = session.record.stage;
  if (
    stage === 'register-mfa' &&
    (await assignedMfaSerials(c.var.deps.store, session.record.accountId, session.record.userId)).length > 0
  ) {
    await c.var.sessions.advance(session.record, { stage: 'active' });
    stage = 'active';
  }
  const allowed = STAGE_PAGES[stage];
  if (allowed && !allowed.some((p) => path === p || path.startsWith(`${p}/`)) && path !== '/console/signout')
    return c.redirect(allowed[0]!, 302);
  if (c.req.method === 'POST' && !sameToken(await formField(c, '_csrf'), session.record.csrf)) return csrfRefused(c);
  c.set('session', session);
  c.set('csrf', session.record.csrf);
  c.set('call', async (service, operation, input = {}) => {
    const output = await c.var.deps.invoke({
      service,
      operation,
      input,
      principal: session.principal,
      origin: originOf(c),
    });
    return output as never;
  });
  c.set('authorizeCall', (call) =>
    c.var.deps.authorizeCall({ ...call, principal: session.principal, origin: originOf(c) }),
  );
  await next();
};

/** Forms shown before sign-in carry a double-submit token: a cookie and the same value in the form. */
export const preSessionCsrf: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  let token = readConsoleCookie(c, PRE_SESSION_COOKIE);
  if (c.req.method === 'POST' && !sameToken(await formField(c, '_csrf'), token)) return csrfRefused(c);
  if (!token) {
    token = newToken();
    setConsoleCookie(c, PRE_SESSION_COOKIE, token, 3600);
  }
  c.set('csrf', token);
  await next();
};

async function formField(c: Parameters<MiddlewareHandler<ConsoleEnv>>[0], name: string): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return undefined;
  const body = await c.req.parseBody();
  const v = body[name];
  return typeof v === 'string' ? v : undefined;
}

function csrfRefused(c: Parameters<MiddlewareHandler<ConsoleEnv>>[0]) {
  return c.text('This form has expired. Go back, reload the page and try again.', 403);
}

/** Turns a thrown AwsError into its message; anything else is rethrown. */
export function awsMessage(err: unknown): string {
  if (err instanceof AwsError) return err.message;
  throw err;
}
