import { ResourceGroup, parentOf } from './generalize.js';
import type { TargetPrincipal } from './principal.js';
import { type UsageOptions, type UsedAccess, usedAccesses } from './used-access.js';

/** One statement of a generated policy: Allow, the service's actions sorted, their resources. */
export interface GeneratedStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  /** `"*"` or one ARN as a string, several as an array (as Access Analyzer writes them). */
  Resource: string | string[];
}

export interface GeneratedPolicyDocument {
  Version: '2012-10-17';
  Statement: GeneratedStatement[];
}

interface ActionUse {
  action: string;
  anyResource: boolean;
  groups: Map<string, ResourceGroup>;
}

/**
 * IAM Access Analyzer's policy generation over Ward's own trail: the records of one user or role
 * (its sessions included) in, an identity policy granting what they used out. Records are fed one
 * at a time (`add`), so a long window costs memory by the distinct actions and resource parents,
 * not by the events. Pure: the caller reads the trail.
 *
 * Like Access Analyzer it groups by service and grants only actions; unlike it, Ward's records
 * carry each decision's resource for every service, so resources are the ones used (generalized
 * as generalize.ts documents) rather than placeholders, and `*` only where the record says the
 * action had no resource.
 */
export class PolicyGenerator {
  private readonly uses = new Map<string, ActionUse>();
  /** Records that showed the principal using at least one access. */
  countedEvents = 0;

  constructor(
    readonly target: TargetPrincipal,
    private readonly options: UsageOptions = {},
  ) {}

  /** One CloudTrail record, parsed or as its JSON text (a record that is not JSON is skipped). */
  add(record: unknown): void {
    let parsed = record;
    if (typeof record === 'string') {
      try {
        parsed = JSON.parse(record);
      } catch {
        return;
      }
    }
    const used = usedAccesses(parsed, this.target, this.options);
    if (used.length === 0) return;
    this.countedEvents++;
    for (const u of used) this.note(u);
  }

  private note({ action, resource }: UsedAccess): void {
    // Actions are case-insensitive; the first spelling seen is kept, with the service prefix lower-cased.
    const key = action.toLowerCase();
    let use = this.uses.get(key);
    if (!use) {
      const colon = action.indexOf(':');
      use = { action: `${key.slice(0, colon)}${action.slice(colon)}`, anyResource: false, groups: new Map() };
      this.uses.set(key, use);
    }
    if (resource === '*') {
      use.anyResource = true;
      use.groups.clear();
      return;
    }
    if (use.anyResource) return;
    const parent = parentOf(resource);
    const groupKey = parent ?? resource;
    let group = use.groups.get(groupKey);
    if (!group) use.groups.set(groupKey, (group = new ResourceGroup(parent)));
    group.add(resource);
  }

  /** Each action used, with the exact resources seen (up to the kept number per parent), sorted. */
  usedAccess(): Array<{ action: string; resources: string[] }> {
    return [...this.uses.values()]
      .map((u) => ({
        action: u.action,
        resources: u.anyResource ? ['*'] : [...u.groups.values()].flatMap((g) => g.samples()).sort(),
      }))
      .sort((a, b) => compare(a.action, b.action));
  }

  /** The policy, or undefined when the principal used nothing that needs a permission. */
  policy(): GeneratedPolicyDocument | undefined {
    if (this.uses.size === 0) return undefined;
    // Actions whose resources come out the same share a statement: one per service and Resource set.
    const statements = new Map<string, { service: string; actions: string[]; resources: string[] }>();
    for (const use of this.uses.values()) {
      const resources = use.anyResource
        ? ['*']
        : [...new Set([...use.groups.values()].flatMap((g) => g.patterns()))].sort();
      const service = use.action.slice(0, use.action.indexOf(':'));
      const key = `${service}\n${resources.join('\n')}`;
      const entry = statements.get(key);
      if (entry) entry.actions.push(use.action);
      else statements.set(key, { service, actions: [use.action], resources });
    }
    const ordered = [...statements.values()]
      .map((s) => ({ ...s, actions: s.actions.sort(compare) }))
      .sort((a, b) => compare(a.service, b.service) || compare(a.actions[0]!, b.actions[0]!));
    const sids = new Set<string>();
    const perService = new Map<string, number>();
    return {
      Version: '2012-10-17',
      Statement: ordered.map((s) => {
        const n = (perService.get(s.service) ?? 0) + 1;
        perService.set(s.service, n);
        let sid = `${pascal(s.service)}Access${n}`;
        while (sids.has(sid)) sid += 'X';
        sids.add(sid);
        return {
          Sid: sid,
          Effect: 'Allow',
          Action: s.actions,
          Resource: s.resources.length === 1 ? s.resources[0]! : s.resources,
        };
      }),
    };
  }
}

/** The policy for a finite set of records (tests, the console's page of lookups). */
export function generatePolicy(
  records: Iterable<unknown>,
  target: TargetPrincipal,
  options: UsageOptions = {},
): GeneratedPolicyDocument | undefined {
  const g = new PolicyGenerator(target, options);
  for (const r of records) g.add(r);
  return g.policy();
}

/** `access-analyzer` → `AccessAnalyzer`: a Sid takes letters and digits only. */
function pascal(service: string): string {
  return service
    .split(/[^A-Za-z0-9]+/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
