import { withFlash } from '../../ui/form-data.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import type { Account, OrganizationalUnit } from '../../../wire/generated/organizations.js';
import { ActionButton, Csrf, Field, Select } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { actThenRedirect, date, flatten, formString, listRoots, loadTree } from './org-shared.js';

const HOME = '/console/organizations';

/** An OU's page (rename, delete) and an account's page (move, remove). */
export function registerOrgEntities(app: ConsoleApp): void {
  app.get('/organizations/ous/:id', async (c) => {
    const id = c.req.param('id');
    let ou: OrganizationalUnit | undefined;
    let error: unknown;
    try {
      ou = (
        await c.var.call<{ OrganizationalUnit: OrganizationalUnit }>('organizations', 'DescribeOrganizationalUnit', {
          OrganizationalUnitId: id,
        })
      ).OrganizationalUnit;
    } catch (err) {
      error = err;
    }
    const self = `${HOME}/ous/${encodeURIComponent(id)}`;
    return c.html(
      <Layout title={ou?.Name ?? 'Organizational unit'} {...await pageChrome(c, HOME)}>
        <FlashNotice c={c} />
        {error ? <ErrorNotice error={error} /> : null}
        {ou ? (
          <>
            <dl class="summary card">
              <dt>ID</dt>
              <dd class="mono">{ou.Id}</dd>
              <dt>ARN</dt>
              <dd class="mono">{ou.Arn}</dd>
            </dl>
            <div class="card">
              <h2>Rename organizational unit</h2>
              <form method="post" action={`${self}/rename`}>
                <Csrf token={c.var.csrf} />
                <Field label="Organizational unit name" name="Name" value={ou.Name} required maxlength={128} />
                <button type="submit">Save changes</button>
              </form>
            </div>
            <div class="card">
              <h2>Delete organizational unit</h2>
              <p class="hint">
                You can delete an organizational unit only when it contains no accounts or other organizational units.
              </p>
              <ActionButton
                action={`${self}/delete`}
                csrf={c.var.csrf}
                label="Delete"
                danger
                confirm={`Delete ${ou.Name}?`}
              />
            </div>
          </>
        ) : null}
        <p>
          <a href={HOME}>Back to AWS accounts</a>
        </p>
      </Layout>,
    );
  });

  app.post('/organizations/ous/:id/rename', async (c) => {
    const id = c.req.param('id');
    const name = await formString(c, 'Name');
    return actThenRedirect(c, `${HOME}/ous/${encodeURIComponent(id)}`, async () => {
      await c.var.call('organizations', 'UpdateOrganizationalUnit', { OrganizationalUnitId: id, Name: name });
      return `Organizational unit renamed to "${name}".`;
    });
  });

  app.post('/organizations/ous/:id/delete', async (c) => {
    const id = c.req.param('id');
    try {
      await c.var.call('organizations', 'DeleteOrganizationalUnit', { OrganizationalUnitId: id });
    } catch (err) {
      return actThenRedirect(c, `${HOME}/ous/${encodeURIComponent(id)}`, () => Promise.reject(err));
    }
    return c.redirect(withFlash(c, HOME, 'notice', 'The organizational unit was deleted.'), 302);
  });

  app.get('/organizations/accounts/:id', async (c) => accountPage(c, c.req.param('id')));

  app.post('/organizations/accounts/:id/move', async (c) => {
    const id = c.req.param('id');
    const [source, destination] = [await formString(c, 'SourceParentId'), await formString(c, 'DestinationParentId')];
    return actThenRedirect(c, `${HOME}/accounts/${encodeURIComponent(id)}`, async () => {
      await c.var.call('organizations', 'MoveAccount', {
        AccountId: id,
        SourceParentId: source,
        DestinationParentId: destination,
      });
      return 'The account was moved.';
    });
  });

  app.post('/organizations/accounts/:id/remove', async (c) => {
    const id = c.req.param('id');
    try {
      await c.var.call('organizations', 'RemoveAccountFromOrganization', { AccountId: id });
    } catch (err) {
      return actThenRedirect(c, `${HOME}/accounts/${encodeURIComponent(id)}`, () => Promise.reject(err));
    }
    return c.redirect(withFlash(c, HOME, 'notice', `Account ${id} was removed from the organization.`), 302);
  });
}

async function accountPage(c: ConsoleContext, id: string) {
  let account: Account | undefined;
  let parentId: string | undefined;
  let destinations: Array<{ value: string; label: string }> = [];
  let error: unknown;
  try {
    account = (await c.var.call<{ Account: Account }>('organizations', 'DescribeAccount', { AccountId: id })).Account;
    parentId = (await c.var.call<{ Parents?: Array<{ Id?: string }> }>('organizations', 'ListParents', { ChildId: id }))
      .Parents?.[0]?.Id;
    const root = (await listRoots(c))[0]!;
    const tree = await loadTree(c, { id: root.Id!, name: root.Name ?? 'Root', kind: 'root' });
    destinations = flatten(tree)
      .filter(({ node }) => node.id !== parentId)
      .map(({ node, depth }) => ({ value: node.id, label: `${'— '.repeat(depth)}${node.name} (${node.id})` }));
  } catch (err) {
    error = err;
  }
  const self = `${HOME}/accounts/${encodeURIComponent(id)}`;
  const management = id === c.var.deps.managementAccountId;
  return c.html(
    <Layout title={account?.Name ?? `Account ${id}`} {...await pageChrome(c, HOME)}>
      <FlashNotice c={c} />
      {error ? <ErrorNotice error={error} /> : null}
      {account ? (
        <>
          <dl class="summary card">
            <dt>Account ID</dt>
            <dd class="mono" data-testid="account-id">
              {account.Id}
            </dd>
            <dt>Email</dt>
            <dd>{account.Email}</dd>
            <dt>Status</dt>
            <dd>{account.Status}</dd>
            <dt>Joined</dt>
            <dd>
              {account.JoinedMethod} {date(account.JoinedTimestamp)}
            </dd>
            <dt>Parent</dt>
            <dd class="mono">{parentId ?? '—'}</dd>
          </dl>
          {destinations.length > 0 ? (
            <div class="card">
              <h2>Move AWS account</h2>
              <form method="post" action={`${self}/move`}>
                <Csrf token={c.var.csrf} />
                <input type="hidden" name="SourceParentId" value={parentId ?? ''} />
                <Select label="Destination" name="DestinationParentId" options={destinations} />
                <button type="submit">Move AWS account</button>
              </form>
            </div>
          ) : null}
          {management ? null : (
            <div class="card">
              <h2>Remove from organization</h2>
              <p class="hint">The account becomes a standalone account; its own root user must then manage it.</p>
              <ActionButton
                action={`${self}/remove`}
                csrf={c.var.csrf}
                label="Remove account"
                danger
                confirm={`Remove ${account.Name} from the organization?`}
              />
              <p>
                <a href={`/console/organizations/root-access/${encodeURIComponent(id)}`}>
                  Take privileged action (root access management)
                </a>
              </p>
            </div>
          )}
        </>
      ) : null}
      <p>
        <a href={HOME}>Back to AWS accounts</a>
      </p>
    </Layout>,
  );
}
