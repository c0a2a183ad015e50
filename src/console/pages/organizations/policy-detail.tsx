import { withFlash } from '../../ui/form-data.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { AwsError } from '../../../shared/aws-error.js';
import type { Policy, PolicyTargetSummary } from '../../../wire/generated/organizations.js';
import { ActionButton, Csrf, Select } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { actThenRedirect, flatten, formString, listRoots, loadTree } from './org-shared.js';
import { type ScpDraft, ScpEditor, readDraft } from './policy-editor.js';

const HOME = '/console/organizations/policies';
const selfOf = (id: string) => `${HOME}/${encodeURIComponent(id)}`;

/** One SCP: its JSON (editable unless AWS managed), its targets, attach and detach, delete. */
export function registerScpDetail(app: ConsoleApp): void {
  app.get('/organizations/policies/:id', (c) => detailPage(c, c.req.param('id')));

  app.post('/organizations/policies/:id', async (c) => {
    const id = c.req.param('id');
    const draft = await readDraft(c);
    try {
      await c.var.call('organizations', 'UpdatePolicy', { PolicyId: id, ...draft });
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      return detailPage(c, id, { draft, error: err });
    }
    return c.redirect(withFlash(c, selfOf(id), 'notice', `Policy ${draft.Name} saved.`), 302);
  });

  app.post('/organizations/policies/:id/attach', async (c) => {
    const id = c.req.param('id');
    const target = await formString(c, 'TargetId');
    return actThenRedirect(c, selfOf(id), async () => {
      await c.var.call('organizations', 'AttachPolicy', { PolicyId: id, TargetId: target });
      return `The policy was attached to ${target}.`;
    });
  });

  app.post('/organizations/policies/:id/detach', async (c) => {
    const id = c.req.param('id');
    const target = await formString(c, 'TargetId');
    return actThenRedirect(c, selfOf(id), async () => {
      await c.var.call('organizations', 'DetachPolicy', { PolicyId: id, TargetId: target });
      return `The policy was detached from ${target}.`;
    });
  });

  app.post('/organizations/policies/:id/delete', async (c) => {
    const id = c.req.param('id');
    try {
      await c.var.call('organizations', 'DeletePolicy', { PolicyId: id });
    } catch (err) {
      return actThenRedirect(c, selfOf(id), () => Promise.reject(err));
    }
    return c.redirect(withFlash(c, HOME, 'notice', 'The policy was deleted.'), 302);
  });
}

async function detailPage(c: ConsoleContext, id: string, failed?: { draft: ScpDraft; error: unknown }) {
  let policy: Policy | undefined;
  let targets: PolicyTargetSummary[] = [];
  let choices: Array<{ value: string; label: string }> = [];
  let error: unknown;
  try {
    policy = (await c.var.call<{ Policy: Policy }>('organizations', 'DescribePolicy', { PolicyId: id })).Policy;
    targets =
      (await c.var.call<{ Targets?: PolicyTargetSummary[] }>('organizations', 'ListTargetsForPolicy', { PolicyId: id }))
        .Targets ?? [];
    choices = await attachChoices(c, new Set(targets.map((t) => t.TargetId!)));
  } catch (err) {
    error = err;
  }
  const summary = policy?.PolicySummary;
  const draft = failed?.draft ?? {
    Name: summary?.Name ?? '',
    Description: summary?.Description ?? '',
    Content: prettyJson(policy?.Content ?? ''),
  };
  return c.html(
    <Layout title={summary?.Name ?? 'Service control policy'} {...await pageChrome(c, '/console/organizations')}>
      <FlashNotice c={c} />
      {error ? <ErrorNotice error={error} /> : null}
      {summary ? (
        <>
          <dl class="summary card">
            <dt>Policy ID</dt>
            <dd class="mono">{summary.Id}</dd>
            <dt>ARN</dt>
            <dd class="mono">{summary.Arn}</dd>
            <dt>Type</dt>
            <dd>{summary.AwsManaged ? 'AWS managed' : 'Customer managed'}</dd>
          </dl>
          <h2>Targets</h2>
          <div class="table-wrap">
            <table data-testid="scp-targets">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">ID</th>
                  <th scope="col">Type</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {targets.map((t) => (
                  <tr>
                    <td>{t.Name}</td>
                    <td class="mono">{t.TargetId}</td>
                    <td>{t.Type}</td>
                    <td>
                      <ActionButton
                        action={`${selfOf(id)}/detach`}
                        csrf={c.var.csrf}
                        label={`Detach from ${t.Name ?? t.TargetId}`}
                        fields={{ TargetId: t.TargetId! }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {choices.length > 0 ? (
            <form method="post" action={`${selfOf(id)}/attach`} class="card">
              <Csrf token={c.var.csrf} />
              <Select label="Attach to root, organizational unit or account" name="TargetId" options={choices} />
              <button type="submit">Attach policy</button>
            </form>
          ) : null}
          {summary.AwsManaged ? (
            <pre class="mono json">{draft.Content}</pre>
          ) : (
            <>
              <h2>Edit policy</h2>
              <ScpEditor
                action={selfOf(id)}
                csrf={c.var.csrf}
                draft={draft}
                submit="Save changes"
                error={failed?.error}
              />
              <ActionButton
                action={`${selfOf(id)}/delete`}
                csrf={c.var.csrf}
                label="Delete policy"
                danger
                confirm={`Delete ${summary.Name}?`}
              />
            </>
          )}
        </>
      ) : null}
      <p>
        <a href={HOME}>Back to service control policies</a>
      </p>
    </Layout>,
    failed ? 400 : 200,
  );
}

/** The root, every OU and every account the policy is not yet attached to. */
async function attachChoices(
  c: ConsoleContext,
  attached: Set<string>,
): Promise<Array<{ value: string; label: string }>> {
  const root = (await listRoots(c))[0];
  if (!root) return [];
  const nodes = flatten(await loadTree(c, { id: root.Id!, name: root.Name ?? 'Root', kind: 'root' }));
  const choices = nodes.flatMap(({ node, depth }) => [
    { value: node.id, label: `${'— '.repeat(depth)}${node.name} (${node.kind === 'root' ? 'root' : 'OU'} ${node.id})` },
    ...node.accounts.map((a) => ({ value: a.Id!, label: `${'— '.repeat(depth + 1)}${a.Name} (account ${a.Id})` })),
  ]);
  return choices.filter((ch) => !attached.has(ch.value));
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
