import { iamArn } from '../../shared/arn.js';
import type { GroupRecord, InstanceProfileRecord, RoleRecord, UserRecord } from '../records.js';

// The ARNs of IAM's entities, shared by the handlers, the credential report, the simulator and the
// console's sessions: one spelling of each, so a principal's ARN and a resource's always agree.

export const userArn = (u: Pick<UserRecord, 'accountId' | 'path' | 'userName'>): string =>
  iamArn(u.accountId, 'user', u.path, u.userName);
export const groupArn = (g: Pick<GroupRecord, 'accountId' | 'path' | 'groupName'>): string =>
  iamArn(g.accountId, 'group', g.path, g.groupName);
export const roleArn = (r: Pick<RoleRecord, 'accountId' | 'path' | 'roleName'>): string =>
  iamArn(r.accountId, 'role', r.path, r.roleName);
export const instanceProfileArn = (
  p: Pick<InstanceProfileRecord, 'accountId' | 'path' | 'instanceProfileName'>,
): string => iamArn(p.accountId, 'instance-profile', p.path, p.instanceProfileName);

/** The parts of a managed policy ARN: `arn:aws:iam::<account|aws>:policy<path><name>`. */
export interface PolicyArnParts {
  accountId: string;
  path: string;
  policyName: string;
}

const POLICY_ARN = /^arn:aws:iam::(\d{12}|aws):policy((?:\/[A-Za-z0-9.,+@=_-]+)*\/)([\w+=,.@-]+)$/;

export function parsePolicyArn(arn: string): PolicyArnParts | undefined {
  const m = POLICY_ARN.exec(arn);
  return m ? { accountId: m[1]!, path: m[2]!, policyName: m[3]! } : undefined;
}

export const policyArnOf = (accountId: string, path: string, policyName: string): string =>
  iamArn(accountId, 'policy', path, policyName);

/** The issuer part of a provider ARN: the URL without `https://` (and without a trailing slash). */
/** A provider's URL without its scheme (http:// only ever stored in emulator mode). */
export const providerPath = (url: string): string => url.replace(/^https?:\/\//i, '').replace(/\/$/, '');

export const oidcProviderArn = (accountId: string, url: string): string =>
  `arn:aws:iam::${accountId}:oidc-provider/${providerPath(url)}`;

export const samlProviderArn = (accountId: string, name: string): string =>
  `arn:aws:iam::${accountId}:saml-provider/${name}`;

/** The account and name of `arn:aws:iam::<account>:saml-provider/<name>`, or undefined for anything else. */
export function parseSamlProviderArn(arn: string): { accountId: string; name: string } | undefined {
  const m = /^arn:aws:iam::(\d{12}):saml-provider\/([\w.-]{1,128})$/.exec(arn);
  return m ? { accountId: m[1]!, name: m[2]! } : undefined;
}
