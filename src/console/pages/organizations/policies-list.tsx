import { withFlash } from '../../ui/form-data.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { AwsError } from '../../../shared/aws-error.js';
import type { Policy, PolicySummary, Root } from '../../../wire/generated/organizations.js';
import { ActionButton } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice, Notice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { OrgTabs, actThenRedirect, listRoots } from './org-shared.js';
import { NEW_SCP_CONTENT, ScpEditor, readDraft } from './policy-editor.js';

const HOME = '/console/organizations/policies';
export const SCP = 'SERVICE_CONTROL_POLICY';

/** The SCP list, enabling the policy type on the root, and creating an SCP. */
export function registerScpList(app: ConsoleApp): void {
  app.get('/organizations/policies', async (c) => {
    let root: Root | undefined;
    let policies: PolicySummary[] = [];
    let error: unknown;
    try {
      root = (await listRoots(c))[0];
      policies = await listScps(c);
    } catch (err) {
      error = err;
    }
    const enabled = root?.PolicyTypes?.some((t) => t.Type === SCP && t.Status === 'ENABLED') ?? false;
    return c.html(
      <Layout title="Service control policies" {...await pageChrome(c, '/console/organizations')}>
        <OrgTabs active={HOME} />
        <FlashNotice c={c} />
        {error ? <ErrorNotice error={error} /> : null}
        {root ? (
          enabled ? (
            <Notice kind="success">Service control policies are enabled on the root {root.Id}.</Notice>
          ) : (
            <Notice kind="warning" title="Service control policies are disabled">
              <p>Policies of this type have no effect until you enable them on the root.</p>
              <ActionButton
                action={`${HOME}/enable`}
                csrf={c.var.csrf}
                label="Enable service control policies"
                fields={{ RootId: root.Id! }}
              />
            </Notice>
          )
        ) : null}
        <p>
          <a class="button" href={`${HOME}/new`}>
            Create policy
          </a>
        </p>
        <div class="table-wrap">
          <table data-testid="scp-list">
            <thead>
              <tr>
                <th scope="col">Policy name</th>
                <th scope="col">ID</th>
                <th scope="col">Type</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {policies.map((p) => (
                <tr>
                  <td>
                    <a href={`${HOME}/${encodeURIComponent(p.Id!)}`}>{p.Name}</a>
                  </td>
                  <td class="mono">{p.Id}</td>
                  <td>{p.AwsManaged ? 'AWS managed' : 'Customer managed'}</td>
                  <td>{p.Description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Layout>,
    );
  });

  app.post('/organizations/policies/enable', async (c) => {
    const body = await c.req.parseBody();
    return actThenRedirect(c, HOME, async () => {
      await c.var.call('organizations', 'EnablePolicyType', { RootId: String(body.RootId ?? ''), PolicyType: SCP });
      return 'Service control policies are enabled.';
    });
  });

  app.get('/organizations/policies/new', async (c) =>
    newPage(c, { Name: '', Description: '', Content: NEW_SCP_CONTENT }),
  );

  app.post('/organizations/policies/new', async (c) => {
    const draft = await readDraft(c);
    try {
      const out = await c.var.call<{ Policy: Policy }>('organizations', 'CreatePolicy', { ...draft, Type: SCP });
      return c.redirect(
        withFlash(
          c,
          `${HOME}/${encodeURIComponent(out.Policy.PolicySummary!.Id!)}`,
          'notice',
          `Policy ${draft.Name} created.`,
        ),
        302,
      );
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      return newPage(c, draft, err);
    }
  });
}

async function newPage(
  c: ConsoleContext,
  draft: { Name: string; Description: string; Content: string },
  error?: unknown,
) {
  return c.html(
    <Layout title="Create new service control policy" {...await pageChrome(c, '/console/organizations')}>
      <ScpEditor action={`${HOME}/new`} csrf={c.var.csrf} draft={draft} submit="Create policy" error={error} />
    </Layout>,
    error ? 400 : 200,
  );
}

async function listScps(c: ConsoleContext): Promise<PolicySummary[]> {
  const all: PolicySummary[] = [];
  let token: string | undefined;
  do {
    const out = await c.var.call<{ Policies?: PolicySummary[]; NextToken?: string }>('organizations', 'ListPolicies', {
      Filter: SCP,
      ...(token ? { NextToken: token } : {}),
    });
    all.push(...(out.Policies ?? []));
    token = out.NextToken;
  } while (token);
  return all;
}
