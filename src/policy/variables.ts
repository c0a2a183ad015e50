import { encodeLiterals, LIT_DOLLAR, LIT_QMARK, LIT_STAR } from './glob.js';
import type { ContextValue } from './types.js';

/** A `${key}` or `${key, 'default'}` reference inside a Resource or condition value. */
export interface VariableRef {
  key: string;
  keyLower: string;
  fallback?: string;
}

/** A value with at least one variable; literal parts keep their wildcards. */
export interface Template {
  parts: (string | VariableRef)[];
  keys: string[];
}

const SPECIALS: Record<string, string> = { '*': LIT_STAR, '?': LIT_QMARK, $: LIT_DOLLAR };

/**
 * Reads `${...}` at `start` (pointing at `$`). Returns the parsed reference or special and the
 * index after `}`, or undefined when the text is not a well-formed variable, in which case AWS
 * leaves it as literal text ("IAM policy elements: Variables and tags").
 */
function readVariable(raw: string, start: number): { value: string | VariableRef; end: number } | undefined {
  const close = raw.indexOf('}', start + 2);
  if (close < 0) return undefined;
  const inner = raw.slice(start + 2, close);
  const special = SPECIALS[inner];
  if (special !== undefined) return { value: special, end: close + 1 };
  const comma = inner.indexOf(',');
  if (comma < 0) {
    const key = inner.trim();
    if (!key || /\s/.test(key)) return undefined;
    return { value: { key, keyLower: key.toLowerCase() }, end: close + 1 };
  }
  const key = raw.slice(start + 2, start + 2 + comma).trim();
  if (!key || /\s/.test(key)) return undefined;
  // The default is single-quoted with '' for a quote, and may itself contain `}`.
  let i = start + 2 + comma + 1;
  while (raw[i] === ' ') i++;
  if (raw[i] !== "'") return undefined;
  let fallback = '';
  i++;
  for (;;) {
    if (i >= raw.length) return undefined;
    if (raw[i] === "'") {
      if (raw[i + 1] === "'") {
        fallback += "'";
        i += 2;
        continue;
      }
      i++;
      break;
    }
    fallback += raw[i];
    i++;
  }
  while (raw[i] === ' ') i++;
  if (raw[i] !== '}') return undefined;
  return { value: { key, keyLower: key.toLowerCase(), fallback }, end: i + 1 };
}

/**
 * Parses a policy string into a static (sentinel-encoded) string, or a template when it holds
 * variables. Only 2012-10-17 policies substitute; 2008-10-17 takes `${...}` literally.
 */
export function parseTemplate(raw: string, substitute: boolean): string | Template {
  if (!substitute || !raw.includes('${')) return raw;
  const parts: (string | VariableRef)[] = [];
  const keys: string[] = [];
  let literal = '';
  let i = 0;
  while (i < raw.length) {
    if (raw[i] === '$' && raw[i + 1] === '{') {
      const v = readVariable(raw, i);
      if (v) {
        if (typeof v.value === 'string') literal += v.value;
        else {
          if (literal) parts.push(literal);
          literal = '';
          parts.push(v.value);
          keys.push(v.value.key);
        }
        i = v.end;
        continue;
      }
    }
    literal += raw[i];
    i++;
  }
  if (keys.length === 0) return literal;
  if (literal) parts.push(literal);
  return { parts, keys };
}

/** Where variables are looked up; EvalState implements it. */
export interface VariableSource {
  get(key: string, keyLower: string): ContextValue | undefined;
  noteMissing(key: string): void;
}

/**
 * Substitutes a template. A key that is absent, or multivalued (AWS cannot use a multivalued key
 * as a variable), takes the default if one is given; otherwise the value cannot be resolved and
 * the caller treats it as matching nothing ("Policy variables with no value").
 */
export function resolveTemplate(t: Template, source: VariableSource): string | undefined {
  let out = '';
  for (const p of t.parts) {
    if (typeof p === 'string') {
      out += p;
      continue;
    }
    const v = source.get(p.key, p.keyLower);
    if (typeof v === 'string') out += encodeLiterals(v);
    else if (p.fallback !== undefined) out += encodeLiterals(p.fallback);
    else {
      if (v === undefined) source.noteMissing(p.key);
      return undefined;
    }
  }
  return out;
}
