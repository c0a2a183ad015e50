import { contextKeysOf } from '../../policy/index.js';
import { parseArn } from '../../shared/arn.js';
import type { CallContext } from '../../shared/call-context.js';
import { iamErrors } from '../errors.js';
import { authorizedUser } from '../core/resolve.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import type { IamStore } from '../iam-store.js';
import { contextFromEntries } from './context-entries.js';
import { checkSimulationLimits } from './limits.js';
import { simulationPage } from './page.js';
import { compileAll, prepareSimulation } from './simulate.js';
import { type SimulatedPolicy, type SourcePolicies, groupPolicies, userPolicies } from './sources.js';
import { groupArn, userArn } from '../core/arns.js';

/** The user or group a PolicySourceArn names, with its policies; roles join when they exist. */
async function sourceOf(store: IamStore, ctx: CallContext, arn: string, action: string): Promise<SourcePolicies> {
  const parsed = parseArn(arn);
  const match = parsed && /^(user|group|role)\/(?:.*\/)?([^/]+)$/.exec(parsed.resource);
  if (!parsed || parsed.service !== 'iam' || !match) throw iamErrors.invalidInput(`Invalid ARN: ${arn}`);
  const [, kind, name] = match as unknown as [string, string, string];
  const accountId = ctx.principal.accountId;
  if (parsed.account !== accountId) throw iamErrors.invalidInput(`PolicySourceArn ${arn} is not in your account.`);
  if (kind === 'user') {
    const user = await authorizedUser(store, ctx, name, action);
    const policies = await userPolicies(store, user.userId);
    return {
      ...policies,
      principal: { arn: userArn(user), accountId, userId: user.userId, userName: user.userName, type: 'User' },
    };
  }
  if (kind === 'group') {
    const group = await store.groups.getByName(accountId, name);
    await ctx.authorize(action, group ? groupArn(group) : arn);
    if (!group) throw iamErrors.noSuchGroup(name);
    const identity = await groupPolicies(store, group.groupId, groupArn(group));
    return { identity, tags: [], principal: { arn: groupArn(group), accountId, type: 'Group' } };
  }
  await ctx.authorize(action, arn);
  throw iamErrors.noSuchRole(name);
}

function keysOf(policies: Array<Pick<SimulatedPolicy, 'id' | 'document'>>): string[] {
  return contextKeysOf(compileAll(policies, 'identity'));
}

const inputDocs = (texts: string[] | undefined) =>
  (texts ?? []).map((document, i) => ({ id: `PolicyInputList.${i + 1}`, document }));

export function simulatorHandlers({ store }: IamDeps): IamHandlers {
  return {
    async SimulatePrincipalPolicy(input, ctx) {
      checkSimulationLimits(input);
      const source = await sourceOf(store, ctx, input.PolicySourceArn, 'iam:SimulatePrincipalPolicy');
      if (input.ResourcePolicy !== undefined && input.CallerArn === undefined && source.principal.type === 'Group') {
        throw iamErrors.invalidInput('CallerArn is required when simulating a resource policy for a group.');
      }
      const simulation = prepareSimulation({
        source,
        inputPolicies: input.PolicyInputList ?? [],
        boundaryInputs: input.PermissionsBoundaryPolicyInputList ?? [],
        ...(input.ResourcePolicy !== undefined ? { resourcePolicy: input.ResourcePolicy } : {}),
        ...(input.ResourceOwner !== undefined ? { resourceOwner: input.ResourceOwner } : {}),
        ...(input.CallerArn !== undefined ? { callerArn: input.CallerArn } : {}),
        actions: input.ActionNames,
        resources: input.ResourceArns ?? ['*'],
        context: contextFromEntries(input.ContextEntries),
      });
      return simulationPage(simulation, input);
    },

    async SimulateCustomPolicy(input, ctx) {
      checkSimulationLimits(input);
      await ctx.authorize('iam:SimulateCustomPolicy', '*');
      const accountId = ctx.principal.accountId;
      const callerArn = input.CallerArn ?? ctx.principal.arn;
      const simulation = prepareSimulation({
        // Only the given policies count: the caller's own policies are not part of a custom simulation.
        source: { identity: [], tags: [], principal: { arn: callerArn, accountId, type: 'User' } },
        inputPolicies: input.PolicyInputList,
        boundaryInputs: input.PermissionsBoundaryPolicyInputList ?? [],
        ...(input.ResourcePolicy !== undefined ? { resourcePolicy: input.ResourcePolicy } : {}),
        ...(input.ResourceOwner !== undefined ? { resourceOwner: input.ResourceOwner } : {}),
        callerArn,
        actions: input.ActionNames,
        resources: input.ResourceArns ?? ['*'],
        context: contextFromEntries(input.ContextEntries),
      });
      return simulationPage(simulation, input);
    },

    async GetContextKeysForPrincipalPolicy(input, ctx) {
      const source = await sourceOf(store, ctx, input.PolicySourceArn, 'iam:GetContextKeysForPrincipalPolicy');
      return { ContextKeyNames: keysOf([...source.identity, ...inputDocs(input.PolicyInputList)]) };
    },

    async GetContextKeysForCustomPolicy(input, ctx) {
      await ctx.authorize('iam:GetContextKeysForCustomPolicy', '*');
      return { ContextKeyNames: keysOf(inputDocs(input.PolicyInputList)) };
    },
  };
}
