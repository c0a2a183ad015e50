import { AwsError } from '../shared/aws-error.js';
import type { Principal } from '../shared/principal.js';
import { timingSafeEqualString } from '../sigv4/index.js';
import { checkSessionToken } from './authenticate.js';
import type { CredentialResolver } from './credentials.js';

/**
 * The principal temporary credentials act as, checked as Authenticator checks a signed request's
 * token. For callers inside Ward (the console's AssumeRoot tasks) that hold credentials they
 * were just issued and have no request to sign, and for the federation endpoint, which is handed
 * all three parts: `secretAccessKey`, when given, must match too (both compared in constant time).
 */
export async function principalOfSession(
  resolver: CredentialResolver,
  accessKeyId: string,
  sessionToken: string,
  now: Date,
  secretAccessKey?: string,
): Promise<Principal | undefined> {
  if (!accessKeyId.startsWith('ASIA')) return undefined;
  // A suspended account's session is refused (thrown) like an unknown one.
  const credential = await resolver.resolve(accessKeyId).catch((err: unknown) => {
    if (err instanceof AwsError) return undefined;
    throw err;
  });
  if (!credential?.session) return undefined;
  const tokenOk = checkSessionToken(credential.session, sessionToken, now) === 'ok';
  const secretOk =
    secretAccessKey === undefined || timingSafeEqualString(credential.key.secretAccessKey, secretAccessKey);
  return tokenOk && secretOk ? credential.principal : undefined;
}
