import type { IdentifiedOperation } from '../../wire/routing/types.js';
import { fillArnTemplate, readArn } from './arn-template.js';
import { conditionContext } from './conditions.js';
import { readIdentifier } from './identifiers.js';
import type { OperationMapping, QuestionSpec, ServiceMapping, Source, When } from './mapping-types.js';
import { memberAt, requestTags, scalarText } from './members.js';
import type { SarAction, SarService } from './sar.js';
import type { AuthorizationQuestion, FactRequest, Facts, QuestionsResult, Scope } from './types.js';

/**
 * The engine: an identified operation → the IAM questions AWS asks for it, from the SAR and the
 * service's mapping (services/*.ts). Synchronous: the caller loads the SAR first (index.ts).
 */

const SCOPE_VARIABLES = new Set(['Partition', 'Region', 'Account']);

export interface EngineInput {
  op: IdentifiedOperation;
  scope: Scope;
  facts: Facts;
  prefix: string;
  sar: SarService | undefined;
  mapping: ServiceMapping | undefined;
}

export function computeQuestions(e: EngineInput): QuestionsResult {
  if (!e.mapping || !e.sar) return actionOnly(e);
  const mapping = e.mapping;
  const opMapping: OperationMapping = mapping.operations[e.op.operation] ?? { questions: [{ action: e.op.operation }] };
  const result: QuestionsResult = {
    iamService: mapping.prefix,
    precision: mapping.precision,
    exact: !(opMapping.inexact ?? mapping.inexact?.[e.op.operation]),
    actionKnown: true,
    questions: [],
    missingFacts: [],
    notes: [opMapping.inexact ?? mapping.inexact?.[e.op.operation]].filter((n): n is string => !!n),
  };
  const input = prepareInput(mapping, e.op.input);
  const byOperation = (mapping.bindByOperation ?? [])
    .filter((b) => b.operations.test(e.op.operation))
    .flatMap((b) => b.bind);
  let unresolved: string | undefined;

  for (const spec of opMapping.questions) {
    const action = e.sar.actions.get(spec.action.toLowerCase());
    for (const element of elements(spec, input)) {
      if (spec.when && !holds(spec.when, element)) continue;
      if (!action) {
        result.actionKnown = false;
        result.notes.push(`the Service Authorization Reference has no action ${mapping.prefix}:${spec.action}`);
        result.questions.push({ action: `${mapping.prefix}:${spec.action}`, resource: '*', context: {} });
        continue;
      }
      const asked = ask(
        e,
        mapping,
        spec,
        action,
        element,
        [...(spec.bind ?? []), ...byOperation, ...mapping.bind],
        result,
      );
      if (typeof asked === 'string') unresolved ??= asked;
      else result.questions.push(...asked);
    }
  }
  // A batch with no elements asks nothing; an empty list of questions must never read as "allowed".
  if (!unresolved && result.questions.length === 0)
    unresolved = `${mapping.prefix}:${e.op.operation}: the request names nothing to authorize`;
  if (unresolved) {
    result.unresolved = unresolved;
    result.questions = [];
  } else delete result.notFound;
  result.missingFacts = dedupe(result.missingFacts);
  return result;
}

/** Any service without a mapping: its action, on `*`, with the request's tags. */
function actionOnly(e: EngineInput): QuestionsResult {
  const action = e.sar?.actions.get(e.op.operation.toLowerCase());
  const context: Record<string, string | string[]> = {};
  if (action) {
    const tags = requestTags(e.op.input);
    const lists = (k: string) => action.conditionKeys.some((c) => c.toLowerCase() === k.toLowerCase());
    if (tags.tags && lists('aws:RequestTag/${TagKey}'))
      for (const [k, v] of Object.entries(tags.tags)) context[`aws:RequestTag/${k}`] = v;
    if (tags.keys?.length && lists('aws:TagKeys')) context['aws:TagKeys'] = tags.keys;
  }
  return {
    iamService: e.prefix,
    precision: 'action-only',
    exact: false,
    actionKnown: !!action,
    questions: [{ action: `${e.prefix}:${action?.name ?? e.op.operation}`, resource: '*', context }],
    missingFacts: [],
    notes: [
      action
        ? 'action-only service: resource-scoped statements never match (*), so only Resource "*" grants apply'
        : `the Service Authorization Reference has no action ${e.prefix}:${e.op.operation}`,
    ],
  };
}

/** Members a service derives once per request (S3's x-amz-copy-source, read into its parts). */
function prepareInput(mapping: ServiceMapping, input: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...input };
  if (mapping.prefix === 's3' && typeof input.CopySource === 'string') {
    const [pathPart, query = ''] = input.CopySource.replace(/^\//, '').split('?', 2) as [string, string?];
    const slash = pathPart.indexOf('/');
    if (slash > 0) {
      out.$CopySourceBucket = decodeURIComponent(pathPart.slice(0, slash));
      out.$CopySourceKey = decodeURIComponent(pathPart.slice(slash + 1));
      const version = new URLSearchParams(query).get('versionId');
      if (version) out.$CopySourceVersionId = version;
    }
  }
  return out;
}

function elements(spec: QuestionSpec, input: Record<string, unknown>): Record<string, unknown>[] {
  if (!spec.each) return [input];
  const { path, mapKeyAs, pick } = spec.each;
  const v = memberAt(input, path);
  const out: Record<string, unknown>[] = [];
  const add = (el: unknown, extra: Record<string, unknown>) => {
    let item = el;
    if (pick) item = el && typeof el === 'object' ? (el as Record<string, unknown>)[pick] : undefined;
    if (item === undefined) return;
    const members =
      item && typeof item === 'object' && !Array.isArray(item)
        ? (item as Record<string, unknown>)
        : { $elements: item };
    out.push({ ...input, ...members, ...extra });
  };
  if (Array.isArray(v)) for (const el of v) add(el, {});
  else if (v && typeof v === 'object')
    for (const [k, el] of Object.entries(v)) add(el, mapKeyAs ? { [mapKeyAs]: k } : {});
  return out;
}

function holds(w: When, input: Record<string, unknown>): boolean {
  if ('has' in w) return present(memberAt(input, w.has));
  if ('missing' in w) return !present(memberAt(input, w.missing));
  if ('equals' in w) return scalarText(memberAt(input, w.equals[0])) === w.equals[1];
  if ('all' in w) return w.all.every((x) => holds(x, input));
  return w.any.some((x) => holds(x, input));
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

interface Bindings {
  vars: Record<string, string>;
  extra: Record<string, string>;
  missing: FactRequest[];
  notFound: boolean;
  invalid: string[];
}

function bind(e: EngineInput, sar: SarService, sources: Source[], input: Record<string, unknown>): Bindings {
  const b: Bindings = { vars: {}, extra: {}, missing: [], notFound: false, invalid: [] };
  const setVars = (vars: Record<string, string>) => {
    for (const [k, v] of Object.entries(vars)) if (!(k in b.vars) && v !== '') b.vars[k] = v;
  };
  for (const s of sources) {
    const raw = memberAt(input, s.member);
    const value = scalarText(raw) ?? s.default;
    if (value === undefined || value === '') continue;
    const r = readIdentifier(s.form ?? 'name', value, s.as, { scope: e.scope, facts: e.facts });
    if (r.context) Object.assign(b.extra, r.context);
    if (r.fact) b.missing.push(r.fact);
    if (r.notFound) b.notFound = true;
    if (r.invalid) b.invalid.push(`${s.member}: ${r.invalid}`);
    if (r.vars) setVars(r.vars);
    if (r.arn) {
      const read = bestRead(sar, r.arn);
      if (read) setVars(read);
      else b.invalid.push(`${s.member}: ${r.arn} is no ${sar.prefix} resource ARN`);
    }
  }
  return b;
}

/** The variables of the service template an ARN fits with the most variables. */
function bestRead(sar: SarService, arn: string): Record<string, string> | undefined {
  let best: Record<string, string> | undefined;
  for (const rt of sar.resourceTypes.values()) {
    const read = readArn(rt.arn, arn);
    if (read && (!best || Object.keys(read).length > Object.keys(best).length)) best = read;
  }
  return best;
}

interface Filled {
  type: string;
  arn: string;
  score: number;
}

function fill(
  e: EngineInput,
  mapping: ServiceMapping,
  sar: SarService,
  type: string,
  vars: Record<string, string>,
): Filled | undefined {
  const rt = sar.resourceTypes.get(type);
  if (!rt) return undefined;
  const exclude = mapping.excludeWhen?.[type];
  if (exclude && vars[exclude.variable] === exclude.equals) return undefined;
  const values = { Partition: e.scope.partition, Region: e.scope.region, Account: e.scope.accountId, ...vars };
  let arn = fillArnTemplate(rt.arn, values);
  if (!arn) return undefined;
  const suffix = mapping.arnSuffix?.[type];
  if (suffix && vars[suffix.variable]) arn += suffix.text.replace(`\${${suffix.variable}}`, vars[suffix.variable]!);
  const score = rt.arn.variables.filter((v) => !SCOPE_VARIABLES.has(v)).length;
  return { type, arn, score };
}

function ask(
  e: EngineInput,
  mapping: ServiceMapping,
  spec: QuestionSpec,
  action: SarAction,
  input: Record<string, unknown>,
  sources: Source[],
  result: QuestionsResult,
): AuthorizationQuestion[] | string {
  const sar = e.sar!;
  const b = bind(e, sar, sources, input);
  const prefixed = `${mapping.prefix}:${action.name}`;
  let targets: Filled[] = [];

  if (spec.anyResource || (action.resourceTypes.length === 0 && !spec.resourceTypes && !spec.resourceText)) {
    targets = [{ type: '', arn: '*', score: 0 }];
  } else {
    // A resource named by a fact we do not have yet: ask for it, answer nothing.
    if (b.missing.length) {
      result.missingFacts.push(...b.missing);
      return `${prefixed}: the resource is named indirectly; the backend must answer ${b.missing.map((f) => f.kind).join(', ')}`;
    }
    if (b.notFound) {
      result.notFound = true;
      return `${prefixed}: the backend reports no such resource`;
    }
    if (spec.resourceText) {
      const values: Record<string, string> = {
        Partition: e.scope.partition,
        Region: e.scope.region,
        Account: e.scope.accountId,
        ...b.vars,
      };
      const text = spec.resourceText.replace(/\$\{([A-Za-z0-9_$]+)\}/g, (_m, n: string) => values[n] ?? '\u0000');
      if (text.includes('\u0000')) return `${prefixed}: the request does not name its resource`;
      targets = [{ type: spec.resourceTypes?.[0] ?? '', arn: text, score: 0 }];
    } else {
      const wanted = spec.resourceTypes ?? action.resourceTypes.filter((r) => r.required).map((r) => r.type);
      if (wanted.length) {
        for (const t of wanted) {
          const f = fill(e, mapping, sar, t.toLowerCase(), b.vars);
          if (f) targets.push(f);
          else if (spec.resourceTypes || wanted.length === 1) {
            return `${prefixed}: the request does not name its ${t}${b.invalid.length ? ` (${b.invalid.join('; ')})` : ''}`;
          } else result.notes.push(`${prefixed}: ${t} not named by the request, not asked`);
        }
        if (!targets.length) return `${prefixed}: the request does not name its resource`;
      } else {
        const candidates = action.resourceTypes
          .map((r) => fill(e, mapping, sar, r.type, b.vars))
          .filter((f): f is Filled => !!f);
        candidates.sort((x, y) => y.score - x.score);
        if (!candidates.length && b.invalid.length) return `${prefixed}: ${b.invalid.join('; ')}`;
        targets = [candidates[0] ?? { type: '', arn: '*', score: 0 }];
      }
    }
  }

  return targets.map((t) => ({
    action: prefixed,
    resource: t.arn,
    context: conditionContext({
      mapping,
      action,
      resourceType: t.type ? sar.resourceTypes.get(t.type) : undefined,
      resource: t.arn,
      input,
      extra: b.extra,
      scope: e.scope,
      facts: e.facts,
      missing: result.missingFacts,
    }),
  }));
}

function dedupe(facts: FactRequest[]): FactRequest[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const k = `${f.kind} ${f.key}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
