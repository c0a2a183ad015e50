export const providerHref = (arn: string): string =>
  `/console/identity-providers/details?arn=${encodeURIComponent(arn)}`;

/** What AWS's console shows as the provider's name: its URL without scheme, the ARN after "oidc-provider/". */
export const providerName = (arn: string): string => arn.split(':oidc-provider/')[1] ?? arn;
