/**
 * Which `aws:*` condition keys a caller of `POST /authorize` may put in the request context.
 *
 * AWS fills the global keys itself ("AWS global condition context keys"): the principal's
 * (aws:PrincipalArn, aws:PrincipalTag/*, aws:userid, aws:username, aws:MultiFactorAuth*,
 * aws:TokenIssueTime, aws:SourceIdentity, aws:FederatedProvider…) from the credentials that signed
 * the request, and the request's time, region and user agent from the request. Ward derives all of
 * those from the signed request, so a caller asserting one could only be lying. What the receiving
 * service alone knows are the request's own properties (the tags it is asked to set, the resource
 * it acts on, the service chain and the network it was called from); only those may be asserted.
 */

/** Request-side keys any entitled caller may assert (lower case; a trailing `/` is a key family). */
const REQUEST_KEYS = [
  'aws:requesttag/',
  'aws:tagkeys',
  'aws:resourcetag/',
  'aws:resourceaccount',
  'aws:resourceorgid',
  'aws:resourceorgpaths',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:referer',
];

/**
 * Where the request came from (network and calling service): the same kind of fact as `sourceIp`,
 * so only a caller that proved who it is (the platform's token) may assert them.
 */
const NETWORK_KEYS = [
  'aws:sourcevpc',
  'aws:sourcevpcarn',
  'aws:sourcevpce',
  'aws:vpcsourceip',
  'aws:calledvia',
  'aws:calledviafirst',
  'aws:calledvialast',
];

/** Keys with a field of their own in the body: one way to assert each. */
const FIELD_KEYS: Record<string, string> = { 'aws:sourceip': 'sourceIp', 'aws:securetransport': 'secureTransport' };

const matches = (lower: string, key: string): boolean =>
  key.endsWith('/') ? lower.startsWith(key) && lower.length > key.length : lower === key;

/** Why the caller may not assert `key`, or undefined when it may. Keys outside `aws:` belong to the service. */
export function refusedContextKey(key: string, tokenAuthenticated: boolean): string | undefined {
  const lower = key.toLowerCase();
  if (!lower.startsWith('aws:')) return undefined;
  const field = FIELD_KEYS[lower];
  if (field) return `context key ${key} cannot be set in context; send the \`${field}\` field instead.`;
  if (REQUEST_KEYS.some((k) => matches(lower, k))) return undefined;
  if (NETWORK_KEYS.includes(lower)) {
    return tokenAuthenticated
      ? undefined
      : `context key ${key} describes the network or calling service and may only be asserted by a caller with the /authorize token.`;
  }
  return `context key ${key} is a global condition key Ward derives from the signed request; callers of /authorize cannot assert it.`;
}
