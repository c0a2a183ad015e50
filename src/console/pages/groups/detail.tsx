import type { Group, User } from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { ActionButton, Checkbox, Csrf } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { back, failure, formOf, groupPath, listAll, userPath, when } from '../users/common.js';
import { PermissionsPanel, registerPermissionActions } from '../users/permissions.js';

/** GetGroup gives the group and its members, page by page. */
async function loadGroup(c: ConsoleContext, name: string): Promise<{ group: Group; users: User[] }> {
  let group: Group | undefined;
  const users: User[] = [];
  let marker: string | undefined;
  do {
    const page = await c.var.call<{ Group: Group; Users: User[]; IsTruncated?: boolean; Marker?: string }>(
      'iam',
      'GetGroup',
      { GroupName: name, ...(marker ? { Marker: marker } : {}) },
    );
    group = page.Group;
    users.push(...page.Users);
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return { group, users };
}

async function Members({ c, name, users }: { c: ConsoleContext; name: string; users: User[] }) {
  const base = groupPath(name);
  let others: User[] = [];
  let error: unknown;
  try {
    const members = new Set(users.map((u) => u.UserName));
    others = (await listAll<User>(c, 'ListUsers', {}, 'Users')).filter((u) => !members.has(u.UserName));
  } catch (err) {
    error = err;
  }
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Users in this group ({users.length})</h2>
      <div class="table-wrap">
        <table data-testid="group-members">
          <thead>
            <tr>
              <th scope="col">User name</th>
              <th scope="col">Console last sign-in</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.length === 0 ? (
              <tr>
                <td colspan={3}>No users in this group.</td>
              </tr>
            ) : null}
            {users.map((u) => (
              <tr>
                <td>
                  <a href={userPath(u.UserName)}>{u.UserName}</a>
                </td>
                <td>{when(u.PasswordLastUsed, 'Never')}</td>
                <td>
                  <ActionButton
                    action={`${base}/members/remove`}
                    csrf={c.var.csrf}
                    label={`Remove ${u.UserName}`}
                    fields={{ user: u.UserName }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details class="card">
        <summary>Add users</summary>
        {error ? <ErrorNotice error={error} /> : null}
        {!error && others.length === 0 ? <p class="hint">Every user is already in this group.</p> : null}
        {others.length > 0 ? (
          <form method="post" action={`${base}/members/add`}>
            <Csrf token={c.var.csrf} />
            <fieldset>
              <legend>Users</legend>
              {others.map((u) => (
                <Checkbox label={u.UserName} name="user" value={u.UserName} />
              ))}
            </fieldset>
            <button type="submit">Add users</button>
          </form>
        ) : null}
      </details>
    </section>
  );
}

/** A group's page: summary, members (add/remove) and permissions. */
export function registerGroupDetail(app: ConsoleApp): void {
  app.get('/groups/:name', async (c) => {
    const name = c.req.param('name');
    let loaded: { group: Group; users: User[] } | undefined;
    let error: unknown;
    try {
      loaded = await loadGroup(c, name);
    } catch (err) {
      error = err;
    }
    return c.html(
      <Layout title={name} {...await pageChrome(c, '/console/groups')}>
        <p class="crumbs">
          <a href="/console/groups">User groups</a> › {name}
        </p>
        <FlashNotice c={c} />
        {loaded ? (
          <>
            <div class="card">
              <h2>Summary</h2>
              <dl class="summary">
                <dt>User group name</dt>
                <dd>{loaded.group.GroupName}</dd>
                <dt>ARN</dt>
                <dd class="mono">{loaded.group.Arn}</dd>
                <dt>Creation time</dt>
                <dd>{when(loaded.group.CreateDate)}</dd>
              </dl>
              <a class="button danger" href={`${groupPath(name)}/delete`}>
                Delete
              </a>
            </div>
            <Members c={c} name={name} users={loaded.users} />
            <PermissionsPanel c={c} kind="group" name={name} />
          </>
        ) : (
          <ErrorNotice error={error} />
        )}
      </Layout>,
      loaded ? 200 : 404,
    );
  });
  registerPermissionActions(app, 'group');

  app.post('/groups/:name/members/add', async (c) => {
    const name = c.req.param('name');
    const users = (await formOf(c)).all('user');
    if (users.length === 0) return back(c, groupPath(name), { error: 'Select at least one user.' });
    for (const user of users) {
      try {
        await c.var.call('iam', 'AddUserToGroup', { GroupName: name, UserName: user });
      } catch (err) {
        return back(c, groupPath(name), { error: failure(err) });
      }
    }
    return back(c, groupPath(name), { notice: `Added ${users.join(', ')} to ${name}.` });
  });

  app.post('/groups/:name/members/remove', async (c) => {
    const name = c.req.param('name');
    const user = (await formOf(c)).one('user');
    try {
      await c.var.call('iam', 'RemoveUserFromGroup', { GroupName: name, UserName: user });
    } catch (err) {
      return back(c, groupPath(name), { error: failure(err) });
    }
    return back(c, groupPath(name), { notice: `Removed ${user} from ${name}.` });
  });
}
