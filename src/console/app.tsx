import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ConsoleDeps } from './deps.js';
import type { ConsoleApp, ConsoleEnv } from './env.js';
import { registerHome } from './pages/home.js';
import { registerOutbox } from './pages/outbox/index.js';
import { requireSignIn } from './session/guard.js';
import { ConsoleSessions } from './session/sessions.js';
import { SignInThrottle } from './session/throttle.js';
import { registerAccountSignInUrl, registerSignIn } from './sign-in/routes.js';
import { registerSaml } from './sign-in/saml.js';
import { registerFederation } from './sign-in/federation.js';

const ASSETS: Record<string, { type: string; body: string }> = {
  'console.css': {
    type: 'text/css; charset=utf-8',
    body: readFileSync(new URL('./assets/console.css', import.meta.url), 'utf8'),
  },
  'console.js': {
    type: 'text/javascript; charset=utf-8',
    body: readFileSync(new URL('./assets/console.js', import.meta.url), 'utf8'),
  },
};

/** Page groups behind sign-in; each registers its routes on the console app. */
export type PageGroup = (app: ConsoleApp) => void;

/**
 * The web console at /console: server-rendered pages whose every action is an AWS operation run
 * as the signed-in principal (deps.invoke), so it is authorized exactly as the API would be.
 */
export function createConsoleApp(deps: ConsoleDeps, pages: PageGroup[] = [registerHome]): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>().basePath('/console');
  const sessions = new ConsoleSessions(deps.store, deps.sessionHours);
  const throttle = new SignInThrottle(deps.store);
  // First of all: a Host the console does not answer to gets nothing done (issue 12: a forged
  // Host used to end up in the root's recovery link).
  app.use('*', async (c, next) => {
    if (!deps.publicOrigin().allows(c.req.header('host'))) {
      return c.text(
        `400 Bad Request: this Ward does not answer to that Host. Open the console at ${deps.publicOrigin().url}/console.`,
        400,
        { 'Cache-Control': 'no-store' },
      );
    }
    await next();
  });
  app.use('*', bodyLimit({ maxSize: deps.bodyLimit, onError: (c) => c.text('The request is too large.', 413) }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('sessions', sessions);
    c.set('throttle', throttle);
    await next();
    // Nothing is fetched from elsewhere; pages may not be framed; responses are not cached.
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    );
    c.header('X-Frame-Options', 'DENY');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    if (!c.req.path.startsWith('/console/assets/')) c.header('Cache-Control', 'no-store');
  });
  app.get('/assets/:name', (c) => {
    const asset = ASSETS[c.req.param('name')];
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=300' });
  });
  registerSignIn(app);
  // IdP-initiated SAML sign-in (POST /saml): before the guard, the response is the credential.
  registerSaml(app);
  // The federation endpoint (GET /federation): the sign-in token is the credential.
  registerFederation(app);
  // Before the sign-in guard: in emulator mode the outbox is readable signed out (password recovery).
  registerOutbox(app);
  registerAccountSignInUrl(app);
  app.use('*', requireSignIn);
  for (const register of pages) register(app);
  return app;
}
