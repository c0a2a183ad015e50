import type { EvalState } from '../eval-state.js';
import { parseTemplate, resolveTemplate, type Template } from '../variables.js';
import type { OperatorSpec } from './family.js';
import { parseOperatorName, type Qualifier } from './operator-name.js';
import { OPERATORS } from './operators.js';

/** One operator applied to one context key, ready to evaluate. */
export interface CompiledCondition {
  key: string;
  keyLower: string;
  qualifier: Qualifier;
  ifExists: boolean;
  /** Null: the accepted answers to "is the key absent?". */
  nullAnswers?: boolean[];
  spec?: OperatorSpec;
  prepared: unknown[];
  templates: Template[];
  cache?: Map<string, unknown>;
  /** Keys named by variables in the values, for contextKeysOf. */
  variableKeys: string[];
}

const CACHE_LIMIT = 256;

/**
 * Compiles one `operator: { key: values }` pair. The operator name has already been validated;
 * an unknown one compiles to a condition that never holds rather than throwing.
 */
export function compileCondition(
  operator: string,
  key: string,
  values: string[],
  substitute: boolean,
): CompiledCondition {
  const name = parseOperatorName(operator);
  const c: CompiledCondition = {
    key,
    keyLower: key.toLowerCase(),
    qualifier: name?.qualifier ?? 'none',
    ifExists: name?.ifExists ?? false,
    prepared: [],
    templates: [],
    variableKeys: [],
  };
  if (!name) {
    c.nullAnswers = [];
    return c;
  }
  if (name.base === 'Null') {
    c.nullAnswers = values.map((v) => v.toLowerCase() === 'true').filter((_, i) => /^(true|false)$/i.test(values[i]!));
    return c;
  }
  const spec = OPERATORS[name.base];
  c.spec = spec;
  for (const v of values) {
    const t = parseTemplate(v, substitute && spec.family.variables);
    if (typeof t === 'string') {
      const p = spec.family.prepare(t);
      if (p !== undefined) c.prepared.push(p);
    } else {
      c.templates.push(t);
      c.variableKeys.push(...t.keys);
    }
  }
  if (c.templates.length && !spec.family.cheapPrepare) c.cache = new Map();
  return c;
}

function policyValues(c: CompiledCondition, state: EvalState): unknown[] {
  if (c.templates.length === 0) return c.prepared;
  const out = c.prepared.slice();
  const family = c.spec!.family;
  const cache = c.cache;
  for (const t of c.templates) {
    const s = resolveTemplate(t, state);
    if (s === undefined) continue;
    if (!cache) {
      const p = family.prepare(s);
      if (p !== undefined) out.push(p);
      continue;
    }
    let p = cache.get(s);
    if (p === undefined) {
      p = family.prepare(s);
      if (p === undefined) continue;
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(s, p);
    }
    out.push(p);
  }
  return out;
}

/**
 * Evaluates a condition ("Condition operators", "Single-valued vs. multivalued context keys").
 * A key missing from the request makes the condition false, except: IfExists holds, a negated
 * operator holds, ForAllValues holds (empty set), ForAnyValue fails. Several policy values are
 * OR'd for a positive operator and NOR'd for a negated one; a multivalued request key without a
 * set operator matches if any of its values does (none may, for a negated operator).
 */
export function evaluateCondition(c: CompiledCondition, state: EvalState): boolean {
  const raw = state.get(c.key, c.keyLower);
  const absent = raw === undefined || (Array.isArray(raw) && raw.length === 0);
  if (c.nullAnswers) return c.nullAnswers.includes(absent);
  const spec = c.spec!;
  if (absent) {
    if (c.ifExists) return true;
    if (raw === undefined) state.noteMissing(c.key);
    if (c.qualifier === 'all') return true;
    if (c.qualifier === 'any') return false;
    return spec.negated;
  }
  const values = policyValues(c, state);
  if (values.length === 0) return false;
  const family = spec.family;
  let anyMatch = false;
  let allMatch = true;
  const count = typeof raw === 'string' ? 1 : raw.length;
  for (let i = 0; i < count; i++) {
    const r = family.parse(typeof raw === 'string' ? raw : raw[i]!);
    if (r === undefined) return false;
    let hit = false;
    for (const p of values) {
      if (family.test(p, r)) {
        hit = true;
        break;
      }
    }
    const m = spec.negated ? !hit : hit;
    if (m) anyMatch = true;
    else allMatch = false;
  }
  if (c.qualifier === 'all') return allMatch;
  if (c.qualifier === 'any') return anyMatch;
  return spec.negated ? allMatch : anyMatch;
}
