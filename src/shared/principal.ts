/**
 * Who is calling. Later kinds (assumed roles, federated users) extend this union;
 * `kind` matches the `aws:PrincipalType` values AWS documents (Account, User, ...).
 */
export type Principal = RootPrincipal | UserPrincipal;

export interface RootPrincipal {
  kind: 'root';
  accountId: string;
  arn: string;
  /** For root, AWS's `aws:userid` is the account ID. */
  userId: string;
}

export interface UserPrincipal {
  kind: 'user';
  accountId: string;
  arn: string;
  userId: string;
  userName: string;
  path: string;
}
