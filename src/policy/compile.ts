import { compileCondition, type CompiledCondition } from './conditions/condition.js';
import { compileArnGlob, compileGlob, hasWildcard, type Matcher } from './glob.js';
import { compilePrincipal, type CompiledPrincipal } from './principal.js';
import type { CompiledPolicy, MatchedStatement, PolicyDocument, PolicyKind, PolicyStatement } from './types.js';
import { compileResourceTemplate, type ResourceTemplate } from './resource-template.js';
import { parseTemplate } from './variables.js';

/** A Resource entry: a fixed matcher, or a template whose match depends on the request. */
export type ResourceEntry = Matcher | ResourceTemplate;

export interface CompiledStatement {
  deny: boolean;
  /** Lower-cased exact actions, checked before the wildcard patterns. */
  exactActions: Set<string>;
  actionPatterns: Matcher[];
  notAction: boolean;
  /** Undefined when the statement has neither Resource nor NotResource (trust policies). */
  resources?: ResourceEntry[];
  notResource: boolean;
  principal?: CompiledPrincipal;
  notPrincipal: boolean;
  conditions: CompiledCondition[];
  record: MatchedStatement;
}

export interface PolicyInternals {
  /** Whether statements must name the caller in Principal/NotPrincipal to apply. */
  principalScoped: boolean;
  /** Statements that can apply to an action of this service prefix, in document order. */
  byService: Map<string, CompiledStatement[]>;
  /** Statements for services no statement names explicitly (wildcards and NotAction). */
  anyService: CompiledStatement[];
  contextKeys: string[];
}

/** The service prefix an action pattern is bound to, or undefined when a wildcard reaches into it. */
function servicePrefix(pattern: string): string | undefined {
  const colon = pattern.indexOf(':');
  if (colon < 0) return undefined;
  const svc = pattern.slice(0, colon);
  return hasWildcard(svc) ? undefined : svc;
}

function compileStatement(
  st: PolicyStatement,
  index: number,
  label: { id: string; kind: PolicyKind },
  substitute: boolean,
  keys: string[],
): CompiledStatement {
  const actions = (st.Action ?? st.NotAction ?? []).map((a) => a.toLowerCase());
  const exactActions = new Set<string>();
  const actionPatterns: Matcher[] = [];
  for (const a of actions) {
    if (hasWildcard(a)) actionPatterns.push(compileGlob(a));
    else exactActions.add(a);
  }
  const rawResources = st.Resource ?? st.NotResource;
  const resources = rawResources?.map((r): ResourceEntry => {
    const t = parseTemplate(r, substitute);
    if (typeof t === 'string') return compileArnGlob(t);
    keys.push(...t.keys);
    return compileResourceTemplate(t);
  });
  const conditions: CompiledCondition[] = [];
  for (const [operator, block] of Object.entries(st.Condition ?? {})) {
    for (const [key, values] of Object.entries(block)) {
      const c = compileCondition(operator, key, values, substitute);
      keys.push(key, ...c.variableKeys);
      conditions.push(c);
    }
  }
  const principalBlock = st.Principal ?? st.NotPrincipal;
  const record: MatchedStatement = { policyId: label.id, policyKind: label.kind, effect: st.Effect, index };
  if (st.Sid !== undefined && st.Sid !== '') record.sid = st.Sid;
  return {
    deny: st.Effect === 'Deny',
    exactActions,
    actionPatterns,
    notAction: st.NotAction !== undefined,
    ...(resources ? { resources } : {}),
    notResource: st.NotResource !== undefined,
    ...(principalBlock ? { principal: compilePrincipal(principalBlock) } : {}),
    notPrincipal: st.NotPrincipal !== undefined,
    conditions,
    record: Object.freeze(record),
  };
}

function dedupeKeys(keys: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of keys) {
    const l = k.toLowerCase();
    if (seen.has(l)) continue;
    seen.add(l);
    out.push(k);
  }
  return out;
}

/**
 * Compiles a validated policy once: action and resource globs become matchers, condition values
 * are parsed into their operator's type, and statements are indexed by the service prefix of
 * their actions so a request only looks at statements that can name its action.
 */
export function compilePolicy(policy: PolicyDocument, label: { id: string; kind: PolicyKind }): CompiledPolicy {
  const substitute = policy.Version === '2012-10-17';
  const keys: string[] = [];
  const statements = policy.Statement.map((st, i) => compileStatement(st, i, label, substitute, keys));
  const services = new Map<string, Set<number>>();
  const anyIdx = new Set<number>();
  policy.Statement.forEach((st, i) => {
    const prefixes = st.Action?.map((a) => servicePrefix(a.toLowerCase()));
    if (!prefixes || prefixes.length === 0 || prefixes.some((p) => p === undefined)) {
      anyIdx.add(i);
      return;
    }
    for (const p of prefixes) {
      let set = services.get(p!);
      if (!set) services.set(p!, (set = new Set()));
      set.add(i);
    }
  });
  const byService = new Map<string, CompiledStatement[]>();
  for (const [svc, idx] of services) {
    byService.set(
      svc,
      statements.filter((_, i) => idx.has(i) || anyIdx.has(i)),
    );
  }
  const internals: PolicyInternals = {
    principalScoped: label.kind === 'resource' || label.kind === 'trust',
    byService,
    anyService: statements.filter((_, i) => anyIdx.has(i)),
    contextKeys: dedupeKeys(keys),
  };
  return { id: label.id, kind: label.kind, _compiled: internals };
}

export function internalsOf(p: CompiledPolicy): PolicyInternals {
  return p._compiled as PolicyInternals;
}

/** Condition keys the policies use, in conditions or as variables (for GetContextKeysFor*Policy). */
export function contextKeysOf(policies: CompiledPolicy[]): string[] {
  return dedupeKeys(policies.flatMap((p) => internalsOf(p).contextKeys));
}
