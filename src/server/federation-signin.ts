import type { CredentialResolver } from '../auth/credentials.js';
import { principalOfSession } from '../auth/session-principal.js';
import type { SecretBox } from '../shared/secret-box.js';
import type { SessionRepo } from '../sts/session-store.js';
import { type FederationSigninDeps, redeemSigninToken, signinToken } from '../sts/federation-signin.js';

/**
 * The console's federation endpoint (console/sign-in/federation.tsx) on STS's token logic: the
 * credentials are checked as the console checks a session it was handed (auth/session-principal.ts),
 * through the same resolver as a signed request, secret and token compared in constant time.
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
    verify: (accessKeyId, secretAccessKey, sessionToken, now) =>
      principalOfSession(resolver, accessKeyId, sessionToken, now, secretAccessKey),
  };
  return {
    signinToken: (session: string | undefined, duration: string | undefined, now: Date) =>
      signinToken(deps, session, duration, now),
    redeem: (token: string | undefined, now: Date) => redeemSigninToken(deps, token, now),
  };
}
