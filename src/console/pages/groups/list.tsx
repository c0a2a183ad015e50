import type { Group, Policy } from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { Csrf, Field } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice, Notice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { StepReport, back, formOf, groupPath, listAll, runSteps, when } from '../users/common.js';
import { PolicyPicker, allPolicies } from '../users/policy-picker.js';

/** Member counts per group; a group the caller may not read shows a dash. */
async function memberCounts(c: ConsoleContext, groups: Group[]): Promise<Map<string, number | undefined>> {
  const counts = new Map<string, number | undefined>();
  await Promise.all(
    groups.map(async (g) => {
      try {
        counts.set(g.GroupName, (await listAll(c, 'GetGroup', { GroupName: g.GroupName }, 'Users')).length);
      } catch {
        counts.set(g.GroupName, undefined);
      }
    }),
  );
  return counts;
}

async function createPage(
  c: ConsoleContext,
  input: { name: string; path: string; policies: string[] },
  error?: unknown,
) {
  let policies: Policy[] = [];
  let listError: unknown;
  try {
    policies = await allPolicies(c);
  } catch (err) {
    listError = err;
  }
  return c.html(
    <Layout title="Create user group" {...await pageChrome(c, '/console/groups')}>
      {error ? <ErrorNotice error={error} /> : null}
      {listError ? <ErrorNotice error={listError} /> : null}
      <form method="post" action="/console/groups/create">
        <Csrf token={c.var.csrf} />
        <section class="card" aria-labelledby="group-name-heading">
          <h2 id="group-name-heading">Name the group</h2>
          <Field
            label="User group name"
            name="groupName"
            value={input.name}
            required
            maxlength={128}
            autofocus
            hint="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
          />
          <Field label="Path - optional" name="path" value={input.path} placeholder="/" />
        </section>
        <section class="card" aria-labelledby="group-policies-heading">
          <h2 id="group-policies-heading">Attach permissions policies - optional</h2>
          <PolicyPicker policies={policies} selected={input.policies} id="create-group-policies" />
        </section>
        <div class="actions">
          <button type="submit">Create user group</button>
          <a class="button secondary" href="/console/groups">
            Cancel
          </a>
        </div>
      </form>
    </Layout>,
    error ? 400 : 200,
  );
}

/** User groups: the list (all groups; accounts hold few) and the create page. */
export function registerGroupList(app: ConsoleApp): void {
  app.get('/groups', async (c) => {
    let groups: Group[] = [];
    let error: unknown;
    try {
      groups = await listAll<Group>(c, 'ListGroups', {}, 'Groups');
    } catch (err) {
      error = err;
    }
    const counts = await memberCounts(c, groups);
    return c.html(
      <Layout title={`User groups (${groups.length})`} {...await pageChrome(c, '/console/groups')}>
        <FlashNotice c={c} />
        <p class="hint">
          A user group is a collection of IAM users. Use groups to specify permissions for a collection of users.
        </p>
        <div class="actions">
          <a class="button" href="/console/groups/create">
            Create group
          </a>
        </div>
        {error ? <ErrorNotice error={error} /> : null}
        <div class="table-wrap">
          <table data-testid="groups-table">
            <thead>
              <tr>
                <th scope="col">Group name</th>
                <th scope="col">Path</th>
                <th scope="col">Users</th>
                <th scope="col">Creation time</th>
              </tr>
            </thead>
            <tbody>
              {groups.length === 0 ? (
                <tr>
                  <td colspan={4}>No groups to display.</td>
                </tr>
              ) : null}
              {groups.map((g) => (
                <tr>
                  <td>
                    <a href={groupPath(g.GroupName)}>{g.GroupName}</a>
                  </td>
                  <td>{g.Path}</td>
                  <td>{counts.get(g.GroupName)?.toString() ?? '—'}</td>
                  <td>{when(g.CreateDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Layout>,
    );
  });

  app.get('/groups/create', (c) => createPage(c, { name: '', path: '', policies: [] }));

  app.post('/groups/create', async (c) => {
    const form = await formOf(c);
    const input = { name: form.one('groupName'), path: form.one('path'), policies: form.all('policyArn') };
    try {
      await c.var.call('iam', 'CreateGroup', { GroupName: input.name, ...(input.path ? { Path: input.path } : {}) });
    } catch (err) {
      return createPage(c, input, err);
    }
    const outcome = await runSteps(
      input.policies.map((arn) => ({
        label: `Attach policy ${arn.split('/').pop()}`,
        run: () => c.var.call('iam', 'AttachGroupPolicy', { GroupName: input.name, PolicyArn: arn }),
      })),
    );
    if (!outcome.failed) return back(c, groupPath(input.name), { notice: `${input.name} user group created.` });
    return c.html(
      <Layout title="Create user group" {...await pageChrome(c, '/console/groups')}>
        <Notice kind="success">{`${input.name} user group created.`}</Notice>
        <StepReport outcome={outcome} title="Not every policy was attached" />
        <a href={groupPath(input.name)}>View group</a>
      </Layout>,
    );
  });
}
