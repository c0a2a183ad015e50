import { type Authorizer, resourceAccount } from '../../src/auth/authorizer.js';

/**
 * Root may act in its own account and on AWS managed policies (`arn:aws:iam::aws:policy/…`),
 * which every account reads and attaches in AWS. The policy tests run with this until the real
 * authorizers treat the `aws` pseudo-account that way themselves.
 */
export const rootWithAwsManaged: Authorizer = {
  async decide({ principal }, _action, resourceArn) {
    const account = resourceAccount(resourceArn, principal.accountId);
    if (principal.kind === 'root' && (account === principal.accountId || account === 'aws')) return { allowed: true };
    return { allowed: false, explicit: false, layer: 'identity' };
  },
};

/** An identity policy allowing `actions` on everything, in the layout a person would write it. */
export function allow(...actions: string[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }, null, 2);
}

/**
 * An identity policy of exactly `size` characters as IAM counts them (whitespace excluded), padded
 * with a long Sid. Whitespace is sprinkled in, which the quota must not count.
 */
export function policyOfSize(size: number): string {
  const head = '{ "Version": "2012-10-17", "Statement": [ { "Sid": "';
  const tail = '", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } ] }';
  const counted = (head + tail).replace(/\s/g, '').length;
  return head + 'A'.repeat(size - counted) + tail;
}
