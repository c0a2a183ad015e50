import type { AttachedPolicy, Policy } from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { ActionButton, Csrf } from '../../ui/forms.js';
import { ErrorNotice } from '../../ui/notices.js';
import { back, failure, formOf, groupPath, listAll, userPath } from './common.js';
import { PolicyPicker, allPolicies, policyType } from './policy-picker.js';

/** Users and groups carry policies the same way; only the operation names and the name field differ. */
export type Holder = 'user' | 'group';

const API = {
  user: {
    key: 'UserName',
    listAttached: 'ListAttachedUserPolicies',
    listInline: 'ListUserPolicies',
    getInline: 'GetUserPolicy',
    attach: 'AttachUserPolicy',
    detach: 'DetachUserPolicy',
    deleteInline: 'DeleteUserPolicy',
    page: userPath,
    route: '/users/:name',
  },
  group: {
    key: 'GroupName',
    listAttached: 'ListAttachedGroupPolicies',
    listInline: 'ListGroupPolicies',
    getInline: 'GetGroupPolicy',
    attach: 'AttachGroupPolicy',
    detach: 'DetachGroupPolicy',
    deleteInline: 'DeleteGroupPolicy',
    page: groupPath,
    route: '/groups/:name',
  },
} as const;

export function holderInput(kind: Holder, name: string): Record<string, string> {
  return { [API[kind].key]: name };
}

export function attachedPolicies(c: ConsoleContext, kind: Holder, name: string): Promise<AttachedPolicy[]> {
  return listAll<AttachedPolicy>(c, API[kind].listAttached, holderInput(kind, name), 'AttachedPolicies');
}

export function inlinePolicyNames(c: ConsoleContext, kind: Holder, name: string): Promise<string[]> {
  return listAll<string>(c, API[kind].listInline, holderInput(kind, name), 'PolicyNames');
}

export function detachPolicy(c: ConsoleContext, kind: Holder, name: string, arn: string): Promise<unknown> {
  return c.var.call('iam', API[kind].detach, { ...holderInput(kind, name), PolicyArn: arn });
}

export function deleteInlinePolicy(
  c: ConsoleContext,
  kind: Holder,
  name: string,
  policyName: string,
): Promise<unknown> {
  return c.var.call('iam', API[kind].deleteInline, { ...holderInput(kind, name), PolicyName: policyName });
}

export function attachPolicy(c: ConsoleContext, kind: Holder, name: string, arn: string): Promise<unknown> {
  return c.var.call('iam', API[kind].attach, { ...holderInput(kind, name), PolicyArn: arn });
}

/** Inline documents come back URL-encoded (as on the wire); shown pretty-printed. */
function prettyDocument(encoded: string): string {
  const text = decodeURIComponent(encoded);
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The "Permissions policies" section of a user's or group's page: managed and inline policies, and the attach form. */
export async function PermissionsPanel({ c, kind, name }: { c: ConsoleContext; kind: Holder; name: string }) {
  const api = API[kind];
  const base = api.page(name);
  const csrf = c.var.csrf;
  let attached: AttachedPolicy[] = [];
  let inline: Array<{ name: string; document: string }> = [];
  let choices: Policy[] = [];
  let error: unknown;
  let pickerError: unknown;
  try {
    attached = await attachedPolicies(c, kind, name);
    const names = await inlinePolicyNames(c, kind, name);
    inline = await Promise.all(
      names.map(async (policyName) => {
        const out = await c.var.call<{ PolicyDocument: string }>('iam', api.getInline, {
          ...holderInput(kind, name),
          PolicyName: policyName,
        });
        return { name: policyName, document: prettyDocument(out.PolicyDocument) };
      }),
    );
  } catch (err) {
    error = err;
  }
  try {
    const have = new Set(attached.map((a) => a.PolicyArn));
    choices = (await allPolicies(c)).filter((p) => !have.has(p.Arn));
  } catch (err) {
    pickerError = err;
  }
  return (
    <section aria-labelledby="perm-heading">
      <h2 id="perm-heading">Permissions policies ({attached.length + inline.length})</h2>
      {error ? <ErrorNotice error={error} /> : null}
      <div class="table-wrap">
        <table data-testid="attached-policies">
          <thead>
            <tr>
              <th scope="col">Policy name</th>
              <th scope="col">Type</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {attached.length === 0 && inline.length === 0 ? (
              <tr>
                <td colspan={3}>No policies attached.</td>
              </tr>
            ) : null}
            {attached.map((p) => (
              <tr>
                <td>{p.PolicyName}</td>
                <td>{policyType(p.PolicyArn ?? '')}</td>
                <td>
                  <ActionButton
                    action={`${base}/policies/detach`}
                    csrf={csrf}
                    label={`Remove ${p.PolicyName}`}
                    fields={{ policyArn: p.PolicyArn ?? '' }}
                    confirm={`Remove ${p.PolicyName} from ${name}?`}
                  />
                </td>
              </tr>
            ))}
            {inline.map((p) => (
              <tr>
                <td>
                  <details>
                    <summary>{p.name}</summary>
                    <pre class="mono policy-json">{p.document}</pre>
                  </details>
                </td>
                <td>Customer inline</td>
                <td>
                  <ActionButton
                    action={`${base}/inline/delete`}
                    csrf={csrf}
                    label={`Delete ${p.name}`}
                    danger
                    fields={{ policyName: p.name }}
                    confirm={`Delete the inline policy ${p.name}? This cannot be undone.`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details class="card">
        <summary>Add permissions: attach policies</summary>
        {pickerError ? (
          <ErrorNotice error={pickerError} />
        ) : (
          <form method="post" action={`${base}/policies/attach`}>
            <Csrf token={csrf} />
            <PolicyPicker policies={choices} id="attach-policies" />
            <div class="actions">
              <button type="submit">Attach policies</button>
            </div>
          </form>
        )}
      </details>
    </section>
  );
}

/** The POSTs behind the panel: attach, detach and delete inline, each redirecting back with AWS's message. */
export function registerPermissionActions(app: ConsoleApp, kind: Holder): void {
  const api = API[kind];
  app.post(`${api.route}/policies/attach`, async (c) => {
    const name = c.req.param('name');
    const arns = (await formOf(c)).all('policyArn');
    if (arns.length === 0) return back(c, api.page(name), { error: 'Select at least one policy to attach.' });
    for (const arn of arns) {
      try {
        await attachPolicy(c, kind, name, arn);
      } catch (err) {
        return back(c, api.page(name), { error: failure(err) });
      }
    }
    return back(c, api.page(name), {
      notice: arns.length === 1 ? 'Policy attached.' : `${arns.length} policies attached.`,
    });
  });
  app.post(`${api.route}/policies/detach`, async (c) => {
    const name = c.req.param('name');
    const arn = (await formOf(c)).one('policyArn');
    try {
      await detachPolicy(c, kind, name, arn);
    } catch (err) {
      return back(c, api.page(name), { error: failure(err) });
    }
    return back(c, api.page(name), { notice: `Policy ${arn.split('/').pop()} removed.` });
  });
  app.post(`${api.route}/inline/delete`, async (c) => {
    const name = c.req.param('name');
    const policyName = (await formOf(c)).one('policyName');
    try {
      await deleteInlinePolicy(c, kind, name, policyName);
    } catch (err) {
      return back(c, api.page(name), { error: failure(err) });
    }
    return back(c, api.page(name), { notice: `Inline policy ${policyName} deleted.` });
  });
}
