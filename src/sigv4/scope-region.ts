import { regionScopeMismatch } from './errors.js';
import { PARTITIONS, type PartitionRegions } from './regions.generated.js';
import type { AuthFailure } from './types.js';

/** The partition each known region is in (botocore's endpoints.json). */
const PARTITION_OF_REGION: ReadonlyMap<string, PartitionRegions> = new Map(
  Object.values(PARTITIONS).flatMap((p) => p.regions.map((r) => [r, p] as const)),
);

/**
 * The region a request is for (aws:RequestedRegion), from its credential scope; or AWS's refusal
 * of a scope region the service has no endpoint in. IAM, Organizations and Account have one
 * global endpoint per partition, signed for its one region (us-east-1, cn-north-1, us-gov-west-1,
 * …); STS and CloudTrail are regional; a service Ward only authorizes (POST /authorize) may name
 * any region. `lenient` (emulator mode, as moto accepts any region) takes any real region and
 * still answers the global services' own region of its partition, where AWS's SDKs would have
 * signed for it.
 */
export function requestedRegion(
  service: string,
  scopeRegion: string,
  lenient = false,
): { ok: true; region: string } | AuthFailure {
  const partition = PARTITION_OF_REGION.get(scopeRegion);
  if (!partition) return regionScopeMismatch(scopeRegion);
  const regions = partition.services[service] ?? partition.regions;
  if (regions.includes(scopeRegion)) return { ok: true, region: scopeRegion };
  if (lenient && regions.length > 0) return { ok: true, region: regions.length === 1 ? regions[0]! : scopeRegion };
  return regionScopeMismatch(scopeRegion);
}

/**
 * The region a partition's global services (IAM) are signed for: us-east-1, cn-north-1,
 * us-gov-west-1, …; undefined for a partition botocore does not know.
 */
export function partitionHomeRegion(partition: string): string | undefined {
  const known = Object.hasOwn(PARTITIONS, partition) ? PARTITIONS[partition] : undefined;
  return known?.services.iam?.[0] ?? known?.regions[0];
}
