/** The signing names of the services Ward answers itself (its own API): never forwarded. */
const WARD_SIGNING_NAMES: ReadonlySet<string> = new Set(['iam', 'sts', 'organizations', 'account', 'cloudtrail']);
/** The X-Amz-Target prefixes of Ward's own JSON services (Organizations, CloudTrail's LookupEvents). */
const WARD_TARGETS = ['AWSOrganizationsV20161128.', 'com.amazonaws.cloudtrail.v20131101.'];

const SCOPE_SERVICE = /Credential=[^/,\s]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/;
const QUERY_SCOPE_SERVICE =
  /(?:^|&)X-Amz-Credential=[^&]*?(?:%2F|\/)\d{8}(?:%2F|\/)[^&%/]+(?:%2F|\/)([^&%/]+)(?:%2F|\/)aws4_request/i;

export interface EntryHead {
  method: string;
  /** Path and query as on the request line. */
  url: string;
  host: string | undefined;
  authorization: string | undefined;
  target: string | undefined;
}

/**
 * Whether a request is for a backend rather than for Ward: a signature scoped to another
 * service, an S3 signature (SigV2) or a virtual-hosted bucket, another service's X-Amz-Target,
 * or an unsigned request that is not Ward's own (Ward's unsigned calls are Query POSTs to `/`).
 */
export function isForGateway(head: EntryHead, s3Domains: readonly string[]): boolean {
  if (head.host !== undefined && virtualHostedBucket(head.host, s3Domains) !== undefined) return true;
  const auth = head.authorization;
  if (auth !== undefined) {
    if (auth.startsWith('AWS ')) return true;
    const service = SCOPE_SERVICE.exec(auth)?.[1];
    if (service !== undefined) return !WARD_SIGNING_NAMES.has(service);
  }
  const q = head.url.indexOf('?');
  const query = q < 0 ? '' : head.url.slice(q + 1);
  const scoped = QUERY_SCOPE_SERVICE.exec(query)?.[1];
  if (scoped !== undefined) return !WARD_SIGNING_NAMES.has(scoped);
  if (/(?:^|&)AWSAccessKeyId=/.test(query)) return true;
  if (head.target !== undefined) return !WARD_TARGETS.some((p) => head.target!.startsWith(p));
  if (auth !== undefined) return false;
  const path = q < 0 ? head.url : head.url.slice(0, q);
  if (WARD_PATHS.test(path)) return false;
  return !(path === '/' && (head.method === 'POST' || head.method === 'GET'));
}

/** Ward's own unsigned endpoints: the console and its federation sign-ins, health, metrics, /authorize, moto's control routes. */
const WARD_PATHS =
  /^\/(console(\/.*)?|saml(\/acs\/[A-Z0-9]+)?|federation|health|ready|metrics|authorize|moto-api\/.*)$/;

/** `bucket.localhost:4599` → `bucket`, for each configured base domain; undefined for any other host. */
export function virtualHostedBucket(host: string, s3Domains: readonly string[]): string | undefined {
  const name = host.replace(/:\d+$/, '').toLowerCase();
  for (const domain of s3Domains) {
    const suffix = `.${domain.toLowerCase()}`;
    if (name.endsWith(suffix) && name.length > suffix.length) return name.slice(0, -suffix.length);
  }
  return undefined;
}
