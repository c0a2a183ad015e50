import type {
  ListAttachedRolePoliciesResponse,
  ListInstanceProfilesForRoleResponse,
  ListRolePoliciesResponse,
} from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { failureText, formText, withFlash } from '../../ui/form-data.js';
import { roleHref } from './role-links.js';

/** What AWS's console removes before DeleteRole, which refuses a role that still has any of it. */
async function deleteRoleCompletely(c: ConsoleContext, roleName: string): Promise<void> {
  const attached =
    (
      await c.var.call<ListAttachedRolePoliciesResponse>('iam', 'ListAttachedRolePolicies', {
        RoleName: roleName,
        MaxItems: 1000,
      })
    ).AttachedPolicies ?? [];
  for (const p of attached) await c.var.call('iam', 'DetachRolePolicy', { RoleName: roleName, PolicyArn: p.PolicyArn });
  const inline =
    (await c.var.call<ListRolePoliciesResponse>('iam', 'ListRolePolicies', { RoleName: roleName, MaxItems: 1000 }))
      .PolicyNames ?? [];
  for (const name of inline) await c.var.call('iam', 'DeleteRolePolicy', { RoleName: roleName, PolicyName: name });
  const profiles =
    (
      await c.var.call<ListInstanceProfilesForRoleResponse>('iam', 'ListInstanceProfilesForRole', {
        RoleName: roleName,
        MaxItems: 1000,
      })
    ).InstanceProfiles ?? [];
  for (const p of profiles)
    await c.var.call('iam', 'RemoveRoleFromInstanceProfile', {
      RoleName: roleName,
      InstanceProfileName: p.InstanceProfileName,
    });
  await c.var.call('iam', 'DeleteRole', { RoleName: roleName });
}

export function registerRoleActions(app: ConsoleApp): void {
  /** A button on the permissions tab: one call, then back with its outcome. */
  const roleAction = (
    path: string,
    run: (c: ConsoleContext, roleName: string, body: Record<string, unknown>) => Promise<string>,
  ) =>
    app.post(path, async (c) => {
      const roleName = c.req.param('name') ?? '';
      try {
        return c.redirect(
          withFlash(c, roleHref(roleName), 'notice', await run(c, roleName, await c.req.parseBody())),
          302,
        );
      } catch (err) {
        return c.redirect(withFlash(c, roleHref(roleName), 'error', failureText(err)), 302);
      }
    });
  roleAction('/roles/:name/attach', async (c, roleName, body) => {
    await c.var.call('iam', 'AttachRolePolicy', { RoleName: roleName, PolicyArn: formText(body, 'policyArn') });
    return 'Policy attached.';
  });
  roleAction('/roles/:name/detach', async (c, roleName, body) => {
    await c.var.call('iam', 'DetachRolePolicy', { RoleName: roleName, PolicyArn: formText(body, 'policyArn') });
    return 'Policy removed.';
  });
  roleAction('/roles/:name/inline/delete', async (c, roleName, body) => {
    await c.var.call('iam', 'DeleteRolePolicy', { RoleName: roleName, PolicyName: formText(body, 'policyName') });
    return `Inline policy ${formText(body, 'policyName')} deleted.`;
  });

  app.post('/roles/:name/delete', async (c) => {
    const roleName = c.req.param('name');
    const body = await c.req.parseBody();
    if (formText(body, 'confirm') !== roleName)
      return c.redirect(
        withFlash(c, roleHref(roleName), 'error', `Enter the role name ${roleName} to confirm deletion.`),
        302,
      );
    try {
      await deleteRoleCompletely(c, roleName);
      return c.redirect(withFlash(c, '/console/roles', 'notice', `Role ${roleName} deleted.`), 302);
    } catch (err) {
      return c.redirect(withFlash(c, roleHref(roleName), 'error', failureText(err)), 302);
    }
  });
}
