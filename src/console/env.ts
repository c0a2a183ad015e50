import type { IncomingMessage } from 'node:http';
import type { Context, Hono } from 'hono';
import type { ConsoleDeps } from './deps.js';
import type { ConsoleSessions, LoadedSession } from './session/sessions.js';
import type { SignInThrottle } from './session/throttle.js';

/** What every console handler can reach through `c.var`. */
export interface ConsoleVariables {
  deps: ConsoleDeps;
  sessions: ConsoleSessions;
  throttle: SignInThrottle;
  /** The signed-in session (set by requireSignIn). */
  session: LoadedSession;
  /** The CSRF token forms on this page must carry. */
  csrf: string;
  /** Calls an AWS operation as the signed-in principal; throws AwsError (AccessDenied, ValidationError, …). */
  call: <T = Record<string, unknown>>(
    service: 'iam' | 'sts' | 'organizations' | 'account' | 'cloudtrail',
    operation: string,
    input?: object,
  ) => Promise<T>;
  /** Authorizes the signed-in principal for a call of a service Ward does not serve, recorded as that call (deps.authorizeCall). */
  authorizeCall: (call: {
    service: string;
    operation: string;
    action: string;
    resource: string;
    input: object;
  }) => Promise<void>;
}

export interface ConsoleEnv {
  Bindings: { incoming?: IncomingMessage };
  Variables: ConsoleVariables;
}

export type ConsoleApp = Hono<ConsoleEnv>;
export type ConsoleContext = Context<ConsoleEnv>;

/** Where the request came from, for aws:SourceIp and the audit trail. */
export function originOf(c: Context<ConsoleEnv>): {
  sourceIp: string;
  userAgent: string;
  secure: boolean;
  host?: string;
} {
  const socket: (IncomingMessage['socket'] & { encrypted?: boolean }) | undefined = c.env?.incoming?.socket;
  const host = c.req.header('host');
  return {
    sourceIp: c.var.deps.clientAddress.of(socket?.remoteAddress, c.req.header('x-forwarded-for')),
    userAgent: c.req.header('user-agent') ?? '',
    secure: socket?.encrypted === true,
    ...(host ? { host } : {}),
  };
}

/** Who asked, as an audit record names it (root password events). */
export function requestOriginOf(c: Context<ConsoleEnv>): { sourceIp: string; userAgent: string } {
  const { sourceIp, userAgent } = originOf(c);
  return { sourceIp, userAgent };
}

/** The console's canonical origin, for links in messages (password recovery): never the request's Host. */
export function baseUrlOf(c: Context<ConsoleEnv>): string {
  return c.var.deps.publicOrigin().url;
}
