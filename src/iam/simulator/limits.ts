import { AwsError } from '../../shared/aws-error.js';
import type { ContextEntry } from '../../wire/generated/iam.js';

/**
 * Input caps for SimulatePrincipalPolicy and SimulateCustomPolicy.
 *
 * AWS documents no count limit for these lists: the service model (botocore iam 2010-05-08)
 * bounds only each member (an action name 3–128 characters, an ARN 1–2048, a policy 131072) and
 * MaxItems (1–1000), and "IAM and AWS STS quotas" lists nothing for the simulator. Without a cap
 * one request can ask for every action × resource pair the 1 MB body can hold (15k × 15k), so
 * Ward chooses caps well above real use and answers as AWS answers a list that breaks a length
 * constraint: `ValidationError`, "Member must have length less than or equal to N".
 *
 * - 1000 actions and 1000 resources: the largest service, EC2, has several hundred actions, and
 *   1000 matches the largest page MaxItems allows. Results are computed per page, so even the
 *   full 1000 × 1000 costs a request no more than the page it asks for.
 * - 100 context entries of at most 100 values each: a condition compares every value of its key
 *   with every value in the policy, so the values bound the cost of a single evaluation; no AWS
 *   request carries more than 50 tags, the largest multivalued keys (`aws:TagKeys`).
 */
export const SIMULATION_LIMITS = { actionNames: 1000, resourceArns: 1000, contextEntries: 100, contextKeyValues: 100 };

interface SimulationLists {
  ActionNames?: string[];
  ResourceArns?: string[];
  ContextEntries?: ContextEntry[];
}

/**
 * AWS's list-length wording, without echoing the list: AWS prints the whole value, which for an
 * oversized list would reflect up to a megabyte of the caller's input back at it.
 */
function tooLong(path: string, max: number): string {
  return `Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${max}`;
}

/** Throws `ValidationError` listing every list over its cap, as AWS reports all failed constraints at once. */
export function checkSimulationLimits(input: SimulationLists): void {
  const issues: string[] = [];
  if ((input.ActionNames?.length ?? 0) > SIMULATION_LIMITS.actionNames)
    issues.push(tooLong('actionNames', SIMULATION_LIMITS.actionNames));
  if ((input.ResourceArns?.length ?? 0) > SIMULATION_LIMITS.resourceArns)
    issues.push(tooLong('resourceArns', SIMULATION_LIMITS.resourceArns));
  const entries = input.ContextEntries ?? [];
  if (entries.length > SIMULATION_LIMITS.contextEntries)
    issues.push(tooLong('contextEntries', SIMULATION_LIMITS.contextEntries));
  else {
    entries.forEach((e, i) => {
      if ((e.ContextKeyValues?.length ?? 0) > SIMULATION_LIMITS.contextKeyValues) {
        issues.push(tooLong(`contextEntries.${i + 1}.member.contextKeyValues`, SIMULATION_LIMITS.contextKeyValues));
      }
    });
  }
  if (issues.length === 0) return;
  const n = issues.length;
  throw new AwsError(
    'ValidationError',
    `${n} validation error${n === 1 ? '' : 's'} detected: ${issues.join('; ')}`,
    400,
    'Sender',
  );
}
