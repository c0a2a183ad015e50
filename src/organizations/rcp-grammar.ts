import { RCP_SERVICES } from '../auth/policy-evaluation.js';
import { parsePolicyDocument } from '../policy/index.js';

/** The elements an RCP statement may have ("RCP syntax", Elements summary): no NotAction, no NotPrincipal. */
const ELEMENTS = new Set(['Sid', 'Effect', 'Principal', 'Action', 'Resource', 'NotResource', 'Condition']);

const strings = (v: unknown): string[] | undefined =>
  typeof v === 'string'
    ? [v]
    : Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')
      ? v
      : undefined;

/**
 * Whether a customer RCP keeps AWS's RCP rules ("RCP syntax"): Version 2012-10-17; statements of
 * the elements above only; Effect Deny (Allow is reserved to AWS's RCPFullAWSAccess); Principal
 * exactly "*"; actions named, each of a service RCPs support (so neither "*" nor another
 * service); a Resource or NotResource. What remains is the resource-policy grammar every
 * resource-based policy keeps (condition operators, ARNs, Sids). Organizations answers any
 * failure with its one MalformedPolicyDocumentException text.
 */
export function isValidRcp(content: string): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    return false;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return false;
  const { Version, Statement } = doc as Record<string, unknown>;
  if (Version !== '2012-10-17') return false;
  const statements = Array.isArray(Statement) ? Statement : [Statement];
  if (statements.length === 0) return false;
  for (const st of statements) {
    if (typeof st !== 'object' || st === null || Array.isArray(st)) return false;
    const s = st as Record<string, unknown>;
    if (Object.keys(s).some((k) => !ELEMENTS.has(k))) return false;
    if (s.Effect !== 'Deny' || s.Principal !== '*') return false;
    if (s.Resource === undefined && s.NotResource === undefined) return false;
    const actions = strings(s.Action);
    if (!actions) return false;
    for (const action of actions) {
      const colon = action.indexOf(':');
      if (colon < 0 || !RCP_SERVICES.has(action.slice(0, colon).toLowerCase())) return false;
    }
  }
  return parsePolicyDocument(content, 'resource').ok;
}
