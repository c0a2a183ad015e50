import { type CompiledPolicy, compilePolicy, evaluate, parsePolicyDocument, type PolicyKind } from '../../policy/index.js';
import { parseArn } from '../../shared/arn.js';
import type { EvaluationResult } from '../../wire/generated/iam.js';
import { iamErrors } from '../errors.js';
import type { SimulatedPolicy, SourcePolicies } from './sources.js';
import { statementPositions } from './statement-positions.js';

export interface Simulation {
  source: SourcePolicies;
  /** PolicyInputList: evaluated as further identity policies of the source. */
  inputPolicies: string[];
  /** PermissionsBoundaryPolicyInputList: replaces the source's own boundary. */
  boundaryInputs: string[];
  resourcePolicy?: string;
  resourceOwner?: string;
  callerArn?: string;
  actions: string[];
  resources: string[];
  context: Record<string, string | string[]>;
}

function compileAll(policies: SimulatedPolicy[], kind: PolicyKind): CompiledPolicy[] {
  return policies.map((p) => {
    const parsed = parsePolicyDocument(p.document, kind);
    if (!parsed.ok) throw iamErrors.malformedPolicy(parsed.reason);
    return compilePolicy(parsed.policy, { id: p.id, kind });
  });
}

const inputs = (texts: string[], prefix: string, type: SimulatedPolicy['sourceType']): SimulatedPolicy[] =>
  texts.map((document, i) => ({ id: `${prefix}.${i + 1}`, sourceId: `${prefix}.${i + 1}`, sourceType: type, document }));

/** Evaluates every action on every resource as IAM's policy simulator does: no side effects, real evaluation. */
export function simulate(sim: Simulation): EvaluationResult[] {
  const identity = [...sim.source.identity, ...inputs(sim.inputPolicies, 'PolicyInputList', 'none')];
  const boundary = sim.boundaryInputs.length > 0 ? inputs(sim.boundaryInputs, 'PermissionsBoundaryPolicyInputList', 'none') : sim.source.boundary ? [sim.source.boundary] : [];
  const resourcePolicy = sim.resourcePolicy === undefined ? [] : inputs([sim.resourcePolicy], 'ResourcePolicy', 'resource');
  const byId = new Map([...identity, ...boundary, ...resourcePolicy].map((p) => [p.id, p]));
  const compiledIdentity = compileAll(identity, 'identity');
  const compiledBoundary = compileAll(boundary, 'boundary');
  const compiledResource = compileAll(resourcePolicy, 'resource');

  const p = sim.source.principal;
  const principalArn = sim.callerArn ?? p.arn;
  const principalKeys: Record<string, string> = { 'aws:PrincipalArn': principalArn, 'aws:PrincipalAccount': p.accountId, 'aws:PrincipalType': p.type };
  if (p.userName !== undefined) principalKeys['aws:username'] = p.userName;
  if (p.userId !== undefined) principalKeys['aws:userid'] = p.userId;
  for (const t of sim.source.tags) principalKeys[`aws:PrincipalTag/${t.key}`] = t.value;
  const context = { ...principalKeys, ...sim.context };
  const owner = sim.resourceOwner === undefined ? undefined : (parseArn(sim.resourceOwner)?.account ?? sim.resourceOwner);

  const results: EvaluationResult[] = [];
  for (const action of sim.actions) {
    for (const resource of sim.resources) {
      const resourceAccount = owner ?? (resource === '*' ? p.accountId : parseArn(resource)?.account || p.accountId);
      const evaluation = evaluate(
        { action, resource, principalArn, principalAccount: p.accountId, context },
        {
          identity: compiledIdentity,
          sameAccount: resourceAccount === p.accountId,
          ...(compiledBoundary.length > 0 ? { boundary: compiledBoundary } : {}),
          ...(compiledResource[0] ? { resource: compiledResource[0] } : {}),
        },
      );
      results.push({
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: evaluation.decision,
        MatchedStatements: evaluation.matched.flatMap((m) => {
          const policy = byId.get(m.policyId);
          if (!policy) return [];
          const at = statementPositions(policy.document)[m.index];
          return [{ SourcePolicyId: policy.sourceId, SourcePolicyType: policy.sourceType, ...(at ? { StartPosition: at.start, EndPosition: at.end } : {}) }];
        }),
        MissingContextValues: evaluation.missingContextKeys,
        ...(compiledBoundary.length > 0 ? { PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: evaluation.boundaryDecision === 'allowed' } } : {}),
      });
    }
  }
  return results;
}
