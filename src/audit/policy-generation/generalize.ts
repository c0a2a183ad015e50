/**
 * How a set of used resources becomes a Resource element. The thresholds are deliberate and
 * documented in the README ("Generate a least-privilege policy"):
 *
 * - An action used on `*` (an action without resource-level permissions, as Ward and the gateway
 *   record it, like AWS's Service Authorization Reference says) is granted on `*` alone.
 * - Resources are grouped by parent: the ARN up to the first `/` of its resource part, so an S3
 *   object's parent is its bucket (`arn:aws:s3:::bucket/`), an IAM user's the account's users
 *   (`arn:aws:iam::123456789012:user/`). A resource without a `/` (a bucket, a queue) has no
 *   parent and is always listed exactly.
 * - Up to MAX_EXACT_RESOURCES distinct resources of one parent are listed exactly; with more, the
 *   action is granted on their longest common prefix that ends at a `/`, followed by `*`
 *   (`arn:aws:s3:::bucket/logs/2026/*`; at least `arn:aws:s3:::bucket/*`), never wider than the parent.
 */
export const MAX_EXACT_RESOURCES = 5;

/** Exact resources kept per parent, for reports (the policy needs only the count and the common prefix). */
export const KEPT_EXACT_RESOURCES = 100;

/**
 * A concrete ARN as a Resource value of a 2012-10-17 policy, where `*` and `?` are wildcards and
 * `${…}` a variable: AWS's escapes `${*}`, `${?}` and `${$}` keep a literal name literal.
 */
export function literalResource(arn: string): string {
  return arn.replace(/[*?$]/g, (c) => `\${${c}}`);
}

/** The group a resource generalizes within; undefined for one that is only ever listed exactly. */
export function parentOf(arn: string): string | undefined {
  let colons = 0;
  let i = 0;
  for (; i < arn.length && colons < 5; i++) if (arn[i] === ':') colons++;
  if (colons < 5 || !arn.startsWith('arn:')) return undefined;
  const slash = arn.indexOf('/', i);
  return slash < 0 ? undefined : arn.slice(0, slash + 1);
}

/** The resources one action was used on under one parent, bounded however many there were. */
export class ResourceGroup {
  private readonly exact = new Set<string>();
  private distinct = 0;
  private common: string | undefined;

  constructor(readonly parent: string | undefined) {}

  add(arn: string): void {
    if (this.exact.has(arn)) return;
    this.common = this.common === undefined ? arn : commonPrefix(this.common, arn);
    // Past the kept ones a repeat cannot be told from a new one; any count over the threshold is the same answer.
    this.distinct++;
    if (this.exact.size < KEPT_EXACT_RESOURCES) this.exact.add(arn);
  }

  /** The exact resources seen (at most KEPT_EXACT_RESOURCES). */
  samples(): string[] {
    return [...this.exact].sort();
  }

  /** The Resource values this group grants. */
  patterns(): string[] {
    if (this.parent === undefined || this.distinct <= MAX_EXACT_RESOURCES)
      return [...this.exact].map(literalResource).sort();
    const prefix = this.common!.slice(0, this.common!.lastIndexOf('/') + 1);
    return [`${literalResource(prefix.length >= this.parent.length ? prefix : this.parent)}*`];
  }
}

function commonPrefix(a: string, b: string): string {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return a.slice(0, i);
}
