import { compileArnGlob, decodeLiterals, hasPrefix, type Matcher } from './glob.js';
import type { Template, VariableRef, VariableSource } from './variables.js';
import { resolveTemplate } from './variables.js';

/**
 * A Resource entry holding policy variables. The usual shapes, `...:user/${aws:username}` and
 * `...:bucket/${aws:username}/*`, are compared piece by piece against the request's ARN without
 * building a string; anything else is substituted and compiled, with the matcher cached.
 */
export interface ResourceTemplate {
  template: Template;
  /** Literal pieces (decoded) and variables, when the fast comparison applies. */
  pieces?: (string | VariableRef)[];
  /** The last piece ended in the only wildcard, a trailing `*`. */
  prefix: boolean;
  cache: Map<string, Matcher>;
}

const CACHE_LIMIT = 256;

export function compileResourceTemplate(template: Template): ResourceTemplate {
  const t: ResourceTemplate = { template, prefix: false, cache: new Map() };
  const literals = template.parts.filter((p): p is string => typeof p === 'string');
  const colons = literals.reduce((n, s) => n + s.split(':').length - 1, 0);
  const last = template.parts[template.parts.length - 1];
  const trailingStar = typeof last === 'string' && last.endsWith('*');
  const wild = literals.reduce((n, s) => n + (s.split('*').length - 1) + (s.split('?').length - 1), 0);
  if (colons < 5 || wild > (trailingStar ? 1 : 0)) return t;
  t.prefix = trailingStar;
  t.pieces = template.parts.map((p, i) => {
    if (typeof p !== 'string') return p;
    return decodeLiterals(trailingStar && i === template.parts.length - 1 ? p.slice(0, -1) : p);
  });
  return t;
}

/** Whether the template matches `resource`; undefined when a variable has no value. */
export function matchResourceTemplate(
  t: ResourceTemplate,
  resource: string,
  source: VariableSource,
): boolean | undefined {
  if (t.pieces) {
    let pos = 0;
    let result = true;
    for (const piece of t.pieces) {
      let value: string;
      if (typeof piece === 'string') value = piece;
      else {
        const v = source.get(piece.key, piece.keyLower);
        if (typeof v === 'string') value = v;
        else if (piece.fallback !== undefined) value = piece.fallback;
        else {
          if (v === undefined) source.noteMissing(piece.key);
          return undefined;
        }
      }
      // Keep resolving after a mismatch: an unresolvable variable still decides the outcome.
      if (result && !hasPrefix(resource, value, pos)) result = false;
      pos += value.length;
    }
    return result && (t.prefix || pos === resource.length);
  }
  const s = resolveTemplate(t.template, source);
  if (s === undefined) return undefined;
  let m = t.cache.get(s);
  if (!m) {
    m = compileArnGlob(s);
    if (t.cache.size >= CACHE_LIMIT) t.cache.clear();
    t.cache.set(s, m);
  }
  return m(resource);
}
