import { describe, expect, it } from 'vitest';
import { prepareSimulation } from './simulate.js';
import type { SourcePolicies } from './sources.js';

const ACCOUNT = '123456789012';
const readManaged = {
  id: `arn:aws:iam::${ACCOUNT}:user/sim#inline/ReadManaged`,
  sourceId: 'ReadManaged',
  sourceType: 'user' as const,
  document: JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'iam:GetPolicy', Resource: 'arn:aws:iam::aws:policy/*' }],
  }),
};
const source: SourcePolicies = {
  identity: [readManaged],
  tags: [],
  principal: {
    arn: `arn:aws:iam::${ACCOUNT}:user/sim`,
    accountId: ACCOUNT,
    userId: 'AIDAEXAMPLE',
    userName: 'sim',
    type: 'User',
  },
};

describe('the simulator decides by the evaluation service’s rules', () => {
  it('treats an AWS managed policy (account `aws`) as the caller’s own resource, as the authorizer does', () => {
    const simulation = prepareSimulation({
      source,
      inputPolicies: [],
      boundaryInputs: [],
      actions: ['iam:GetPolicy'],
      resources: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      context: {},
    });
    // Before the shared rule the simulator read `aws` as another account and wanted a resource policy: implicitDeny.
    expect(simulation.resultAt(0)).toMatchObject({
      EvalDecision: 'allowed',
      MatchedStatements: [{ SourcePolicyId: 'ReadManaged', SourcePolicyType: 'user' }],
    });
  });

  it('still treats another account’s resource as cross-account', () => {
    const simulation = prepareSimulation({
      source,
      inputPolicies: [],
      boundaryInputs: [],
      actions: ['iam:GetPolicy'],
      resources: ['arn:aws:iam::210987654321:policy/Theirs'],
      context: {},
    });
    expect(simulation.resultAt(0).EvalDecision).toBe('implicitDeny');
  });
});
