import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, parsePolicyDocument } from '../../policy/index.js';
import { parseArn } from '../../shared/arn.js';
import type { EvaluationResult } from '../../wire/generated/iam.js';
import { simulationPage } from './page.js';
import { prepareSimulation, type Simulation } from './simulate.js';

const ACCOUNT = '123456789012';
const action = fc.constantFrom('s3:GetObject', 's3:PutObject', 'iam:GetUser', 'ec2:RunInstances', 's3:ListBucket');
const resource = fc.constantFrom(
  '*',
  'arn:aws:s3:::b/k',
  'arn:aws:s3:::b/x/y',
  `arn:aws:iam::${ACCOUNT}:user/u`,
  'arn:aws:ec2:r:1:instance/i',
);
const pattern = fc.constantFrom('*', 's3:*', 's3:Get*', 's3:*Object', 's3:?etObject', 'iam:*User', 'ec2:*');
const resourcePattern = fc.constantFrom(
  '*',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::*/k',
  `arn:aws:iam::*:user/?`,
  'arn:aws:*:*:*:instance/*',
  'arn:aws:s3:::b/*/y',
);
const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  Action: fc.array(pattern, { minLength: 1, maxLength: 3 }),
  Resource: fc.array(resourcePattern, { minLength: 1, maxLength: 2 }),
});
const doc = fc
  .array(statement, { minLength: 1, maxLength: 4 })
  .map((Statement) => JSON.stringify({ Version: '2012-10-17', Statement }));

const simulation = (docs: string[], actions: string[], resources: string[]): Simulation => ({
  source: {
    identity: [],
    tags: [],
    principal: { arn: `arn:aws:iam::${ACCOUNT}:user/u`, accountId: ACCOUNT, type: 'User' },
  },
  inputPolicies: docs,
  boundaryInputs: [],
  actions,
  resources,
  context: {},
});

async function allPages(sim: Simulation, maxItems: number): Promise<EvaluationResult[]> {
  const prepared = prepareSimulation(sim);
  const out: EvaluationResult[] = [];
  let marker: string | undefined;
  do {
    const page = await simulationPage(prepared, { MaxItems: maxItems, ...(marker ? { Marker: marker } : {}) });
    expect(page.EvaluationResults.length).toBeLessThanOrEqual(maxItems);
    out.push(...page.EvaluationResults);
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return out;
}

describe('the simulator (fuzz)', () => {
  it('paged results, at any page size, are every action × resource pair in order, each decided as the evaluator decides it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(doc, { minLength: 1, maxLength: 2 }),
        fc.array(action, { minLength: 1, maxLength: 5 }),
        fc.array(resource, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 30 }),
        async (docs, actions, resources, maxItems) => {
          const sim = simulation(docs, actions, resources);
          const paged = await allPages(sim, maxItems);
          const whole = await allPages(sim, 1000);
          expect(paged).toEqual(whole);
          const identity = docs.map((d, i) => {
            const parsed = parsePolicyDocument(d, 'identity');
            if (!parsed.ok) throw new Error(parsed.reason);
            return compilePolicy(parsed.policy, { id: `PolicyInputList.${i + 1}`, kind: 'identity' });
          });
          const expected = actions.flatMap((a) =>
            resources.map((r) => [
              a,
              r,
              evaluate(
                {
                  action: a,
                  resource: r,
                  principalArn: sim.source.principal.arn,
                  principalAccount: ACCOUNT,
                  context: sim.context,
                },
                { identity, sameAccount: (r === '*' ? ACCOUNT : parseArn(r)?.account || ACCOUNT) === ACCOUNT },
              ).decision,
            ]),
          );
          expect(paged.map((p) => [p.EvalActionName, p.EvalResourceName, p.EvalDecision])).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
