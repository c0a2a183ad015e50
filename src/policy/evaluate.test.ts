import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compile.js';
import { evaluate } from './evaluate.js';
import { parsePolicyDocument } from './parse.js';
import type { CompiledPolicy, PolicyKind, PolicySet, RequestContext } from './types.js';
import { ACCT, ALICE, type Doc, type EvalCase } from '../../test/fixtures/policy/cases/case-types.js';
import { layerCases } from '../../test/fixtures/policy/cases/layer.cases.js';
import { matchingCases } from '../../test/fixtures/policy/cases/matching.cases.js';
import { qualifierCases } from '../../test/fixtures/policy/cases/qualifier.cases.js';
import { resourcePolicyCases } from '../../test/fixtures/policy/cases/resource-policy.cases.js';
import { stringConditionCases } from '../../test/fixtures/policy/cases/string-condition.cases.js';
import { typedConditionCases } from '../../test/fixtures/policy/cases/typed-condition.cases.js';
import { variableCases } from '../../test/fixtures/policy/cases/variable.cases.js';

let seq = 0;

/** Every table policy goes through the validator first, so the tables only hold policies AWS accepts. */
function compile(doc: Doc, kind: PolicyKind): CompiledPolicy {
  const full = Array.isArray(doc) ? { Version: '2012-10-17', Statement: doc } : doc;
  const parsed = parsePolicyDocument(JSON.stringify(full), kind);
  if (!parsed.ok) throw new Error(`table policy rejected: ${parsed.reason}: ${JSON.stringify(full)}`);
  return compilePolicy(parsed.policy, { id: `${kind}-${++seq}`, kind });
}

function run(c: EvalCase) {
  const set: PolicySet = {
    identity: (c.identity ?? []).map((d) => compile(d, 'identity')),
    sameAccount: c.sameAccount ?? true,
  };
  if (c.resource) set.resource = compile(c.resource.doc, c.resource.kind ?? 'resource');
  if (c.resource?.required) set.resourceRequired = true;
  if (c.boundary) set.boundary = c.boundary.map((d) => compile(d, 'boundary'));
  if (c.session) set.session = c.session.map((d) => compile(d, 'session'));
  if (c.scps) set.scps = c.scps.map((level) => level.map((d) => compile(d, 'scp')));
  if (c.isRoot) set.isRoot = true;
  const req: RequestContext = {
    action: 'iam:GetUser',
    resource: ALICE,
    principalArn: ALICE,
    principalAccount: ACCT,
    ...c.req,
    context: { ...c.ctx },
  };
  return evaluate(req, set);
}

const tables: Record<string, EvalCase[]> = {
  'string condition operators': stringConditionCases,
  'typed condition operators': typedConditionCases,
  'IfExists, set operators and condition structure': qualifierCases,
  'policy variables': variableCases,
  'Action, NotAction, Resource, NotResource': matchingCases,
  'policy layers': layerCases,
  'resource-based and trust policies': resourcePolicyCases,
};

describe('evaluate (table-driven)', () => {
  for (const [title, cases] of Object.entries(tables)) {
    describe(title, () => {
      it.each(cases.map((c) => [`${c.name} [${c.rule}]`, c] as const))('%s', (_label, c) => {
        const result = run(c);
        expect(result.decision).toBe(c.want);
        if (c.deniedBy) expect(result.deniedBy).toBe(c.deniedBy);
        if (c.want === 'allowed') expect(result.deniedBy).toBeUndefined();
        if (c.matchedSids) expect(result.matched.map((m) => m.sid)).toEqual(c.matchedSids);
        if (c.missing) expect(result.missingContextKeys).toEqual(c.missing);
        if (c.boundaryDecision) expect(result.boundaryDecision).toBe(c.boundaryDecision);
      });
    });
  }
});
