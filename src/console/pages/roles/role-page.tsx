import type { Child } from 'hono/jsx';
import type { GetRoleResponse, Role } from '../../../wire/generated/iam.js';
import { AwsError } from '../../../shared/aws-error.js';
import type { ConsoleContext } from '../../env.js';
import { formatDate } from '../../ui/form-data.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice, Notice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { isServiceLinked, roleHref } from './role-links.js';

const TABS = [
  { path: '', label: 'Permissions' },
  { path: '/trust', label: 'Trust relationships' },
  { path: '/tags', label: 'Tags' },
  { path: '/generate-policy', label: 'Generate policy' },
] as const;

export type RoleTab = (typeof TABS)[number]['label'];

/**
 * A role's detail page: the summary AWS's console shows above every tab, the tabs, and the tab's
 * content, which is rendered only when GetRole succeeded.
 */
export async function rolePage(
  c: ConsoleContext,
  tab: RoleTab,
  body: (role: Role) => Promise<Child> | Child,
  error?: unknown,
) {
  const roleName = c.req.param('name') ?? '';
  let role: Role | undefined;
  let failed: unknown;
  try {
    role = (await c.var.call<GetRoleResponse>('iam', 'GetRole', { RoleName: roleName })).Role;
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    failed = err;
  }
  return c.html(
    <Layout title={roleName} {...await pageChrome(c, '/console/roles')}>
      <p>
        <a href="/console/roles">Roles</a> › {roleName}
      </p>
      <FlashNotice c={c} />
      {error ? <ErrorNotice error={error} /> : null}
      {failed || !role ? (
        <ErrorNotice error={failed} />
      ) : (
        <>
          <RoleSummary role={role} />
          <nav class="tabs" aria-label="Role details">
            {TABS.map((t) => (
              <a href={roleHref(roleName, t.path)} aria-current={t.label === tab ? 'page' : undefined}>
                {t.label}
              </a>
            ))}
          </nav>
          {await body(role)}
        </>
      )}
    </Layout>,
  );
}

function RoleSummary({ role }: { role: Role }) {
  const hours = (role.MaxSessionDuration ?? 3600) / 3600;
  return (
    <div class="card">
      <h2>Summary</h2>
      {isServiceLinked(role.Path) ? (
        <Notice kind="info" title="This is a service-linked role">
          Its trust policy, permissions and tags are defined by the service that uses it and can't be edited here.
        </Notice>
      ) : null}
      <dl class="summary">
        <dt>ARN</dt>
        <dd class="mono" data-testid="role-arn">
          {role.Arn}
        </dd>
        <dt>Description</dt>
        <dd>{role.Description ?? '—'}</dd>
        <dt>Creation date</dt>
        <dd>{formatDate(role.CreateDate)}</dd>
        <dt>Last activity</dt>
        <dd>
          {role.RoleLastUsed?.LastUsedDate
            ? `${formatDate(role.RoleLastUsed.LastUsedDate)} (${role.RoleLastUsed.Region ?? ''})`
            : 'None'}
        </dd>
        <dt>Maximum session duration</dt>
        <dd>{hours === 1 ? '1 hour' : `${hours} hours`}</dd>
      </dl>
    </div>
  );
}
