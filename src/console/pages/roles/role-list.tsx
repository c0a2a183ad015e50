import type { ListRolesResponse, Role } from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { formatDate } from '../../ui/form-data.js';
import { Field } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { roleHref } from './role-links.js';

/** Every role (ListRoles has no name filter; AWS's console searches the whole list). */
async function allRoles(c: ConsoleContext): Promise<Role[]> {
  const roles: Role[] = [];
  let marker: string | undefined;
  do {
    const out = await c.var.call<ListRolesResponse>('iam', 'ListRoles', {
      MaxItems: 1000,
      ...(marker ? { Marker: marker } : {}),
    });
    roles.push(...(out.Roles ?? []));
    marker = out.IsTruncated ? out.Marker : undefined;
  } while (marker);
  return roles;
}

/** "AWS Service: ec2", "Account: 123…" — the Trusted entities column. */
function trustedEntities(role: Role): string {
  try {
    const doc = JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument ?? '')) as {
      Statement?: Array<{ Principal?: Record<string, string | string[]> }>;
    };
    const names = (doc.Statement ?? []).flatMap((s) =>
      Object.entries(s.Principal ?? {}).flatMap(([type, v]) =>
        (Array.isArray(v) ? v : [v]).map((x) =>
          type === 'Service'
            ? `AWS Service: ${x.split('.')[0]}`
            : type === 'AWS'
              ? `Account: ${x.split(':')[4] ?? x}`
              : `Identity Provider: ${x.split('/').slice(1).join('/')}`,
        ),
      ),
    );
    return names.join(', ') || '—';
  } catch {
    return '—';
  }
}

export function registerRoleList(app: ConsoleApp): void {
  app.get('/roles', async (c) => {
    const search = (c.req.query('search') ?? '').trim().toLowerCase();
    let roles: Role[] = [];
    let error: unknown;
    try {
      roles = (await allRoles(c)).filter((r) => r.RoleName.toLowerCase().includes(search));
    } catch (err) {
      error = err;
    }
    return c.html(
      <Layout title="Roles" {...await pageChrome(c, '/console/roles')}>
        <FlashNotice c={c} />
        <p class="actions">
          <a class="button" href="/console/roles/create">
            Create role
          </a>
        </p>
        <form method="get" action="/console/roles" class="card filters" role="search">
          <Field label="Search roles by name" name="search" type="search" value={c.req.query('search') ?? ''} />
          <button type="submit" class="secondary">
            Search
          </button>
        </form>
        {error ? (
          <ErrorNotice error={error} />
        ) : roles.length === 0 ? (
          <p>No roles to display.</p>
        ) : (
          <div class="table-wrap">
            <table data-testid="roles">
              <caption class="hint">{`Roles (${roles.length})`}</caption>
              <thead>
                <tr>
                  <th scope="col">Role name</th>
                  <th scope="col">Trusted entities</th>
                  <th scope="col">Last activity</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {roles.map((r) => (
                  <tr>
                    <td>
                      <a href={roleHref(r.RoleName)}>{r.RoleName}</a>
                    </td>
                    <td>{trustedEntities(r)}</td>
                    <td>{r.RoleLastUsed?.LastUsedDate ? formatDate(r.RoleLastUsed.LastUsedDate) : '—'}</td>
                    <td>{formatDate(r.CreateDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Layout>,
    );
  });
}
