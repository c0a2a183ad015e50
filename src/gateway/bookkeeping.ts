import type { Caller } from '../auth/authenticate.js';
import type { IdentifiedOperation } from '../wire/routing/types.js';
import type { GatewayDeps, RoutedService } from './gateway-deps.js';
import { policyHolderOf } from './resource-policies.js';

/** Operations that change what the gateway caches of a resource: its policy, its permissions, its tags, its existence. */
const CHANGES_RESOURCE = /Policy|Permission|Attributes|Tag|^Delete|^Create|^ScheduleKeyDeletion/;
const READS = /^(Get|List|Describe|Head)/;

/**
 * After the backend said yes: who made an S3 bucket (its ARN names no account), and dropping the
 * cached policy and tags of a resource the call changed, on every node.
 */
export async function afterForward(
  deps: GatewayDeps,
  service: RoutedService,
  op: IdentifiedOperation,
  caller: Caller,
  now: Date,
  resources: readonly string[],
): Promise<void> {
  const bucket = typeof op.input.Bucket === 'string' ? op.input.Bucket : undefined;
  if (service.eventService === 's3' && bucket !== undefined) {
    if (op.operation === 'CreateBucket') await deps.bucketOwners.record(bucket, caller.principal.accountId, now);
    if (op.operation === 'DeleteBucket') await deps.bucketOwners.forget(bucket);
  }
  if (READS.test(op.operation) || !CHANGES_RESOURCE.test(op.operation)) return;
  for (const arn of resources) {
    deps.resources.invalidate(arn);
    const holder = policyHolderOf(arn);
    if (holder && holder.arn !== arn) deps.resources.invalidate(holder.arn);
  }
}
