import type { CredentialResolver } from '../auth/credentials.js';
import { checkSessionToken } from '../auth/session-token.js';
import { AwsError } from '../shared/aws-error.js';
import type { SecretBox } from '../shared/secret-box.js';
import { timingSafeEqualString } from '../sigv4/index.js';
import type { SessionRepo } from '../sts/session-store.js';
import { type FederationSigninDeps, redeemSigninToken, signinToken } from '../sts/federation-signin.js';

/**
 * The console's federation endpoint (console/sign-in/federation.tsx) on STS's token logic: the
 * credentials are checked through the same resolver as a signed request (a closed account's are
 * none), secret and token compared in constant time.
 */
export function federationSignin(
  resolver: CredentialResolver,
  box: SecretBox,
  store: { sessions: SessionRepo; samlAssertions: FederationSigninDeps['ledger'] },
) {
  const deps: FederationSigninDeps = {
    box,
    ledger: store.samlAssertions,
    sessions: store.sessions,
    async verify(accessKeyId, secretAccessKey, sessionToken, now) {
      if (!accessKeyId.startsWith('ASIA')) return undefined;
      const credential = await resolver.resolve(accessKeyId).catch((err: unknown) => {
        if (err instanceof AwsError) return undefined;
        throw err;
      });
      if (!credential?.session) return undefined;
      const secretOk = timingSafeEqualString(credential.key.secretAccessKey, secretAccessKey);
      const tokenOk = checkSessionToken(credential.session, sessionToken, now) === 'ok';
      return secretOk && tokenOk ? credential.principal : undefined;
    },
  };
  return {
    signinToken: (session: string | undefined, duration: string | undefined, now: Date) =>
      signinToken(deps, session, duration, now),
    redeem: (token: string | undefined, now: Date) => redeemSigninToken(deps, token, now),
  };
}
