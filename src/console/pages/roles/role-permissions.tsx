import type {
  AttachedPolicy,
  ListAttachedRolePoliciesResponse,
  ListPoliciesResponse,
  ListRolePoliciesResponse,
  Role,
} from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { ConfirmDelete } from '../../ui/confirm-delete.js';
import { ActionButton, Csrf, Select } from '../../ui/forms.js';
import { ErrorNotice } from '../../ui/notices.js';
import { policyHref } from '../policies/policy-links.js';
import { isServiceLinked, roleHref } from './role-links.js';
import { rolePage } from './role-page.js';

async function permissionsTab(c: ConsoleContext, role: Role) {
  const locked = isServiceLinked(role.Path);
  let attached: AttachedPolicy[] = [];
  let inline: string[];
  let attachable: Array<{ value: string; label: string }> = [];
  try {
    attached =
      (
        await c.var.call<ListAttachedRolePoliciesResponse>('iam', 'ListAttachedRolePolicies', {
          RoleName: role.RoleName,
        })
      ).AttachedPolicies ?? [];
    inline =
      (await c.var.call<ListRolePoliciesResponse>('iam', 'ListRolePolicies', { RoleName: role.RoleName }))
        .PolicyNames ?? [];
  } catch (err) {
    return <ErrorNotice error={err} />;
  }
  try {
    const all =
      (await c.var.call<ListPoliciesResponse>('iam', 'ListPolicies', { Scope: 'All', MaxItems: 1000 })).Policies ?? [];
    attachable = all
      .filter((p) => !attached.some((a) => a.PolicyArn === p.Arn))
      .map((p) => ({ value: p.Arn!, label: p.PolicyName! }));
  } catch {
    // Without iam:ListPolicies there is simply nothing to offer.
  }
  const base = roleHref(role.RoleName);
  return (
    <>
      <h2>{`Permissions policies (${attached.length + inline.length})`}</h2>
      <div class="table-wrap">
        <table data-testid="role-policies">
          <thead>
            <tr>
              <th scope="col">Policy name</th>
              <th scope="col">Type</th>
              {locked ? null : <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {attached.map((p) => (
              <tr>
                <td>
                  <a href={policyHref(p.PolicyArn!)}>{p.PolicyName}</a>
                </td>
                <td>{p.PolicyArn!.startsWith('arn:aws:iam::aws:') ? 'AWS managed' : 'Customer managed'}</td>
                {locked ? null : (
                  <td>
                    <ActionButton
                      action={`${base}/detach`}
                      csrf={c.var.csrf}
                      label={`Remove ${p.PolicyName}`}
                      fields={{ policyArn: p.PolicyArn! }}
                    />
                  </td>
                )}
              </tr>
            ))}
            {inline.map((name) => (
              <tr>
                <td>{name}</td>
                <td>Customer inline</td>
                {locked ? null : (
                  <td>
                    <ActionButton
                      action={`${base}/inline/delete`}
                      csrf={c.var.csrf}
                      label={`Remove ${name}`}
                      danger
                      fields={{ policyName: name }}
                      confirm={`Delete inline policy ${name}?`}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {locked || attachable.length === 0 ? null : (
        <form method="post" action={`${base}/attach`} class="card">
          <Csrf token={c.var.csrf} />
          <Select label="Attach policy" name="policyArn" options={attachable} />
          <button type="submit">Add permissions</button>
        </form>
      )}
      {locked ? null : (
        <ConfirmDelete
          action={`${base}/delete`}
          csrf={c.var.csrf}
          name={role.RoleName}
          what="role"
          warning="Deleting the role first detaches its policies, deletes its inline policies and removes it from its instance profiles. This cannot be undone."
        />
      )}
    </>
  );
}

export function registerRolePermissions(app: ConsoleApp): void {
  app.get('/roles/:name', (c) => rolePage(c, 'Permissions', (role) => permissionsTab(c, role)));
}
