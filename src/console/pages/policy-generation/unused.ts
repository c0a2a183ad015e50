import { compileGlob } from '../../../policy/glob.js';
import { parsePolicyDocument } from '../../../policy/parse.js';

/** A policy the principal has now: where it comes from (shown) and its document (JSON text). */
export interface CurrentPolicy {
  source: string;
  document: string;
}

/** One Action pattern of an Allow statement, with the actions it grants that went unused. */
export interface UnusedGrant {
  source: string;
  pattern: string;
  /** Concrete actions the pattern grants and the period did not use (from the service's action list). */
  unused: string[];
  /** The pattern grants every action of every service (`*`, `*:*`, or a NotAction statement). */
  everything: boolean;
  /** How many used actions the pattern covers. */
  usedCount: number;
}

/**
 * Which granted actions went unused: every Action pattern of the current policies' Allow
 * statements, expanded over the service's actions (the Service Authorization Reference list the
 * caller passes in), less the actions used. Resources and conditions are not weighed: this says
 * which actions could go, as Access Advisor's action-level report does; what the policies do not
 * grant is the simulator's question. A pattern whose service has no known action list counts as
 * unused when no used action matches it.
 */
export function grantedButUnused(
  policies: CurrentPolicy[],
  usedActions: readonly string[],
  actionsOf: (service: string) => readonly string[] | undefined,
): UnusedGrant[] {
  const used = usedActions.map((a) => a.toLowerCase());
  const out: UnusedGrant[] = [];
  for (const policy of policies) {
    const parsed = parsePolicyDocument(policy.document, 'identity');
    if (!parsed.ok) continue;
    for (const st of parsed.policy.Statement) {
      if (st.Effect !== 'Allow') continue;
      if (st.NotAction) {
        out.push({
          source: policy.source,
          pattern: `NotAction ${st.NotAction.join(', ')}`,
          unused: [],
          everything: true,
          usedCount: used.length,
        });
        continue;
      }
      for (const pattern of st.Action ?? []) {
        const match = compileGlob(pattern.toLowerCase());
        const usedCount = used.filter(match).length;
        const colon = pattern.indexOf(':');
        const service = colon < 0 ? '*' : pattern.slice(0, colon).toLowerCase();
        if (pattern === '*' || /[*?]/.test(service)) {
          out.push({ source: policy.source, pattern, unused: [], everything: true, usedCount });
          continue;
        }
        const known = actionsOf(service);
        const granted = known
          ? known.map((a) => `${service}:${a}`).filter((a) => match(a.toLowerCase()))
          : usedCount === 0
            ? [pattern]
            : [];
        const unused = granted.filter((a) => !used.includes(a.toLowerCase()));
        if (unused.length > 0) out.push({ source: policy.source, pattern, unused, everything: false, usedCount });
      }
    }
  }
  return out;
}

/** The services the Allow statements' Action patterns name, for loading their action lists. */
export function servicesNamed(policies: CurrentPolicy[]): string[] {
  const out = new Set<string>();
  for (const policy of policies) {
    const parsed = parsePolicyDocument(policy.document, 'identity');
    if (!parsed.ok) continue;
    for (const st of parsed.policy.Statement) {
      if (st.Effect !== 'Allow') continue;
      for (const a of st.Action ?? []) {
        const colon = a.indexOf(':');
        if (colon > 0 && !/[*?]/.test(a.slice(0, colon))) out.add(a.slice(0, colon).toLowerCase());
      }
    }
  }
  return [...out].sort();
}
