import { regionScopeMismatch } from './errors.js';
import { PARTITION_REGIONS, SERVICE_REGIONS } from './regions.generated.js';
import type { AuthFailure } from './types.js';

/**
 * The region a request is for (aws:RequestedRegion), from its credential scope; or AWS's refusal
 * of a scope region the service has no endpoint in. IAM, Organizations and Account have one
 * global endpoint, signed for us-east-1; STS and CloudTrail are regional; a service Ward only
 * authorizes (POST /authorize) may name any region of the partition. `lenient` (emulator mode,
 * as moto accepts any region) takes any real region and still answers us-east-1 for the global
 * services, where AWS's SDKs would have signed for it.
 */
export function requestedRegion(
  service: string,
  scopeRegion: string,
  lenient = false,
): { ok: true; region: string } | AuthFailure {
  const regions = SERVICE_REGIONS[service] ?? PARTITION_REGIONS;
  if (regions.includes(scopeRegion)) return { ok: true, region: scopeRegion };
  if (lenient && PARTITION_REGIONS.includes(scopeRegion))
    return { ok: true, region: regions.length === 1 ? regions[0]! : scopeRegion };
  return regionScopeMismatch(scopeRegion);
}
