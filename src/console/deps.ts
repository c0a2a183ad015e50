import type { RequestOrigin } from '../account/root-password.js';
import type { SignIn } from '../audit/trail.js';
import type { IamStore } from '../iam/iam-store.js';
import type { Principal } from '../shared/principal.js';
import type { ClientAddress } from '../shared/client-address.js';
import type { PublicOrigin } from './public-origin.js';
import type { ConsoleSessionRepo, SignInFailureRepo } from './store.js';

/** An operation run as the signed-in principal, through the same validation, policy evaluation and audit as the API. */
export type Invoke = (call: {
  service: 'iam' | 'sts' | 'organizations' | 'account' | 'cloudtrail';
  operation: string;
  input: unknown;
  principal: Principal;
  origin: { sourceIp: string; userAgent: string; secure: boolean; host?: string | undefined };
  /** An operation AWS serves unsigned (sts:AssumeRoleWithSAML from POST /saml): no principal calls it. */
  anonymous?: boolean;
}) => Promise<unknown>;

/**
 * Authorizes the principal for another service's call that the console performs itself (IAM Access
 * Analyzer's policy generation), recorded under that service's name; throws AwsError when refused.
 */
export type AuthorizeCall = (call: {
  service: string;
  operation: string;
  action: string;
  resource: string;
  input: unknown;
  principal: Principal;
  origin: { sourceIp: string; userAgent: string; secure: boolean; host?: string | undefined };
}) => Promise<void>;

export interface ConsoleStore extends IamStore {
  consoleSessions: ConsoleSessionRepo;
  signInFailures: SignInFailureRepo;
  /** STS sessions, read by console sessions that act as an assumed role (POST /saml). */
  sessions?: { get(accessKeyId: string): Promise<{ principal: Principal; expiresAt: Date } | undefined> };
  transaction<T>(fn: (tx: ConsoleStore) => Promise<T>): Promise<T>;
}

/** Root's "Forgot password?" (src/account/password-recovery.ts), when wired; both steps are audited there. */
export interface RootPasswordRecovery {
  start(email: string, now: Date, baseUrl: string, origin: RequestOrigin): Promise<unknown>;
  /** Resets the password and ends the root's console sessions, in one transaction. */
  complete(token: string, newPassword: string, now: Date, origin: RequestOrigin): Promise<unknown>;
}

/** Reads the outbox directory for the outbox page. */
export interface OutboxReader {
  list(): Promise<Array<{ id: string; to: string; subject: string; date: Date }>>;
  read(id: string): Promise<{ id: string; to: string; subject: string; date: Date; text: string } | undefined>;
}

export interface ConsoleDeps {
  store: ConsoleStore;
  invoke: Invoke;
  authorizeCall: AuthorizeCall;
  audit: { recordSignIn(signIn: SignIn): void };
  /**
   * Whether an account may use AWS (src/auth/account-status.ts): a closed account's IAM users may
   * not sign in; its root still may.
   */
  accountStatus: { isActive(accountId: string): boolean | Promise<boolean> };
  clock: () => Date;
  /** The management account (Ward's bootstrap account): its root is the operator. */
  managementAccountId: string;
  emulator: boolean;
  rootMfaSkippable: boolean;
  sessionHours: number;
  /** The console's canonical origin and allowed Host headers (known once the listener is bound). */
  publicOrigin: () => PublicOrigin;
  /** Who sent a request, through trusted proxies' X-Forwarded-For. */
  clientAddress: ClientAddress;
  /** Largest form body accepted, in bytes. */
  bodyLimit: number;
  recovery?: RootPasswordRecovery;
  outbox?: OutboxReader;
  /**
   * The principal temporary credentials (an AssumeRoot session's) act as, with the session token
   * verified as a signed request's would be; undefined when unknown, wrong or expired.
   */
  principalOfSession?: (accessKeyId: string, sessionToken: string) => Promise<Principal | undefined>;
  /** The federation endpoint (GET /federation; sts/federation-signin.ts): sign-in tokens for temporary credentials. */
  federation?: {
    signinToken(session: string | undefined, sessionDuration: string | undefined, now: Date): Promise<string>;
    redeem(token: string | undefined, now: Date): Promise<Principal & { kind: 'assumed-role' | 'federated-user' }>;
  };
  /** SAML federation (POST /saml, POST /saml/acs/<uuid>): the roles a SAMLResponse offers, verified, nothing redeemed. */
  saml?: {
    rolesOffered(
      samlResponse: string,
      now: Date,
      providerUuid?: string,
    ): Promise<{ roles: Array<{ roleArn: string; providerArn: string }>; sessionDuration?: number }>;
  };
}
