import type { IamStore } from '../iam-store.js';
import type { LabelledPolicyDocument, Tag } from '../records.js';

/** A policy as the simulator evaluates and reports it. */
export interface SimulatedPolicy extends LabelledPolicyDocument {
  /** SourcePolicyId in MatchedStatements: the inline policy's name, the managed policy's name, or `PolicyInputList.N`. */
  sourceId: string;
  sourceType: 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed' | 'resource' | 'none';
}

/** Maps the authorizer's labels (`<entity ARN>#inline/<name>`, or a policy ARN) to the simulator's names. */
export function describeLabel(doc: LabelledPolicyDocument): SimulatedPolicy {
  const inline = /:(user|group|role)\/.*#inline\/(.+)$/.exec(doc.id);
  if (inline) return { ...doc, sourceId: inline[2]!, sourceType: inline[1] as 'user' | 'group' | 'role' };
  const name = doc.id.slice(doc.id.lastIndexOf('/') + 1);
  return {
    ...doc,
    sourceId: name,
    sourceType: doc.id.startsWith('arn:aws:iam::aws:') ? 'aws-managed' : 'user-managed',
  };
}

/** The identity policies, boundary and tags of the simulated user or group. */
export interface SourcePolicies {
  identity: SimulatedPolicy[];
  boundary?: SimulatedPolicy;
  tags: Tag[];
  /** For policy variables and Principal matching. */
  principal: { arn: string; accountId: string; userId?: string; userName?: string; type: 'User' | 'Group' };
}

export async function userPolicies(
  store: Pick<IamStore, 'effectivePolicies' | 'users'>,
  userId: string,
): Promise<Omit<SourcePolicies, 'principal'>> {
  const [effective, tags] = await Promise.all([store.effectivePolicies.forUser(userId), store.users.tags(userId)]);
  return {
    identity: effective.identity.map(describeLabel),
    tags,
    ...(effective.boundary ? { boundary: describeLabel(effective.boundary) } : {}),
  };
}

export async function groupPolicies(
  store: Pick<IamStore, 'inlinePolicies' | 'policyAttachments' | 'policyVersions'>,
  groupId: string,
  groupArn: string,
): Promise<SimulatedPolicy[]> {
  const entity = { kind: 'group' as const, id: groupId };
  const inline = await store.inlinePolicies.documents(entity);
  const attached = await store.policyAttachments.attachedTo(entity, '/', { maxItems: 1000 });
  const managed = await Promise.all(attached.items.map((a) => store.policyVersions.document(a.policyArn)));
  return [
    ...inline.map((p) => describeLabel({ id: `${groupArn}#inline/${p.policyName}`, document: p.document })),
    ...managed.flatMap((m) => (m ? [describeLabel({ id: m.policyArn, document: m.document })] : [])),
  ];
}
