import { parseOperatorName } from './conditions/operator-name.js';
import type { ConditionBlock, PolicyStatement, PolicyVersion, PrincipalBlock } from './types.js';

export const TOP_LEVEL_KEYS: ReadonlySet<string> = new Set(['Version', 'Id', 'Statement']);
export const STATEMENT_KEYS: ReadonlySet<string> = new Set([
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
]);
export const VERSIONS: ReadonlySet<string> = new Set(['2012-10-17', '2008-10-17']);
export const PRINCIPAL_TYPES: ReadonlySet<string> = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An element AWS accepts as "a string or an array of strings". */
export function stringList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return undefined;
  return v.slice();
}

/** The Statement element as a list: a single object or an array. */
export function statementList(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v as unknown[];
  if (isObject(v)) return [v];
  return undefined;
}

function conditionValue(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  // AWS accepts JSON numbers and booleans and stores them as text.
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export type ConditionResult = { ok: true; block: ConditionBlock } | { ok: false; unknownOperator?: string };

/**
 * Normalises a Condition element. A malformed shape is a syntax error; an operator AWS does not
 * know is reported separately because the two validators word it differently. An unknown
 * operator with an empty block is accepted, as AWS accepts it.
 */
export function conditionBlock(v: unknown): ConditionResult {
  if (!isObject(v)) return { ok: false };
  const block: ConditionBlock = {};
  for (const [operator, keys] of Object.entries(v)) {
    if (!isObject(keys)) return { ok: false };
    const out: Record<string, string[]> = {};
    for (const [key, raw] of Object.entries(keys)) {
      const list = Array.isArray(raw) ? raw.map(conditionValue) : [conditionValue(raw)];
      if (list.some((x) => x === undefined)) return { ok: false };
      out[key] = list as string[];
    }
    if (!parseOperatorName(operator)) {
      if (Object.keys(out).length > 0) return { ok: false, unknownOperator: operator };
      continue;
    }
    block[operator] = out;
  }
  return { ok: true, block };
}

export type PrincipalResult =
  | { ok: true; block: PrincipalBlock }
  | { ok: false; why: 'syntax' | 'string' | 'empty' }
  | { ok: false; why: 'type'; type: string };

/** Normalises Principal/NotPrincipal: `"*"` or a map of principal type to identifiers. */
export function principalBlock(v: unknown): PrincipalResult {
  if (typeof v === 'string') return v === '*' ? { ok: true, block: '*' } : { ok: false, why: 'string' };
  if (!isObject(v)) return { ok: false, why: 'syntax' };
  const keys = Object.keys(v);
  if (keys.length === 0) return { ok: false, why: 'empty' };
  const block: Exclude<PrincipalBlock, '*'> = {};
  for (const k of keys) {
    if (!PRINCIPAL_TYPES.has(k)) return { ok: false, why: 'type', type: k };
    const list = stringList(v[k]);
    if (!list) return { ok: false, why: 'syntax' };
    block[k as keyof typeof block] = list;
  }
  return { ok: true, block };
}

/** Builds the normalised statement once its elements are known to be well-formed. */
export function buildStatement(
  s: Json,
  condition: ConditionBlock | undefined,
  principal: PrincipalBlock | undefined,
): PolicyStatement {
  const st: PolicyStatement = { Effect: s.Effect as 'Allow' | 'Deny' };
  if (typeof s.Sid === 'string') st.Sid = s.Sid;
  for (const k of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
    const list = stringList(s[k]);
    if (list) st[k] = list;
  }
  if (principal !== undefined) {
    if ('Principal' in s) st.Principal = principal;
    else st.NotPrincipal = principal;
  }
  if (condition !== undefined) st.Condition = condition;
  return st;
}

export function versionOf(v: unknown): PolicyVersion | undefined {
  return v === '2012-10-17' || v === '2008-10-17' ? v : undefined;
}

/** JSON.parse that reports failure instead of throwing. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
