/** An identity policy allowing `actions` on everything, in the layout a person would write it. */
export function allow(...actions: string[]): string {
  return JSON.stringify(
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] },
    null,
    2,
  );
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
