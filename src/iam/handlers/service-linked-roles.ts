import { randomUUID } from 'node:crypto';
import { iamArn } from '../../shared/arn.js';
import { AwsError } from '../../shared/aws-error.js';
import { newUniqueId } from '../../shared/ids.js';
import { iamErrors } from '../errors.js';
import { serviceLinkedRoleSpec } from '../service-linked-roles/table.js';
import type { RoleRecord } from '../records.js';
import { DEFAULT_MAX_SESSION_DURATION, SERVICE_ROLE_PATH, insertRole, isServiceLinked } from './roles.js';
import { authorizedRole } from '../core/resolve.js';
import { wireRole } from '../core/shapes.js';
import type { IamDeps, IamHandlers } from '../core/types.js';

const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com$/;

/** A trust policy letting the service assume the role, in the layout AWS gives it. */
function serviceTrustPolicy(service: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: [service] }, Action: ['sts:AssumeRole'] }],
  });
}

/** task/aws-service-role/<service>/<role>/<uuid> */
const TASK_ID = /^task\/aws-service-role\/([^/]+)\/([^/]+)\/[0-9a-f-]{36}$/;

/** CreateServiceLinkedRole, DeleteServiceLinkedRole, GetServiceLinkedRoleDeletionStatus. */
export function serviceLinkedRoleHandlers(deps: IamDeps): IamHandlers {
  const { store, bus } = deps;
  return {
    async CreateServiceLinkedRole(input, ctx) {
      const accountId = ctx.principal.accountId;
      const service = input.AWSServiceName;
      if (!SERVICE_PRINCIPAL.test(service)) throw iamErrors.invalidInput(`Invalid service name: ${service}`);
      const spec = serviceLinkedRoleSpec(service);
      if (input.CustomSuffix !== undefined && !spec.customSuffix)
        throw iamErrors.invalidInput(`Custom suffix is not allowed for ${service}`);
      const roleName = `${spec.roleName}${input.CustomSuffix !== undefined ? `_${input.CustomSuffix}` : ''}`;
      const path = `${SERVICE_ROLE_PATH}${service}/`;
      await ctx.authorize('iam:CreateServiceLinkedRole', iamArn(accountId, 'role', path, roleName), {
        'iam:AWSServiceName': service,
      });
      const role: RoleRecord = {
        roleId: newUniqueId('AROA'),
        accountId,
        roleName,
        path,
        assumeRolePolicyDocument: serviceTrustPolicy(service),
        ...(input.Description !== undefined ? { description: input.Description } : {}),
        maxSessionDuration: DEFAULT_MAX_SESSION_DURATION,
        createdAt: ctx.now,
      };
      const taken = () =>
        iamErrors.invalidInput(
          `Service role name ${roleName} has been taken in this account, please try a different suffix.`,
        );
      await insertRole(deps, role, [], taken);
      return { Role: wireRole(role, 'create') };
    },

    async DeleteServiceLinkedRole(input, ctx) {
      const role = await authorizedRole(store, ctx, input.RoleName, 'iam:DeleteServiceLinkedRole');
      if (!isServiceLinked(role)) throw iamErrors.invalidInput(`Role ${role.roleName} is not a service-linked role.`);
      const service = role.path.slice(SERVICE_ROLE_PATH.length, -1);
      const taskId = `task/aws-service-role/${service}/${role.roleName}/${randomUUID()}`;
      // AWS deletes the role asynchronously once the service no longer uses it; Ward has no
      // resources that use it, so the task has succeeded by the time anyone asks.
      await store.transaction(async (tx) => {
        const entity = { kind: 'role' as const, id: role.roleId };
        for (const p of await tx.inlinePolicies.documents(entity)) await tx.inlinePolicies.delete(entity, p.policyName);
        for (const p of (await tx.instanceProfiles.forRole(role.roleId, { maxItems: 1000 })).items) {
          await tx.instanceProfiles.removeRole(p.instanceProfileId, role.roleId);
        }
        await tx.roles.delete(role.roleId);
        await tx.roles.createDeletionTask({
          taskId,
          accountId: role.accountId,
          status: 'SUCCEEDED',
          createdAt: ctx.now,
        });
      });
      bus.publish('policies', '*');
      return { DeletionTaskId: taskId };
    },

    async GetServiceLinkedRoleDeletionStatus(input, ctx) {
      const accountId = ctx.principal.accountId;
      const m = TASK_ID.exec(input.DeletionTaskId);
      const invalid = new AwsError('InvalidInput', `Invalid deletion task id: ${input.DeletionTaskId}`, 400);
      if (!m) throw invalid;
      await ctx.authorize(
        'iam:GetServiceLinkedRoleDeletionStatus',
        iamArn(accountId, 'role', `${SERVICE_ROLE_PATH}${m[1]!}/`, m[2]!),
      );
      const task = await store.roles.deletionTask(input.DeletionTaskId);
      if (!task || task.accountId !== accountId) throw iamErrors.noSuchDeletionTask(input.DeletionTaskId);
      return { Status: task.status };
    },
  };
}
