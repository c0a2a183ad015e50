import type { ListEntitiesForPolicyResponse, ListPolicyVersionsResponse } from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { failureText, formText, withFlash } from '../../ui/form-data.js';
import { policyHref } from './policy-links.js';

/**
 * What AWS's console does before DeletePolicy, which refuses a policy still attached or with
 * other versions: detach it everywhere, then delete its non-default versions.
 */
async function deletePolicyCompletely(c: ConsoleContext, arn: string): Promise<void> {
  let marker: string | undefined;
  do {
    const page = await c.var.call<ListEntitiesForPolicyResponse>('iam', 'ListEntitiesForPolicy', {
      PolicyArn: arn,
      ...(marker ? { Marker: marker } : {}),
    });
    for (const u of page.PolicyUsers ?? [])
      await c.var.call('iam', 'DetachUserPolicy', { UserName: u.UserName, PolicyArn: arn });
    for (const g of page.PolicyGroups ?? [])
      await c.var.call('iam', 'DetachGroupPolicy', { GroupName: g.GroupName, PolicyArn: arn });
    for (const r of page.PolicyRoles ?? [])
      await c.var.call('iam', 'DetachRolePolicy', { RoleName: r.RoleName, PolicyArn: arn });
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  const versions =
    (await c.var.call<ListPolicyVersionsResponse>('iam', 'ListPolicyVersions', { PolicyArn: arn })).Versions ?? [];
  for (const v of versions)
    if (!v.IsDefaultVersion) await c.var.call('iam', 'DeletePolicyVersion', { PolicyArn: arn, VersionId: v.VersionId });
  await c.var.call('iam', 'DeletePolicy', { PolicyArn: arn });
}

export function registerPolicyActions(app: ConsoleApp): void {
  /** The version buttons of the detail page: each one call, then back to the page with its outcome. */
  const versionAction = (path: string, operation: string, done: (v: string) => string) =>
    app.post(path, async (c) => {
      const body = await c.req.parseBody();
      const arn = formText(body, 'arn');
      const versionId = formText(body, 'versionId');
      try {
        await c.var.call('iam', operation, { PolicyArn: arn, VersionId: versionId });
        return c.redirect(withFlash(c, policyHref(arn), 'notice', done(versionId)), 302);
      } catch (err) {
        return c.redirect(withFlash(c, policyHref(arn), 'error', failureText(err)), 302);
      }
    });
  versionAction(
    '/policies/versions/default',
    'SetDefaultPolicyVersion',
    (v) => `Version ${v} is now the default version.`,
  );
  versionAction('/policies/versions/delete', 'DeletePolicyVersion', (v) => `Version ${v} deleted.`);

  app.post('/policies/delete', async (c) => {
    const body = await c.req.parseBody();
    const arn = formText(body, 'arn');
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    if (formText(body, 'confirm') !== name)
      return c.redirect(
        withFlash(c, policyHref(arn), 'error', `Enter the policy name ${name} to confirm deletion.`),
        302,
      );
    try {
      await deletePolicyCompletely(c, arn);
      return c.redirect(withFlash(c, '/console/policies', 'notice', `Policy ${name} deleted.`), 302);
    } catch (err) {
      return c.redirect(withFlash(c, policyHref(arn), 'error', failureText(err)), 302);
    }
  });
}
