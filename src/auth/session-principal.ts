import { AwsError } from '../shared/aws-error.js';
import type { Principal } from '../shared/principal.js';
import { checkSessionToken } from './authenticate.js';
import type { CredentialResolver } from './credentials.js';

/**
 * The principal temporary credentials act as, checked as Authenticator checks a signed request's
 * token. For callers inside Ward (the console's AssumeRoot tasks) that hold credentials they
 * were just issued and have no request to sign.
 */
export async function principalOfSession(
  resolver: CredentialResolver,
  accessKeyId: string,
  sessionToken: string,
  now: Date,
): Promise<Principal | undefined> {
  if (!accessKeyId.startsWith('ASIA')) return undefined;
  // A suspended account's session is refused (thrown) like an unknown one.
  const credential = await resolver.resolve(accessKeyId).catch((err: unknown) => {
    if (err instanceof AwsError) return undefined;
    throw err;
  });
  if (!credential?.session || checkSessionToken(credential.session, sessionToken, now) !== 'ok') return undefined;
  return credential.principal;
}
