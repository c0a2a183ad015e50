import type { IamStore } from '../iam/iam-store.js';
import { isManagementOrIamAdmin, ROOT_SESSIONS } from '../iam/core/org-features.js';
import type { OrganizationsRepo } from '../organizations/store.js';
import { AwsError } from '../shared/aws-error.js';
import type { OperationHandler } from '../shared/call-context.js';
import type { Principal } from '../shared/principal.js';
import type { StsOperations } from '../wire/generated/sts.js';
import type { SessionRepo } from './session-store.js';
import { issueSession } from './sessions.js';

export interface AssumeRootDeps {
  /** AssumeRoot reads only the task policy's default version. */
  store: Pick<IamStore, 'policyVersions'>;
  sessions?: SessionRepo;
  organizations?: OrganizationsRepo;
}

/** The AWS managed policies AssumeRoot accepts as TaskPolicyArn (path /root-task/). */
const TASK_POLICY_PREFIX = 'arn:aws:iam::aws:policy/root-task/';
const TARGET = /^(?:(\d{12})|arn:aws:iam::(\d{12}):root)$/;
const MAX_DURATION = 900;
/** AWS's documented global endpoint; AssumeRoot is served on Regional endpoints only. */
const GLOBAL_ENDPOINT_HOST = 'sts.amazonaws.com';

const validation = (message: string): AwsError => new AwsError('ValidationError', message, 400);

/**
 * sts:AssumeRoot ("centralized root access for member accounts"): an IAM principal of the
 * management account, or of the delegated administrator account for IAM, gets a short session
 * as a member account's root user, scoped by one AWS managed root-task policy.
 *
 * The session is a root principal whose `session.assumedRoot` is set and whose `policies` hold
 * the task policy; PolicyAuthorizer evaluates it as root (implicit allow) with the task policy as
 * identity policy (AWS's task policies are Deny + NotAction, so they confine root to the task),
 * SCPs of the member account still apply, and the request context carries `aws:AssumedRoot`.
 *
 * Region: AWS refuses AssumeRoot on the global endpoint, but a request signed for the global
 * endpoint and one signed for us-east-1 carry the same credential scope region (us-east-1), so
 * the scope cannot tell them apart; only a Host of `sts.amazonaws.com` is refused here.
 */
export function createAssumeRootHandler({ store, sessions, organizations }: AssumeRootDeps): {
  AssumeRoot: OperationHandler<StsOperations['AssumeRoot']['input'], StsOperations['AssumeRoot']['output']>;
} {
  return {
    async AssumeRoot(input, ctx) {
      const p: Principal = ctx.principal;
      const host = ctx.host?.replace(/:\d+$/, '').toLowerCase();
      if (host === GLOBAL_ENDPOINT_HOST) {
        throw new AwsError(
          'InvalidAction',
          'The STS global endpoint is not supported for AssumeRoot. You must send this request to a Regional STS endpoint.',
          400,
        );
      }
      const m = TARGET.exec(input.TargetPrincipal);
      if (!m)
        throw validation(
          `Invalid TargetPrincipal: ${input.TargetPrincipal}. Specify a member account ID or its root user ARN.`,
        );
      const targetAccount = (m[1] ?? m[2])!;
      const targetArn = `arn:aws:iam::${targetAccount}:root`;
      const denied = `User: ${p.arn} is not authorized to perform: sts:AssumeRoot on resource: ${targetArn}`;
      // Root user credentials (including another AssumeRoot session) can never call AssumeRoot.
      if (p.kind === 'root') throw new AwsError('AccessDenied', denied, 403);
      const duration = input.DurationSeconds ?? MAX_DURATION;
      if (duration > MAX_DURATION) {
        throw validation(
          `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to ${MAX_DURATION}`,
        );
      }
      const taskArn = input.TaskPolicyArn.arn;
      const task = taskArn?.startsWith(TASK_POLICY_PREFIX) ? await store.policyVersions.document(taskArn) : undefined;
      if (!taskArn || !task)
        throw validation(`The TaskPolicyArn ${taskArn ?? ''} is not a valid root-task policy ARN.`.replace('  ', ' '));

      // Cross-account to the member: the organization's centralized root access stands in for the
      // resource policy that lets the management (or delegated IAM administrator) account in.
      const trust = {
        id: `${targetArn}#centralized-root-access`,
        document: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${p.accountId}:root` },
              Action: 'sts:AssumeRoot',
              Resource: '*',
            },
          ],
        }),
        kind: 'resource' as const,
      };
      await ctx.authorize(
        'sts:AssumeRoot',
        targetArn,
        { 'sts:TaskPolicyArn': taskArn },
        { resourcePolicy: trust, deniedMessage: denied },
      );

      const org = organizations && (await organizations.orgOfAccount(p.accountId));
      const member = org && (await organizations.getAccount(targetAccount));
      const allowed =
        org !== undefined &&
        member !== undefined &&
        member.orgId === org.orgId &&
        // A suspended (closed) member's root has no session to give.
        member.status === 'ACTIVE' &&
        targetAccount !== org.managementAccountId &&
        (await isManagementOrIamAdmin(organizations!, org, p.accountId)) &&
        (await organizations!.iamFeatures(org.orgId)).includes(ROOT_SESSIONS);
      if (!allowed) throw new AwsError('AccessDenied', denied, 403);

      if (!sessions) throw new AwsError('InvalidAction', 'Ward serves no temporary credentials here.', 400);
      const sourceIdentity = p.session?.sourceIdentity;
      const principal: Principal = { kind: 'root', accountId: targetAccount, arn: targetArn, userId: targetAccount };
      const credentials = await issueSession(
        sessions,
        principal,
        {
          mfaPresent: false,
          policies: [{ id: taskArn, document: task.document }],
          tags: [],
          transitiveTagKeys: [],
          assumedRoot: { taskPolicyArn: taskArn },
          ...(sourceIdentity !== undefined ? { sourceIdentity } : {}),
        },
        ctx.now,
        duration,
      );
      return { Credentials: credentials, ...(sourceIdentity !== undefined ? { SourceIdentity: sourceIdentity } : {}) };
    },
  };
}
