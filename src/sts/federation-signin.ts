import type { Principal } from '../shared/principal.js';
import { pooledRandomBytes } from '../shared/random-pool.js';
import type { SecretBox } from '../shared/secret-box.js';
import type { SessionRepo } from './session-store.js';
import { issueSession } from './sessions.js';

/**
 * AWS's federation endpoint (`/federation`, "Enable custom identity broker access to the AWS
 * console"): `getSigninToken` turns temporary credentials into a sign-in token, `login` turns the
 * token into a console session. What aws-vault and identity brokers call.
 *
 * Only role sessions (AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity) and
 * GetFederationToken sessions sign in; long-term keys and GetSessionToken credentials do not.
 * SessionDuration (900–43200 seconds) sets a role session's console session, and may outlast the
 * credentials; GetFederationToken credentials take none and sign in for what they have left.
 * Without it the console session lasts what the credentials have left, at most 12 hours. A token
 * is good for 15 minutes, once: it is sealed (nothing in it can be read or changed outside Ward)
 * and its nonce is redeemed in the store, so every node refuses a second use.
 */
export interface FederationSigninDeps {
  /** The principal of temporary credentials whose three parts match a live session (compared in constant time). */
  verify(accessKeyId: string, secretAccessKey: string, sessionToken: string, now: Date): Promise<Principal | undefined>;
  box: SecretBox;
  /** Redeems `key` once across every node until `expiresAt` (the SAML assertions' ledger). */
  ledger: { redeem(key: string, expiresAt: Date, now: Date): Promise<boolean> };
  sessions: SessionRepo;
}

/** A refusal: AWS's federation endpoint answers a bare HTTP status. */
export class FederationRefused extends Error {
  constructor(
    readonly status: 400 | 401,
    message: string,
  ) {
    super(message);
  }
}

export const TOKEN_SECONDS = 15 * 60;
const MIN_DURATION = 900;
const MAX_DURATION = 43_200;
const CONTEXT = 'federation-signin-token';

interface TokenBody {
  /** The credentials' access key ID. */
  k: string;
  /** The console session's seconds, when SessionDuration set them. */
  d?: number;
  /** Issued at (ms). */
  i: number;
  /** Nonce: what the ledger redeems. */
  n: string;
}

const invalid = (): FederationRefused => new FederationRefused(400, 'The request is not valid.');

/** `Action=getSigninToken`: the token for `session` (the Session parameter's JSON). */
export async function signinToken(
  deps: FederationSigninDeps,
  session: string | undefined,
  sessionDuration: string | undefined,
  now: Date,
): Promise<string> {
  let parts: { sessionId?: unknown; sessionKey?: unknown; sessionToken?: unknown };
  try {
    parts = JSON.parse(session ?? '') as typeof parts;
  } catch {
    throw invalid();
  }
  const { sessionId, sessionKey, sessionToken } = parts ?? {};
  if (typeof sessionId !== 'string' || typeof sessionKey !== 'string' || typeof sessionToken !== 'string')
    throw invalid();
  // One answer for an unknown key, a wrong secret or token, and long-term or GetSessionToken credentials.
  const principal = await deps.verify(sessionId, sessionKey, sessionToken, now);
  if (principal?.kind !== 'assumed-role' && principal?.kind !== 'federated-user')
    throw new FederationRefused(401, 'The credentials are not temporary credentials that can sign in to the console.');
  let seconds: number | undefined;
  if (sessionDuration !== undefined) {
    if (principal.kind === 'federated-user') throw invalid();
    seconds = Number(sessionDuration);
    if (!/^\d+$/.test(sessionDuration) || seconds < MIN_DURATION || seconds > MAX_DURATION) throw invalid();
  }
  const body: TokenBody = {
    k: sessionId,
    ...(seconds !== undefined ? { d: seconds } : {}),
    i: now.getTime(),
    n: pooledRandomBytes(16).toString('hex'),
  };
  return Buffer.from(deps.box.seal(JSON.stringify(body), CONTEXT), 'utf8').toString('base64url');
}

/**
 * `Action=login`: the principal of a fresh STS session for the console, its own access key
 * (as AWS's console session has), lasting the console session's length; refused for a token that
 * is forged, older than 15 minutes or used before, or whose credentials are gone.
 */
export async function redeemSigninToken(deps: FederationSigninDeps, token: string | undefined, now: Date) {
  let body: TokenBody;
  try {
    body = JSON.parse(deps.box.open(Buffer.from(token ?? '', 'base64url').toString('utf8'), CONTEXT)) as TokenBody;
  } catch {
    throw invalid();
  }
  const expiresAt = new Date(body.i + TOKEN_SECONDS * 1000);
  if (now.getTime() >= expiresAt.getTime() || now.getTime() < body.i - 60_000) throw invalid();
  if (!(await deps.ledger.redeem(`federation:${body.n}`, expiresAt, now))) throw invalid();
  const stored = await deps.sessions.get(body.k);
  const p = stored?.principal;
  if (!stored || now.getTime() >= stored.expiresAt.getTime() || !p?.session) throw invalid();
  if (p.kind !== 'assumed-role' && p.kind !== 'federated-user') throw invalid();
  const left = Math.floor((stored.expiresAt.getTime() - now.getTime()) / 1000);
  const seconds = Math.max(1, Math.min(body.d ?? left, MAX_DURATION));
  const { accessKeyId: _key, issuedAt: _issued, expiresAt: _expires, ...rest } = p.session;
  const credentials = await issueSession(deps.sessions, p, rest, now, seconds);
  const fresh = await deps.sessions.get(credentials.AccessKeyId);
  if (!fresh) throw invalid();
  return fresh.principal as Extract<Principal, { kind: 'assumed-role' | 'federated-user' }>;
}
