import type { ListRoleTagsResponse, Role } from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { failureText, formText, withFlash } from '../../ui/form-data.js';
import { ActionButton, Csrf, Field } from '../../ui/forms.js';
import { ErrorNotice } from '../../ui/notices.js';
import { isServiceLinked, roleHref } from './role-links.js';
import { rolePage } from './role-page.js';

async function tagsTab(c: ConsoleContext, role: Role) {
  let tags: Array<{ Key: string; Value: string }>;
  try {
    tags = (await c.var.call<ListRoleTagsResponse>('iam', 'ListRoleTags', { RoleName: role.RoleName })).Tags ?? [];
  } catch (err) {
    return <ErrorNotice error={err} />;
  }
  const base = roleHref(role.RoleName);
  const locked = isServiceLinked(role.Path);
  return (
    <>
      <h2>{`Tags (${tags.length})`}</h2>
      {tags.length === 0 ? (
        <p>No tags associated with the resource.</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="role-tags">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Value</th>
                {locked ? null : <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {tags.map((t) => (
                <tr>
                  <td>{t.Key}</td>
                  <td>{t.Value}</td>
                  {locked ? null : (
                    <td>
                      <ActionButton
                        action={`${base}/tags/remove`}
                        csrf={c.var.csrf}
                        label={`Remove ${t.Key}`}
                        fields={{ key: t.Key }}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {locked ? null : (
        <form method="post" action={`${base}/tags`} class="card">
          <Csrf token={c.var.csrf} />
          <Field label="Key" name="key" required maxlength={128} />
          <Field label="Value - optional" name="value" maxlength={256} />
          <button type="submit">Add tag</button>
        </form>
      )}
    </>
  );
}

export function registerRoleTags(app: ConsoleApp): void {
  app.get('/roles/:name/tags', (c) => rolePage(c, 'Tags', (role) => tagsTab(c, role)));

  const tagAction = (
    path: string,
    run: (c: ConsoleContext, roleName: string, body: Record<string, unknown>) => Promise<string>,
  ) =>
    app.post(path, async (c) => {
      const roleName = c.req.param('name') ?? '';
      const back = roleHref(roleName, '/tags');
      try {
        return c.redirect(withFlash(c, back, 'notice', await run(c, roleName, await c.req.parseBody())), 302);
      } catch (err) {
        return c.redirect(withFlash(c, back, 'error', failureText(err)), 302);
      }
    });
  tagAction('/roles/:name/tags', async (c, roleName, body) => {
    await c.var.call('iam', 'TagRole', {
      RoleName: roleName,
      Tags: [{ Key: formText(body, 'key'), Value: formText(body, 'value') }],
    });
    return `Tag ${formText(body, 'key')} added.`;
  });
  tagAction('/roles/:name/tags/remove', async (c, roleName, body) => {
    await c.var.call('iam', 'UntagRole', { RoleName: roleName, TagKeys: [formText(body, 'key')] });
    return `Tag ${formText(body, 'key')} removed.`;
  });
}
