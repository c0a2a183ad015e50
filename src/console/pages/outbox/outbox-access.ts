import type { MiddlewareHandler } from 'hono';
import type { ConsoleContext, ConsoleEnv } from '../../env.js';
import { SESSION_COOKIE, readConsoleCookie } from '../../session/cookies.js';
import { requireSignIn } from '../../session/guard.js';
import { isOperator } from '../chrome.js';

/**
 * Who may read the outbox. In emulator mode anyone, signed in or not: the person recovering a
 * forgotten root password has no session, and the emulator's mail goes nowhere else. Otherwise
 * only the operator, through the usual sign-in (and its CSRF checks).
 */
export const outboxGate: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  if (!c.var.deps.outbox) return c.notFound();
  if (!c.var.deps.emulator) return requireSignIn(c, next);
  // Signed in too? Then the page keeps its nav and header.
  const session = await c.var.sessions.load(readConsoleCookie(c, SESSION_COOKIE), c.var.deps.clock());
  if (session?.record.stage === 'active') {
    c.set('session', session);
    c.set('csrf', session.record.csrf);
  }
  await next();
};

/** Whether this request may see the outbox (after outboxGate). */
export function mayReadOutbox(c: ConsoleContext): boolean {
  if (c.var.deps.emulator) return true;
  return c.get('session') !== undefined && isOperator(c);
}
