/**
 * Who is calling. `kind` maps onto the `aws:PrincipalType` values AWS documents (Account, User,
 * AssumedRole, FederatedUser). A root or user principal carries `session` when it signed with
 * GetSessionToken credentials; assumed-role and federated-user principals always do.
 */
export type Principal = RootPrincipal | UserPrincipal | AssumedRolePrincipal | FederatedUserPrincipal;

/** A session or principal tag (shared holds no IAM types). */
export interface SessionTag {
  key: string;
  value: string;
}

/** A session policy (inline, or a managed policy passed by ARN), labelled as the evaluator reports it. */
export interface SessionPolicyDocument {
  id: string;
  document: string;
}

/** What temporary credentials carry: issued by AssumeRole*, GetFederationToken or GetSessionToken. */
export interface SessionInfo {
  /** The ASIA… key. */
  accessKeyId: string;
  issuedAt: Date;
  expiresAt: Date;
  /** Whether MFA was verified when the session was issued (or, for a chained role, by its parent). */
  mfaPresent: boolean;
  mfaAuthTime?: Date;
  /** Session policies (inline first, then managed by ARN); empty = none passed. */
  policies: SessionPolicyDocument[];
  /** Session tags; for an assumed role they override the role's tags of the same key. */
  tags: SessionTag[];
  /** Tag keys that pass on to a role assumed with this session (role chaining). */
  transitiveTagKeys: string[];
  sourceIdentity?: string;
  /**
   * Set on a root principal's session issued by sts:AssumeRoot ("centralized root access"): the
   * session acts as the member account's root, limited by the task policy held in `policies`
   * (evaluated as an identity policy, see PolicyAuthorizer), and carries `aws:AssumedRoot`.
   */
  assumedRoot?: { taskPolicyArn: string };
  /**
   * A web-console sign-in. Its calls go through the same evaluation as an access key's, but it
   * is not GetSessionToken's session: IAM stays callable without MFA, with aws:MultiFactorAuthPresent
   * saying whether a code was given at sign-in.
   */
  console?: true;
}

export interface RootPrincipal {
  kind: 'root';
  accountId: string;
  arn: string;
  /** For root, AWS's `aws:userid` is the account ID. */
  userId: string;
  /** Present for GetSessionToken credentials. */
  session?: SessionInfo;
}

export interface UserPrincipal {
  kind: 'user';
  accountId: string;
  arn: string;
  userId: string;
  userName: string;
  path: string;
  /** Present for GetSessionToken credentials. */
  session?: SessionInfo;
}

/** A role session: `arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`, aws:userid `AROA…:SESSION`. */
export interface AssumedRolePrincipal {
  kind: 'assumed-role';
  accountId: string;
  arn: string;
  userId: string;
  roleId: string;
  roleName: string;
  rolePath: string;
  roleArn: string;
  sessionName: string;
  session: SessionInfo;
}

/** A GetFederationToken session: `arn:aws:sts::ACCT:federated-user/NAME`, aws:userid `ACCT:NAME`. */
export interface FederatedUserPrincipal {
  kind: 'federated-user';
  accountId: string;
  arn: string;
  userId: string;
  federatedName: string;
  /** The IAM user that called GetFederationToken (undefined: the root user). */
  sourceUserId?: string;
  session: SessionInfo;
}

/** The `aws:PrincipalType` value of a principal. */
export function principalType(p: Principal): 'Account' | 'User' | 'AssumedRole' | 'FederatedUser' {
  switch (p.kind) {
    case 'root':
      return 'Account';
    case 'user':
      return 'User';
    case 'assumed-role':
      return 'AssumedRole';
    case 'federated-user':
      return 'FederatedUser';
  }
}

/** The session behind a principal, if it signed with temporary credentials. */
export const sessionOf = (p: Principal): SessionInfo | undefined => p.session;
