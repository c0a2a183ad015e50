import { timingSafeEqual } from 'node:crypto';
import type { Principal } from '../shared/principal.js';
import { sessionTokenHash } from './authenticate.js';
import type { CredentialResolver } from './credentials.js';

/**
 * The principal temporary credentials act as, checked as Authenticator checks a signed request's
 * token: the token must hash to the one issued with the key, and the session must not have
 * expired. For callers inside Ward (the console's AssumeRoot tasks) that hold credentials they
 * were just issued and have no request to sign.
 */
export async function principalOfSession(resolver: CredentialResolver, accessKeyId: string, sessionToken: string, now: Date): Promise<Principal | undefined> {
  if (!accessKeyId.startsWith('ASIA')) return undefined;
  const credential = await resolver.resolve(accessKeyId);
  if (!credential?.session) return undefined;
  const presented = Buffer.from(sessionTokenHash(sessionToken), 'hex');
  const expected = Buffer.from(credential.session.tokenHash, 'hex');
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return undefined;
  if (now.getTime() >= credential.session.expiresAt.getTime()) return undefined;
  return credential.principal;
}
