import { MSG } from './messages.js';
import {
  buildStatement,
  conditionBlock,
  isObject,
  principalBlock,
  STATEMENT_KEYS,
  statementList,
  stringList,
  TOP_LEVEL_KEYS,
  versionOf,
  VERSIONS,
  type Json,
} from './parse-helpers.js';
import type { ConditionBlock, ParseResult, PolicyDocument, PolicyStatement, PrincipalBlock } from './types.js';
import { actionError } from './validate-identity.js';
import { resourceFormatError } from './validate-resource-arn.js';

type Failure = { ok: false; reason: string };
const fail = (reason: string): Failure => ({ ok: false, reason });
const failed = (x: unknown): x is Failure => typeof x === 'object' && x !== null && (x as Failure).ok === false;

const AWS_PRINCIPAL =
  /^(\d{12}|arn:[a-z-]+:iam::\d{12}:(root|user\/[^*?]+|role\/[^*?]+|federated-user\/[^*?]+)|arn:[a-z-]+:sts::\d{12}:(assumed-role|federated-user)\/[^*?]+)$/;
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.(amazonaws\.com|amazonaws\.com\.cn|amazon\.com)$/;

/**
 * The identifiers AWS accepts: `*`, an account ID or IAM/STS principal ARN without wildcards,
 * and service principal names ("AWS JSON policy elements: Principal").
 */
function principalValuesError(block: PrincipalBlock): string | undefined {
  if (block === '*') return undefined;
  for (const v of block.AWS ?? []) if (v !== '*' && !AWS_PRINCIPAL.test(v)) return MSG.invalidPrincipal('AWS', v);
  for (const v of block.Service ?? []) if (!SERVICE_PRINCIPAL.test(v)) return MSG.invalidPrincipal('SERVICE', v);
  for (const v of block.Federated ?? []) if (v === '') return MSG.invalidPrincipal('FEDERATED', v);
  return undefined;
}

function principalOf(s: Json, trust: boolean): PrincipalBlock | Failure {
  if (trust && 'NotPrincipal' in s)
    return fail(s.Effect === 'Allow' ? MSG.trustAllowNotPrincipal : MSG.trustNotPrincipal);
  const raw = 'Principal' in s ? s.Principal : s.NotPrincipal;
  if (raw === undefined) return fail(MSG.missingPrincipal);
  const p = principalBlock(raw);
  if (!p.ok) {
    if (p.why === 'type') return fail(MSG.invalidPrincipalType(p.type));
    if (p.why === 'empty') return fail(MSG.emptyPrincipal);
    if (p.why === 'string') return fail(MSG.principalNotObject);
    return fail(MSG.syntax);
  }
  // A role trust policy names its principals in a map; IAM refuses the bare "*".
  if (trust && p.block === '*') return fail(MSG.principalNotObject);
  if (trust && p.block !== '*' && p.block.CanonicalUser) return fail(MSG.invalidPrincipalType('CanonicalUser'));
  const e = principalValuesError(p.block);
  return e ? fail(e) : p.block;
}

/**
 * What a trust policy may name: the AssumeRole actions and the session actions that go with them
 * (tags, source identity, context), or an sts: pattern that matches an AssumeRole action
 * (`sts:AssumeRole*`, `sts:*`). AWS refuses any other action, sts:GetCallerIdentity included.
 */
const TRUST_ACTIONS = [
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
  'sts:setcontext',
];
const ASSUME_ROLE_ACTIONS = TRUST_ACTIONS.slice(0, 3);

function isTrustAction(action: string): boolean {
  const a = action.toLowerCase();
  if (!a.startsWith('sts:')) return false;
  if (!/[*?]/.test(a)) return TRUST_ACTIONS.includes(a);
  const pattern = new RegExp(
    `^${a
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return ASSUME_ROLE_ACTIONS.some((known) => pattern.test(known));
}

function actionsOf(s: Json, trust: boolean): Failure | undefined {
  if (!('Action' in s) && !('NotAction' in s)) return fail(MSG.missingAction);
  const list = stringList(s.Action ?? s.NotAction);
  if (!list) return fail(MSG.syntax);
  if (list.length === 0) return fail(MSG.missingAction);
  for (const a of list) {
    if (trust && !isTrustAction(a)) return fail(MSG.trustActions);
    const e = actionError(a);
    if (e) return fail(e);
  }
  return undefined;
}

function resourcesOf(s: Json, trust: boolean): Failure | undefined {
  if (trust) {
    if ('Resource' in s) return fail(MSG.trustResource);
    if ('NotResource' in s) return fail(MSG.trustNotResource);
    return undefined;
  }
  if (!('Resource' in s) && !('NotResource' in s)) return fail(MSG.missingResource);
  const list = stringList(s.Resource ?? s.NotResource);
  if (!list) return fail(MSG.syntax);
  if (list.length === 0) return fail(MSG.missingResource);
  for (const r of list) {
    const e = resourceFormatError(r);
    if (e) return fail(e);
  }
  return undefined;
}

function statementOf(s: unknown, trust: boolean): PolicyStatement | Failure {
  if (!isObject(s)) return fail(MSG.syntax);
  if (Object.keys(s).some((k) => !STATEMENT_KEYS.has(k))) return fail(MSG.syntax);
  if (('Action' in s && 'NotAction' in s) || ('Resource' in s && 'NotResource' in s)) return fail(MSG.syntax);
  if ('Principal' in s && 'NotPrincipal' in s) return fail(MSG.syntax);
  if ('Sid' in s && typeof s.Sid !== 'string') return fail(MSG.syntax);
  if (!('Effect' in s)) return fail(MSG.missingEffect);
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') {
    return fail(MSG.invalidEffect(typeof s.Effect === 'string' ? s.Effect : JSON.stringify(s.Effect)));
  }
  const principal = principalOf(s, trust);
  if (failed(principal)) return principal;
  const failure = actionsOf(s, trust) ?? resourcesOf(s, trust);
  if (failure) return failure;
  let condition: ConditionBlock | undefined;
  if ('Condition' in s) {
    const c = conditionBlock(s.Condition);
    if (!c.ok) return fail(c.unknownOperator ? MSG.conditionType(c.unknownOperator) : MSG.syntax);
    condition = c.block;
  }
  return buildStatement(s, condition, principal);
}

/**
 * The resource-policy validator AWS applies to role trust policies (and, with Resource required
 * instead of prohibited, to resource-based policies): statements are checked one at a time and
 * the first problem is reported in this validator's own words.
 */
export function validateResourceDocument(doc: unknown, trust: boolean): ParseResult {
  if (!isObject(doc)) return fail(MSG.invalidJson);
  if (Object.keys(doc).some((k) => !TOP_LEVEL_KEYS.has(k))) return fail(MSG.syntax);
  if ('Version' in doc && !(typeof doc.Version === 'string' && VERSIONS.has(doc.Version))) return fail(MSG.badVersion);
  if ('Id' in doc && typeof doc.Id !== 'string') return fail(MSG.syntax);
  if (!('Statement' in doc)) return fail(MSG.emptyStatement);
  const raw = statementList(doc.Statement);
  if (!raw) return fail(MSG.syntax);
  if (raw.length === 0) return fail(MSG.emptyStatement);
  const statements: PolicyStatement[] = [];
  const sids = new Set<string>();
  for (const s of raw) {
    const st = statementOf(s, trust);
    if (failed(st)) return st;
    if (st.Sid) {
      if (sids.has(st.Sid)) return fail(trust ? MSG.trustDuplicateSid : MSG.duplicateSid);
      sids.add(st.Sid);
    }
    statements.push(st);
  }
  const policy: PolicyDocument = { Statement: statements };
  const version = versionOf(doc.Version);
  if (version) policy.Version = version;
  if (typeof doc.Id === 'string') policy.Id = doc.Id;
  return { ok: true, policy };
}
