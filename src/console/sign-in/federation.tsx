import type { Principal } from '../../shared/principal.js';
import type { ConsoleApp, ConsoleContext } from '../env.js';
import { signInAsStsSession } from './sts-session.js';

/** A refusal from the federation endpoint: a status and a short text, as AWS answers. */
interface Refusal {
  status: 400 | 401;
  message: string;
}

/** The console's own page a Destination names (its path), else the dashboard: never another site. */
export function destinationPath(destination: string | undefined, consoleOrigin: string): string {
  if (!destination) return '/console/home';
  let url: URL;
  try {
    url = new URL(destination, consoleOrigin);
  } catch {
    return '/console/home';
  }
  const path = `${url.pathname}${url.search}`;
  return url.origin === new URL(consoleOrigin).origin && /^\/console(\/|$)/.test(url.pathname) && !path.includes('//')
    ? path
    : '/console/home';
}

/**
 * GET /federation (the listener maps it here): AWS's federation endpoint. `getSigninToken` answers
 * `{"SigninToken": …}` for temporary credentials; `login` opens a console session as their role
 * (or federated user) and goes to Destination when it is a console page. The token logic is STS's
 * (sts/federation-signin.ts, deps.federation).
 */
export function registerFederation(app: ConsoleApp): void {
  app.get('/federation', async (c) => {
    const federation = c.var.deps.federation;
    if (!federation) return c.text('Not Found', 404);
    const action = c.req.query('Action');
    const now = c.var.deps.clock();
    try {
      if (action === 'getSigninToken') {
        const token = await federation.signinToken(c.req.query('Session'), c.req.query('SessionDuration'), now);
        return c.json({ SigninToken: token });
      }
      if (action === 'login') return await login(c, await federation.redeem(c.req.query('SigninToken'), now), now);
    } catch (err) {
      const refusal = err as Partial<Refusal>;
      if (refusal.status === 400 || refusal.status === 401) return c.text(refusal.message ?? '', refusal.status);
      throw err;
    }
    return c.text('The Action parameter must be getSigninToken or login.', 400);
  });
}

async function login(
  c: ConsoleContext,
  principal: Extract<Principal, { kind: 'assumed-role' | 'federated-user' }>,
  now: Date,
) {
  await signInAsStsSession(c, principal, now);
  return c.redirect(destinationPath(c.req.query('Destination'), c.var.deps.publicOrigin().url), 302);
}
