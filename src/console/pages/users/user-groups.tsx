import type { Group } from '../../../wire/generated/iam.js';
import type { ConsoleApp } from '../../env.js';
import { ActionButton, Checkbox, Csrf } from '../../ui/forms.js';
import { ErrorNotice } from '../../ui/notices.js';
import { back, failure, formOf, groupPath, listAll, userPath, when } from './common.js';
import { userPage } from './user-page.js';

/** The user's Groups tab: memberships (ListGroupsForUser), add to groups, remove from a group. */
export function registerUserGroups(app: ConsoleApp): void {
  app.get('/users/:name/groups', (c) =>
    userPage(c, 'Groups', async (user) => {
      const base = userPath(user.UserName);
      let member: Group[] = [];
      let others: Group[] = [];
      let error: unknown;
      let addError: unknown;
      try {
        member = await listAll<Group>(c, 'ListGroupsForUser', { UserName: user.UserName }, 'Groups');
      } catch (err) {
        error = err;
      }
      try {
        const mine = new Set(member.map((g) => g.GroupName));
        others = (await listAll<Group>(c, 'ListGroups', {}, 'Groups')).filter((g) => !mine.has(g.GroupName));
      } catch (err) {
        addError = err;
      }
      return (
        <>
          <h2>User groups membership ({member.length})</h2>
          {error ? <ErrorNotice error={error} /> : null}
          <div class="table-wrap">
            <table data-testid="user-groups">
              <thead>
                <tr>
                  <th scope="col">Group name</th>
                  <th scope="col">Created</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {member.length === 0 ? (
                  <tr>
                    <td colspan={3}>The user is not in any group.</td>
                  </tr>
                ) : null}
                {member.map((g) => (
                  <tr>
                    <td>
                      <a href={groupPath(g.GroupName)}>{g.GroupName}</a>
                    </td>
                    <td>{when(g.CreateDate)}</td>
                    <td>
                      <ActionButton
                        action={`${base}/groups/remove`}
                        csrf={c.var.csrf}
                        label={`Remove from ${g.GroupName}`}
                        fields={{ group: g.GroupName }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <section class="card" aria-labelledby="add-groups-heading">
            <h2 id="add-groups-heading">Add user to groups</h2>
            {addError ? <ErrorNotice error={addError} /> : null}
            {!addError && others.length === 0 ? <p class="hint">There are no other groups.</p> : null}
            {others.length > 0 ? (
              <form method="post" action={`${base}/groups/add`}>
                <Csrf token={c.var.csrf} />
                <fieldset>
                  <legend>User groups</legend>
                  {others.map((g) => (
                    <Checkbox label={g.GroupName} name="group" value={g.GroupName} />
                  ))}
                </fieldset>
                <button type="submit">Add to groups</button>
              </form>
            ) : null}
          </section>
        </>
      );
    }),
  );

  app.post('/users/:name/groups/add', async (c) => {
    const name = c.req.param('name');
    const page = `${userPath(name)}/groups`;
    const groups = (await formOf(c)).all('group');
    if (groups.length === 0) return back(c, page, { error: 'Select at least one group.' });
    for (const group of groups) {
      try {
        await c.var.call('iam', 'AddUserToGroup', { UserName: name, GroupName: group });
      } catch (err) {
        return back(c, page, { error: failure(err) });
      }
    }
    return back(c, page, { notice: `Added ${name} to ${groups.join(', ')}.` });
  });

  app.post('/users/:name/groups/remove', async (c) => {
    const name = c.req.param('name');
    const page = `${userPath(name)}/groups`;
    const group = (await formOf(c)).one('group');
    try {
      await c.var.call('iam', 'RemoveUserFromGroup', { UserName: name, GroupName: group });
    } catch (err) {
      return back(c, page, { error: failure(err) });
    }
    return back(c, page, { notice: `Removed ${name} from ${group}.` });
  });
}
