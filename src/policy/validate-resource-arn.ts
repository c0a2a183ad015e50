import { MSG } from './messages.js';

const PARTITIONS: ReadonlySet<string> = new Set([
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
  '*',
]);

const IAM_PATHS = [
  'user/',
  'federated-user/',
  'role/',
  'group/',
  'instance-profile/',
  'mfa/',
  'server-certificate/',
  'policy/',
  'sms-mfa/',
  'saml-provider/',
  'oidc-provider/',
  'report/',
  'access-report/',
];

/** Splits at the first colon, like Python's str.partition. */
function cut(s: string): [string, boolean, string] {
  const i = s.indexOf(':');
  return i < 0 ? [s, false, ''] : [s.slice(0, i), true, s.slice(i + 1)];
}

/**
 * The format error AWS reports for one Resource/NotResource entry, or undefined. AWS reads the
 * entry by position without checking the leading `arn`, and echoes a short ARN padded with `*`
 * in the partition message.
 */
export function resourceFormatError(resource: string): string | undefined {
  if (resource === '*') return undefined;
  const [, hasColon, afterArn] = cut(resource);
  if (!hasColon) return MSG.resourceNotArn(resource);
  const [partition, hasVendor, afterPartition] = cut(afterArn);
  if (!PARTITIONS.has(partition)) {
    const rest = afterPartition.split(':');
    const part = (i: number) => (i < rest.length ? rest[i]! : '*');
    const first = rest[0] !== '' || rest.length > 1 ? rest[0]! : '*';
    const last = rest.length > 3 ? rest.slice(3).join(':') : '*';
    return MSG.partition(partition, `arn:${partition}:${first}:${part(1)}:${part(2)}:${last}`);
  }
  if (!hasVendor) return MSG.resourceVendor;
  const [service, , afterService] = cut(afterPartition);
  const path = cut(cut(afterService)[2])[2];
  if (service === 'iam' && !afterService.startsWith(':')) return MSG.iamRegion(resource);
  // S3 access points are the one S3 resource that names a region.
  if (service === 's3' && !afterService.startsWith(':') && !path.startsWith('accesspoint/')) {
    return MSG.s3Region(resource);
  }
  if (service === 'iam' && path !== '*' && path !== 'root' && !IAM_PATHS.some((p) => path.startsWith(p))) {
    return MSG.iamPath;
  }
  return undefined;
}

/**
 * AWS's legacy parser rejects a short ARN with an empty segment in it (`arn:aws:s3::bucket`)
 * and an empty service (`arn:aws::thing`).
 */
export function legacyResourceOk(resource: string): boolean {
  if (resource === '*') return true;
  const colons = resource.split(':').length - 1;
  if (colons < 5 && resource.includes('::')) return false;
  const parts = resource.split(':');
  return parts.length < 3 || parts[2] !== '';
}

const INT64_MAX = 9223372036854775807n;

function inRange(s: string | undefined, lo: number, hi: number): boolean {
  if (s === undefined || !/^\d+$/.test(s)) return false;
  const n = Number(s);
  return n >= lo && n <= hi;
}

function timeOk(time: string): boolean {
  if (time === '') return true;
  const parts = time.split(':');
  if (!inRange(parts[0], 0, 23)) return false;
  if (parts.length > 1 && !inRange(parts[1], 0, 59)) return false;
  if (parts.length > 2) {
    let sec = parts.slice(2).join(':');
    const z = sec.indexOf('z');
    const plus = sec.indexOf('+');
    if (z >= 0) {
      if (z !== sec.length - 1) return false;
      sec = sec.slice(0, z);
    } else if (plus >= 0) {
      const [h, m, extra] = sec.slice(plus + 1).split(':');
      if (extra !== undefined || h?.length !== 2 || !inRange(h, 0, 23)) return false;
      if (m !== undefined && (m.length !== 2 || !inRange(m, 0, 59))) return false;
      sec = sec.slice(0, plus);
    }
    const [whole, frac] = sec.split('.');
    if (!inRange(whole, 0, 59)) return false;
    if (frac !== undefined && !inRange(frac, 0, 999999999)) return false;
  }
  return true;
}

/** A Date operator's value must be an ISO 8601 date-time or epoch seconds for the legacy parser. */
export function legacyDateOk(value: string): boolean {
  const v = value.toLowerCase();
  if (!v.includes('t') && !v.includes('-')) {
    return /^\d+$/.test(v) && BigInt(v) <= INT64_MAX;
  }
  const t = v.indexOf('t');
  const datePart = t < 0 ? v : v.slice(0, t);
  const timePart = t < 0 ? '' : v.slice(t + 1);
  const negative = datePart.startsWith('-');
  const fields = (negative ? datePart.slice(1) : datePart).split('-');
  if (fields.length > 3 || !/^\d+$/.test(fields[0] ?? '')) return false;
  const year = Number(fields[0]) * (negative ? -1 : 1);
  if (year < -292275054 || year > 292278993) return false;
  if (fields.length > 1 && !inRange(fields[1], 1, 12)) return false;
  if (fields.length > 2 && !inRange(fields[2], 1, 31)) return false;
  return timeOk(timePart);
}
