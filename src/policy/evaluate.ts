import { internalsOf, type CompiledStatement, type ResourceEntry } from './compile.js';
import { evaluateCondition } from './conditions/condition.js';
import { EvalState } from './eval-state.js';
import { matchPrincipal, notPrincipalAllowApplies, notPrincipalApplies, type PrincipalMatch } from './principal.js';
import type { CompiledPolicy, DenyingLayer, EvalDecision, Evaluation, PolicySet, RequestContext } from './types.js';
import { matchResourceTemplate } from './resource-template.js';

/** What one layer of policies said about the request. */
interface Layer {
  allow: boolean;
  deny: boolean;
  /** For a resource policy: the strongest way an Allow named the caller. */
  match?: PrincipalMatch;
}

const STRENGTH: Record<PrincipalMatch, number> = { account: 0, role: 1, direct: 2 };

function actionMatches(st: CompiledStatement, action: string): boolean {
  let hit = st.exactActions.has(action);
  if (!hit) {
    for (const m of st.actionPatterns) {
      if (m(action)) {
        hit = true;
        break;
      }
    }
  }
  return st.notAction ? !hit : hit;
}

/** Matches one Resource entry; undefined when its variables cannot be resolved. */
function resourceEntryMatches(entry: ResourceEntry, state: EvalState): boolean | undefined {
  if (typeof entry === 'function') return entry(state.resource);
  return matchResourceTemplate(entry, state.resource, state);
}

/**
 * Resource/NotResource. An entry whose variable has no value matches nothing; in NotResource
 * that leaves the statement unable to say what it excludes, so it does not apply ("Policy
 * variables with no value": the statement is treated as not matching).
 */
function resourceMatches(st: CompiledStatement, state: EvalState): boolean {
  if (!st.resources) return true;
  let hit = false;
  for (const entry of st.resources) {
    const m = resourceEntryMatches(entry, state);
    if (m === undefined) {
      if (st.notResource) return false;
      continue;
    }
    if (m) {
      hit = true;
      break;
    }
  }
  return st.notResource ? !hit : hit;
}

function principalMatch(st: CompiledStatement, state: EvalState): PrincipalMatch | undefined {
  if (!st.principal) return undefined;
  if (!st.notPrincipal) return matchPrincipal(st.principal, state.ids);
  // "Permissions boundaries for IAM entities": a Deny with NotPrincipal always denies a
  // principal that has a boundary, whatever NotPrincipal lists.
  if (st.deny && state.ids.hasBoundary) return 'direct';
  if (!st.deny) return notPrincipalAllowApplies(st.principal, state.ids) ? 'direct' : undefined;
  return notPrincipalApplies(st.principal, state.ids) ? 'direct' : undefined;
}

function evaluatePolicy(policy: CompiledPolicy, state: EvalState, layer: Layer): void {
  const p = internalsOf(policy);
  const statements = p.byService.get(state.service) ?? p.anyService;
  for (const st of statements) {
    if (!actionMatches(st, state.action)) continue;
    if (!resourceMatches(st, state)) continue;
    let match: PrincipalMatch | undefined;
    if (p.principalScoped) {
      match = principalMatch(st, state);
      if (!match) continue;
    }
    let ok = true;
    for (const c of st.conditions) {
      if (!evaluateCondition(c, state)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    state.matched.push(st.record);
    if (st.deny) layer.deny = true;
    else {
      layer.allow = true;
      if (match && (layer.match === undefined || STRENGTH[match] > STRENGTH[layer.match])) layer.match = match;
    }
  }
}

function evaluateLayer(policies: readonly CompiledPolicy[] | undefined, state: EvalState): Layer {
  const layer: Layer = { allow: false, deny: false };
  if (policies) for (const p of policies) evaluatePolicy(p, state, layer);
  return layer;
}

function denied(decision: EvalDecision, deniedBy: DenyingLayer, state: EvalState, boundary?: EvalDecision): Evaluation {
  const e: Evaluation = { decision, deniedBy, matched: state.matched, missingContextKeys: state.missing };
  if (boundary) e.boundaryDecision = boundary;
  return e;
}

function allowed(state: EvalState, boundary?: EvalDecision): Evaluation {
  const e: Evaluation = { decision: 'allowed', matched: state.matched, missingContextKeys: state.missing };
  if (boundary) e.boundaryDecision = boundary;
  return e;
}

function decide(req: RequestContext, set: PolicySet): Evaluation {
  const state = new EvalState(req, set.boundary !== undefined);
  let scpDeny = false;
  let scpAllow = true;
  for (const level of set.scps ?? []) {
    const l = evaluateLayer(level, state);
    scpDeny ||= l.deny;
    scpAllow &&= l.allow;
  }
  const resource = set.resource ? evaluateLayer([set.resource], state) : undefined;
  const identity = evaluateLayer(set.identity, state);
  const boundary = set.boundary ? evaluateLayer(set.boundary, state) : undefined;
  const session = set.session ? evaluateLayer(set.session, state) : undefined;
  const boundaryDecision: EvalDecision | undefined = boundary
    ? boundary.deny
      ? 'explicitDeny'
      : boundary.allow
        ? 'allowed'
        : 'implicitDeny'
    : undefined;

  // 1. An explicit deny in any policy wins; the first layer in AWS's evaluation order is named.
  if (scpDeny) return denied('explicitDeny', 'scp', state, boundaryDecision);
  if (resource?.deny) return denied('explicitDeny', 'resource', state, boundaryDecision);
  if (identity.deny) return denied('explicitDeny', 'identity', state, boundaryDecision);
  if (boundary?.deny) return denied('explicitDeny', 'boundary', state, boundaryDecision);
  if (session?.deny) return denied('explicitDeny', 'session', state, boundaryDecision);

  // 2. Every SCP level between the root and the account must allow.
  if (set.scps && !scpAllow) return denied('implicitDeny', 'scp', state, boundaryDecision);

  const identityAllows = identity.allow || set.isRoot === true;
  const resourceMatch = resource?.allow ? (resource.match ?? 'direct') : undefined;
  // 3. A role's trust policy, or a KMS key policy, must allow even within its own account.
  const resourceRequired = !set.sameAccount || set.resource?.kind === 'trust' || set.resourceRequired === true;
  if (resourceRequired && !resourceMatch) return denied('implicitDeny', 'resource', state, boundaryDecision);

  // Cross-account, the resource policy and the caller's own account must both allow. Within the
  // account, naming the user or session directly is enough on its own; naming the role is
  // enough but a boundary or session policy still caps it; naming the account delegates to the
  // identity policies.
  if (set.sameAccount && resourceMatch === 'direct') return allowed(state, boundaryDecision);
  if (!(set.sameAccount && resourceMatch === 'role') && !identityAllows) {
    return denied('implicitDeny', 'identity', state, boundaryDecision);
  }
  if (boundary && !boundary.allow) return denied('implicitDeny', 'boundary', state, boundaryDecision);
  if (session && !session.allow) return denied('implicitDeny', 'session', state, boundaryDecision);
  return allowed(state, boundaryDecision);
}

/**
 * Decides one request as AWS's policy evaluation logic does ("Policy evaluation logic",
 * "Cross-account policy evaluation logic"). Never throws: a failure inside evaluation is an
 * implicit deny by the identity layer.
 */
export function evaluate(req: RequestContext, set: PolicySet): Evaluation {
  try {
    return decide(req, set);
  } catch {
    return { decision: 'implicitDeny', deniedBy: 'identity', matched: [], missingContextKeys: [] };
  }
}
