/** AWS managed policy ARNs hold slashes (`arn:aws:iam::aws:policy/job-function/…`), so policies are addressed by `?arn=`. */
export const policyHref = (arn: string, page: 'details' | 'edit' = 'details'): string =>
  `/console/policies/${page}?arn=${encodeURIComponent(arn)}`;

export const isAwsManaged = (arn: string): boolean => arn.startsWith('arn:aws:iam::aws:');
