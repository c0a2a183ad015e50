/**
 * AWS partitions. Ward keeps every ARN in the `aws` partition and renders it in the caller's
 * partition, which the credential scope's region names (a request signed for cn-north-1 is in
 * aws-cn): an account is the same account whichever partition a request names, and the console
 * and CLI, which sign for us-east-1, stay `aws`.
 */

export const CANONICAL_PARTITION = 'aws';

/** A region's partition, by the regionRegex of each partition in botocore's endpoints.json. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-isof-')) return 'aws-iso-f';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return CANONICAL_PARTITION;
}

const CANONICAL_PREFIX = `arn:${CANONICAL_PARTITION}:`;
const ANY_PARTITION = /^arn:(aws(?:-[a-z]+)*):/;

/** A canonical ARN as a caller in `partition` sees it; anything else unchanged. */
export function inPartition(value: string, partition: string): string {
  return partition !== CANONICAL_PARTITION && value.startsWith(CANONICAL_PREFIX)
    ? `arn:${partition}:${value.slice(CANONICAL_PREFIX.length)}`
    : value;
}

/**
 * Every canonical ARN in a text (an error message) as the caller sees it. An ARN starts a text
 * or follows a character no ARN ends with.
 */
export function textInPartition(text: string, partition: string): string {
  return partition === CANONICAL_PARTITION ? text : text.replace(/(^|[\s"'(])arn:aws:/g, `$1arn:${partition}:`);
}

/** A value (an operation's output) with each string that is a canonical ARN rendered in `partition`. */
export function valuesInPartition<T>(value: T, partition: string): T {
  if (partition === CANONICAL_PARTITION) return value;
  return render(value, partition) as T;
}

function render(value: unknown, partition: string): unknown {
  if (typeof value === 'string') return inPartition(value, partition);
  if (Array.isArray(value)) return value.map((v) => render(v, partition));
  if (value === null || typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = render(v, partition);
  return out;
}

/** Why an ARN cannot be read in the caller's partition: AWS's text names the partition it is in. */
export interface ForeignPartition {
  partition: string;
  arn: string;
}

/**
 * An ARN the caller wrote, in canonical form: the caller's own partition becomes `aws`; an ARN in
 * any other partition cannot name anything the caller reaches (AWS: `Partition "aws" is not valid
 * for resource "arn:aws:iam::…"`).
 */
export function fromPartition(value: string, partition: string): string | ForeignPartition {
  const m = ANY_PARTITION.exec(value);
  if (!m) return value;
  if (m[1] !== partition) return { partition: m[1]!, arn: value };
  return partition === CANONICAL_PARTITION ? value : `${CANONICAL_PREFIX}${value.slice(m[0].length)}`;
}

/**
 * The input members that hold ARNs in Ward's models (IAM, STS, Organizations): named …Arn or
 * …Arns, or an MFA serial, a permissions boundary, an AssumeRoot target or a simulation's
 * resource owner. Policy documents are left as written: they are evaluated in the caller's
 * partition (see the authorizer), as AWS stores them.
 */
const ARN_MEMBER = /(?:Arn|ARN)s?$|^(?:SerialNumber|PermissionsBoundary|TargetPrincipal|ResourceOwner|CallerArn)$/;

/**
 * An operation's input with its ARN members canonical, or the first one in a foreign partition.
 * Copies only what changes: in the aws partition nothing does.
 */
export function inputFromPartition<T>(input: T, partition: string): { input: T } | { foreign: ForeignPartition } {
  const state: { partition: string; foreign?: ForeignPartition } = { partition };
  const canonical = canonicalValue(input, false, state) as T;
  return state.foreign ? { foreign: state.foreign } : { input: canonical };
}

// Module-level and closure-free: it runs on every call's input.
function canonicalValue(
  value: unknown,
  arnMember: boolean,
  state: { partition: string; foreign?: ForeignPartition },
): unknown {
  if (typeof value === 'string') {
    if (!arnMember || !value.startsWith('arn:')) return value;
    const canonical = fromPartition(value, state.partition);
    if (typeof canonical === 'string') return canonical;
    state.foreign ??= canonical;
    return value;
  }
  if (value === null || typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value)) return value;
  if (Array.isArray(value)) {
    const list = value as unknown[];
    let items: unknown[] | undefined;
    for (let i = 0; i < list.length; i++) {
      const seen = canonicalValue(list[i], arnMember, state);
      if (seen !== list[i]) (items ??= [...list])[i] = seen;
    }
    return items ?? list;
  }
  let out: Record<string, unknown> | undefined;
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    const seen = canonicalValue(v, ARN_MEMBER.test(k), state);
    if (seen !== v) (out ??= { ...value })[k] = seen;
  }
  return out ?? value;
}
