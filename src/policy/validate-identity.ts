import { parseOperatorName } from './conditions/operator-name.js';
import { MSG } from './messages.js';
import {
  buildStatement,
  conditionBlock,
  isObject,
  STATEMENT_KEYS,
  statementList,
  stringList,
  TOP_LEVEL_KEYS,
  versionOf,
  VERSIONS,
} from './parse-helpers.js';
import type { ConditionBlock, ParseResult, PolicyDocument, PolicyStatement } from './types.js';
import { legacyDateOk, legacyResourceOk, resourceFormatError } from './validate-resource-arn.js';

/** Options for the IAM policy-language validator. */
export interface IdentityValidation {
  /** CreatePolicy-style strictness: a missing or 2008-10-17 Version is refused. */
  requireCurrentVersion: boolean;
}

const fail = (reason: string): ParseResult => ({ ok: false, reason });

/**
 * Every syntax rule, checked before any other: the first failure is "Syntax errors in policy.".
 * Principal/NotPrincipal are refused later whatever their shape, so their shape is not checked.
 */
function syntax(doc: unknown): { policy: PolicyDocument; principal: boolean } | undefined {
  if (!isObject(doc)) return undefined;
  if (Object.keys(doc).some((k) => !TOP_LEVEL_KEYS.has(k))) return undefined;
  if ('Version' in doc && !(typeof doc.Version === 'string' && VERSIONS.has(doc.Version))) return undefined;
  if ('Id' in doc && typeof doc.Id !== 'string') return undefined;
  const raw = statementList(doc.Statement);
  if (!raw || raw.length === 0) return undefined;
  const statements: PolicyStatement[] = [];
  let principal = false;
  for (const s of raw) {
    if (!isObject(s)) return undefined;
    if (Object.keys(s).some((k) => !STATEMENT_KEYS.has(k))) return undefined;
    if (('Action' in s && 'NotAction' in s) || ('Resource' in s && 'NotResource' in s)) return undefined;
    if ('Principal' in s && 'NotPrincipal' in s) return undefined;
    if (typeof s.Effect !== 'string' || !['allow', 'deny'].includes(s.Effect.toLowerCase())) return undefined;
    for (const k of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
      if (k in s && !stringList(s[k])) return undefined;
    }
    if ('Sid' in s && typeof s.Sid !== 'string') return undefined;
    let condition: ConditionBlock | undefined;
    if ('Condition' in s) {
      const c = conditionBlock(s.Condition);
      if (!c.ok) return undefined;
      condition = c.block;
    }
    if ('Principal' in s || 'NotPrincipal' in s) principal = true;
    statements.push(buildStatement(s, condition, undefined));
  }
  const policy: PolicyDocument = { Statement: statements };
  const version = versionOf(doc.Version);
  if (version) policy.Version = version;
  if (typeof doc.Id === 'string') policy.Id = doc.Id;
  return { policy, principal };
}

function legacyConditionsOk(st: PolicyStatement): boolean {
  for (const [operator, keys] of Object.entries(st.Condition ?? {})) {
    if (!parseOperatorName(operator)?.base.startsWith('Date')) continue;
    for (const values of Object.values(keys)) if (!values.every(legacyDateOk)) return false;
  }
  return true;
}

/**
 * Format errors in Resource/NotResource. AWS keeps the last one it meets, reading each
 * statement's entries in reverse sorted order, and stops legacy-parsing resources once one is
 * found; a legacy failure is reported at once as "The policy failed legacy parsing".
 */
function resourceErrors(statements: PolicyStatement[]): { legacy: boolean; error?: string } {
  let error: string | undefined;
  for (const key of ['Resource', 'NotResource'] as const) {
    for (const st of statements) {
      const list = st[key];
      if (!list) continue;
      for (const r of [...list].sort().reverse()) error = resourceFormatError(r) ?? error;
      if (error === undefined && !list.every(legacyResourceOk)) return { legacy: true };
    }
  }
  return error === undefined ? { legacy: false } : { legacy: false, error };
}

/** The message for a malformed action (`vendor:action`), shared by both validators. */
export function actionError(action: string): string | undefined {
  const parts = action.split(':');
  if (parts.length === 1 && action !== '*') return MSG.vendorMissing;
  if (parts.length > 2) return MSG.oneColon;
  const vendor = parts[0]!;
  // AWS takes dots in a vendor (`s3.s:GetObject` is valid); spaces, wildcards and an empty vendor it refuses.
  if (vendor !== '*' && !/^[A-Za-z0-9.-]+$/.test(vendor)) return MSG.vendorInvalid(vendor);
  return undefined;
}

/**
 * The IAM policy-language validator, in the order AWS applies its checks: syntax, version,
 * legacy parsing, principal, SIDs, actions present, resource format, action format, resources
 * present.
 */
export function validateIdentityDocument(doc: unknown, opts: IdentityValidation): ParseResult {
  const parsed = syntax(doc);
  if (!parsed) return fail(MSG.syntax);
  const { policy } = parsed;
  if (opts.requireCurrentVersion && policy.Version !== '2012-10-17') return fail(MSG.versionRequired);
  const statements = policy.Statement;
  if (statements.some((st) => (st.Effect !== 'Allow' && st.Effect !== 'Deny') || !legacyConditionsOk(st))) {
    return fail(MSG.legacy);
  }
  const resources = resourceErrors(statements);
  if (resources.legacy) return fail(MSG.legacy);
  // No policy this validator checks may name a principal: identity, boundary, session, SCP.
  if (parsed.principal) return fail(MSG.noPrincipal);
  const sids = new Set<string>();
  for (const st of statements) {
    if (!st.Sid) continue;
    if (sids.has(st.Sid)) return fail(MSG.duplicateSid);
    sids.add(st.Sid);
  }
  if (statements.some((st) => st.Sid && !/^[0-9A-Za-z]*$/.test(st.Sid))) return fail(MSG.sidFormat);
  if (statements.some((st) => !(st.Action ?? st.NotAction)?.length)) return fail(MSG.needActions);
  if (resources.error) return fail(resources.error);
  for (const key of ['Action', 'NotAction'] as const) {
    for (const st of statements) {
      for (const a of st[key] ?? []) {
        const e = actionError(a);
        if (e) return fail(e);
      }
    }
  }
  if (statements.some((st) => !(st.Resource ?? st.NotResource)?.length)) return fail(MSG.needResources);
  return { ok: true, policy };
}
