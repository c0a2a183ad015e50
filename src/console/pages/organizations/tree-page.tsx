import { withFlash } from '../../ui/form-data.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { AwsError } from '../../../shared/aws-error.js';
import type { CreateAccountStatus } from '../../../wire/generated/organizations.js';
import { ActionButton, Csrf, Field, Select } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import {
  OrgTabs,
  type TreeNode,
  actThenRedirect,
  date,
  flatten,
  formString,
  listRoots,
  loadTree,
} from './org-shared.js';

const HOME = '/console/organizations';

/** The account tree (root → OUs → accounts) and the forms that grow it. */
export function registerOrgTree(app: ConsoleApp): void {
  app.get('/organizations', async (c) => {
    let tree: TreeNode | undefined;
    let error: unknown;
    try {
      const root = (await listRoots(c))[0];
      if (root) tree = await loadTree(c, { id: root.Id!, name: root.Name ?? 'Root', kind: 'root' });
    } catch (err) {
      error = err;
    }
    const noOrg = error instanceof AwsError && error.code === 'AWSOrganizationsNotInUseException';
    return c.html(
      <Layout title="AWS Organizations" {...await pageChrome(c, HOME)}>
        <FlashNotice c={c} />
        {noOrg ? (
          <CreateOrganization csrf={c.var.csrf} />
        ) : error ? (
          <ErrorNotice error={error} />
        ) : tree ? (
          <TreeView c={c} tree={tree} />
        ) : null}
      </Layout>,
    );
  });

  app.post('/organizations/create', (c) =>
    actThenRedirect(c, HOME, async () => {
      await c.var.call('organizations', 'CreateOrganization', { FeatureSet: 'ALL' });
      return 'Your organization was created. Your account is the management account of the organization.';
    }),
  );

  app.post('/organizations/ous', async (c) => {
    const [parent, name] = [await formString(c, 'ParentId'), await formString(c, 'Name')];
    return actThenRedirect(c, HOME, async () => {
      await c.var.call('organizations', 'CreateOrganizationalUnit', { ParentId: parent, Name: name });
      return `Organizational unit "${name}" was created.`;
    });
  });

  app.post('/organizations/accounts', async (c) => {
    const input = { AccountName: await formString(c, 'AccountName'), Email: await formString(c, 'Email') };
    try {
      const out = await c.var.call<{ CreateAccountStatus: CreateAccountStatus }>(
        'organizations',
        'CreateAccount',
        input,
      );
      return c.redirect(`${HOME}/create-account-status/${encodeURIComponent(out.CreateAccountStatus.Id!)}`, 302);
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      return c.redirect(withFlash(c, HOME, 'error', err.message), 302);
    }
  });

  // CreateAccount is asynchronous in AWS: the console polls the request until it leaves IN_PROGRESS.
  app.get('/organizations/create-account-status/:id', async (c) => {
    let status: CreateAccountStatus | undefined;
    let error: unknown;
    try {
      status = (
        await c.var.call<{ CreateAccountStatus: CreateAccountStatus }>('organizations', 'DescribeCreateAccountStatus', {
          CreateAccountRequestId: c.req.param('id'),
        })
      ).CreateAccountStatus;
    } catch (err) {
      error = err;
    }
    return c.html(
      <Layout title="Account creation status" {...await pageChrome(c, HOME)}>
        {error ? <ErrorNotice error={error} /> : null}
        {status ? (
          <div class="card">
            <dl class="summary">
              <dt>Account name</dt>
              <dd>{status.AccountName ?? '—'}</dd>
              <dt>State</dt>
              <dd data-testid="create-account-state">{status.State ?? '—'}</dd>
              <dt>Account ID</dt>
              <dd>{status.AccountId ?? '—'}</dd>
              <dt>Requested</dt>
              <dd>{date(status.RequestedTimestamp)}</dd>
              {status.FailureReason ? (
                <>
                  <dt>Failure reason</dt>
                  <dd>{status.FailureReason}</dd>
                </>
              ) : null}
            </dl>
            {status.State === 'IN_PROGRESS' ? <a href={c.req.path}>Refresh</a> : null}
          </div>
        ) : null}
        <p>
          <a href={HOME}>Back to AWS accounts</a>
        </p>
      </Layout>,
    );
  });
}

function CreateOrganization({ csrf }: { csrf: string }) {
  return (
    <div class="card">
      <h2>Create an organization</h2>
      <p>
        Your account becomes the management account of a new organization with all features enabled. You can then create
        or invite member accounts and apply service control policies.
      </p>
      <ActionButton action={`${HOME}/create`} csrf={csrf} label="Create an organization" />
    </div>
  );
}

function TreeView({ c, tree }: { c: ConsoleContext; tree: TreeNode }) {
  const nodes = flatten(tree);
  const csrf = c.var.csrf;
  return (
    <>
      <OrgTabs active={HOME} />
      <h2>Organizational structure</h2>
      <div class="table-wrap">
        <table class="org-tree" data-testid="org-tree">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">ID</th>
              <th scope="col">Email</th>
              <th scope="col">Status</th>
              <th scope="col">Joined</th>
            </tr>
          </thead>
          <tbody>
            {nodes.flatMap(({ node, depth }) => [
              <tr class="org-node">
                <th scope="row" class={`depth-${Math.min(depth, 6)}`}>
                  {node.kind === 'root' ? (
                    node.name
                  ) : (
                    <a href={`${HOME}/ous/${encodeURIComponent(node.id)}`}>{node.name}</a>
                  )}{' '}
                  <span class="badge">{node.kind === 'root' ? 'Root' : 'OU'}</span>
                </th>
                <td class="mono">{node.id}</td>
                <td colspan={3}></td>
              </tr>,
              ...node.accounts.map((a) => (
                <tr>
                  <td class={`depth-${Math.min(depth + 1, 6)}`}>
                    <a href={`${HOME}/accounts/${encodeURIComponent(a.Id!)}`}>{a.Name}</a>
                  </td>
                  <td class="mono">{a.Id}</td>
                  <td>{a.Email}</td>
                  <td>{a.Status}</td>
                  <td>
                    {a.JoinedMethod === 'CREATED'
                      ? 'Created'
                      : a.JoinedMethod === 'INVITED'
                        ? 'Invited'
                        : a.JoinedMethod}{' '}
                    {date(a.JoinedTimestamp)}
                  </td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      </div>
      <div class="card">
        <h2>Create an AWS account</h2>
        <form method="post" action={`${HOME}/accounts`}>
          <Csrf token={csrf} />
          <Field label="AWS account name" name="AccountName" required maxlength={50} />
          <Field
            label="Email address of the account's owner"
            name="Email"
            type="email"
            required
            maxlength={64}
            hint="The email address of the account's root user. It must be unique across AWS."
          />
          <button type="submit">Create AWS account</button>
        </form>
      </div>
      <div class="card">
        <h2>Create organizational unit</h2>
        <form method="post" action={`${HOME}/ous`}>
          <Csrf token={csrf} />
          <Select
            label="Parent"
            name="ParentId"
            options={nodes.map(({ node, depth }) => ({ value: node.id, label: `${'— '.repeat(depth)}${node.name}` }))}
          />
          <Field label="Organizational unit name" name="Name" required maxlength={128} />
          <button type="submit">Create organizational unit</button>
        </form>
      </div>
    </>
  );
}
