import type { Principal } from '../../shared/principal.js';
import { type ConsoleContext, originOf } from '../env.js';
import { SESSION_COOKIE, setConsoleCookie } from '../session/cookies.js';

/**
 * Opens a console session acting as an STS session (SAML, the federation endpoint): the cookie
 * lives as long as the session, and the sign-in is recorded as AWS records a federated ConsoleLogin.
 */
export async function signInAsStsSession(
  c: ConsoleContext,
  principal: Principal & { kind: 'assumed-role' | 'federated-user' },
  now: Date,
): Promise<void> {
  const { token, record } = await c.var.sessions.startForSts(principal, now);
  setConsoleCookie(
    c,
    SESSION_COOKIE,
    token,
    Math.max(1, Math.floor((record.expiresAt.getTime() - now.getTime()) / 1000)),
  );
  const origin = originOf(c);
  c.var.deps.audit.recordSignIn({
    at: now,
    accountId: principal.accountId,
    principal,
    sourceIp: origin.sourceIp,
    userAgent: origin.userAgent,
    success: true,
    mfaUsed: principal.session.mfaPresent,
  });
}
