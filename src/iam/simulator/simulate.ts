import { compileDocument, evaluatePolicies, principalConditionKeys } from '../../auth/policy-evaluation.js';
import type { CompiledPolicy, PolicyKind } from '../../policy/index.js';
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

/** The simulator's policies through the evaluation service; a document that does not parse is the caller's error. */
export function compileAll(
  policies: ReadonlyArray<Pick<SimulatedPolicy, 'id' | 'document'>>,
  kind: PolicyKind,
): CompiledPolicy[] {
  return policies.map((p) => {
    const compiled = compileDocument(p, kind);
    if (!compiled.ok) throw iamErrors.malformedPolicy(compiled.reason);
    return compiled.policy;
  });
}

const inputs = (texts: string[], prefix: string, type: SimulatedPolicy['sourceType']): SimulatedPolicy[] =>
  texts.map((document, i) => ({
    id: `${prefix}.${i + 1}`,
    sourceId: `${prefix}.${i + 1}`,
    sourceType: type,
    document,
  }));

/** A simulation ready to evaluate: pair `i` is action `i / resources` on resource `i % resources`. */
export interface PreparedSimulation {
  /** How many action × resource pairs there are. */
  total: number;
  resultAt(index: number): EvaluationResult;
}

/**
 * Parses and compiles the policies once, and evaluates a pair only when asked: a page of results
 * then costs its own size, not the size of the whole action × resource product.
 */
export function prepareSimulation(sim: Simulation): PreparedSimulation {
  const identity = [...sim.source.identity, ...inputs(sim.inputPolicies, 'PolicyInputList', 'none')];
  const boundary =
    sim.boundaryInputs.length > 0
      ? inputs(sim.boundaryInputs, 'PermissionsBoundaryPolicyInputList', 'none')
      : sim.source.boundary
        ? [sim.source.boundary]
        : [];
  const resourcePolicy =
    sim.resourcePolicy === undefined ? [] : inputs([sim.resourcePolicy], 'ResourcePolicy', 'resource');
  const byId = new Map([...identity, ...boundary, ...resourcePolicy].map((p) => [p.id, p]));
  const compiledIdentity = compileAll(identity, 'identity');
  const compiledBoundary = compileAll(boundary, 'boundary');
  const compiledResource = compileAll(resourcePolicy, 'resource');
  // Each document is scanned once: scanning a 128 kB policy per matched statement per result would
  // make the cost of a page grow with the policy's size.
  const positions = new Map<string, ReturnType<typeof statementPositions>>();
  const positionsOf = (policy: SimulatedPolicy) => {
    let at = positions.get(policy.id);
    if (!at) positions.set(policy.id, (at = statementPositions(policy.document)));
    return at;
  };

  const p = sim.source.principal;
  const principalArn = sim.callerArn ?? p.arn;
  // The simulated principal's keys, as the evaluation service names a caller's; the rest is what ContextEntries give.
  const principalKeys = principalConditionKeys(
    { arn: principalArn, accountId: p.accountId, type: p.type, userId: p.userId, userName: p.userName },
    sim.source.tags,
  );
  const context = { ...principalKeys, ...sim.context };
  const owner =
    sim.resourceOwner === undefined ? undefined : (parseArn(sim.resourceOwner)?.account ?? sim.resourceOwner);
  const { actions, resources } = sim;

  return {
    total: actions.length * resources.length,
    resultAt(index) {
      const action = actions[Math.floor(index / resources.length)]!;
      const resource = resources[index % resources.length]!;
      // Without ResourceOwner the resource's account is read from its ARN by the service's rules:
      // an AWS managed policy (account `aws`) is the caller's own, as the authorizer has it.
      const evaluation = evaluatePolicies({
        action,
        resource,
        principalArn,
        principalAccount: p.accountId,
        ...(owner !== undefined ? { resourceOwner: owner } : {}),
        context,
        identity: compiledIdentity,
        ...(compiledBoundary.length > 0 ? { boundary: compiledBoundary } : {}),
        ...(compiledResource[0] ? { resourcePolicy: compiledResource[0] } : {}),
      });
      return {
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: evaluation.decision,
        MatchedStatements: evaluation.matched.flatMap((m) => {
          const policy = byId.get(m.policyId);
          if (!policy) return [];
          const at = positionsOf(policy)[m.index];
          return [
            {
              SourcePolicyId: policy.sourceId,
              SourcePolicyType: policy.sourceType,
              ...(at ? { StartPosition: at.start, EndPosition: at.end } : {}),
            },
          ];
        }),
        MissingContextValues: evaluation.missingContextKeys,
        ...(compiledBoundary.length > 0
          ? {
              PermissionsBoundaryDecisionDetail: {
                AllowedByPermissionsBoundary: evaluation.boundaryDecision === 'allowed',
              },
            }
          : {}),
      };
    },
  };
}
