import type { MFADevice, Policy, User } from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { ActionButton, Csrf, Select } from '../../ui/forms.js';
import { ErrorNotice } from '../../ui/notices.js';
import { back, failure, formOf, isCode, listAll, userPath, when } from './common.js';
import { PermissionsPanel, registerPermissionActions } from './permissions.js';
import { allPolicies } from './policy-picker.js';
import { userPage } from './user-page.js';

/** "Enabled", "Disabled", or a dash when the caller may not look. */
async function consoleAccess(c: ConsoleContext, name: string): Promise<string> {
  try {
    await c.var.call('iam', 'GetLoginProfile', { UserName: name });
    return 'Enabled';
  } catch (err) {
    return isCode(err, 'NoSuchEntity') ? 'Disabled' : '—';
  }
}

async function mfaState(c: ConsoleContext, name: string): Promise<string> {
  try {
    const devices = await listAll<MFADevice>(c, 'ListMFADevices', { UserName: name }, 'MFADevices');
    return devices.length === 0 ? 'Not assigned' : `Assigned (${devices.length})`;
  } catch {
    return '—';
  }
}

async function Summary({ c, user }: { c: ConsoleContext; user: User }) {
  const [access, mfa] = await Promise.all([consoleAccess(c, user.UserName), mfaState(c, user.UserName)]);
  return (
    <div class="card">
      <h2>Summary</h2>
      <dl class="summary" data-testid="user-summary">
        <dt>ARN</dt>
        <dd class="mono">{user.Arn}</dd>
        <dt>Created</dt>
        <dd>{when(user.CreateDate)}</dd>
        <dt>Console access</dt>
        <dd data-testid="console-access">{access}</dd>
        <dt>Last console sign-in</dt>
        <dd>{when(user.PasswordLastUsed, 'Never')}</dd>
        <dt>MFA</dt>
        <dd>{mfa}</dd>
      </dl>
    </div>
  );
}

async function BoundarySection({ c, user }: { c: ConsoleContext; user: User }) {
  const current = user.PermissionsBoundary?.PermissionsBoundaryArn;
  const base = userPath(user.UserName);
  let policies: Policy[] = [];
  let error: unknown;
  try {
    policies = await allPolicies(c);
  } catch (err) {
    error = err;
  }
  return (
    <section class="card" aria-labelledby="boundary-heading">
      <h2 id="boundary-heading">Permissions boundary</h2>
      <p data-testid="boundary">{current ? current : 'Permissions boundary is not set.'}</p>
      {current ? (
        <ActionButton
          action={`${base}/boundary/delete`}
          csrf={c.var.csrf}
          label="Remove boundary"
          confirm="Remove the permissions boundary?"
        />
      ) : null}
      {error ? (
        <ErrorNotice error={error} />
      ) : (
        <form method="post" action={`${base}/boundary`}>
          <Csrf token={c.var.csrf} />
          <Select
            label={current ? 'Change permissions boundary' : 'Set permissions boundary'}
            name="policyArn"
            value={current}
            options={policies.map((p) => ({ value: p.Arn ?? '', label: p.PolicyName ?? '' }))}
          />
          <button type="submit" class="secondary">
            Set boundary
          </button>
        </form>
      )}
    </section>
  );
}

/** The user's Permissions tab (the detail page's landing tab) and its actions. */
export function registerUserDetail(app: ConsoleApp): void {
  app.get('/users/:name', (c) =>
    userPage(c, 'Permissions', async (user) => (
      <>
        <Summary c={c} user={user} />
        <PermissionsPanel c={c} kind="user" name={user.UserName} />
        <BoundarySection c={c} user={user} />
        <section class="card danger-zone" aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete user</h2>
          <p>Deleting the user also removes its access keys, password, MFA devices, group memberships and policies.</p>
          <a class="button danger" href={`${userPath(user.UserName)}/delete`}>
            Delete
          </a>
        </section>
      </>
    )),
  );
  registerPermissionActions(app, 'user');
  app.post('/users/:name/boundary', async (c) => {
    const name = c.req.param('name');
    const arn = (await formOf(c)).one('policyArn');
    try {
      await c.var.call('iam', 'PutUserPermissionsBoundary', { UserName: name, PermissionsBoundary: arn });
    } catch (err) {
      return back(c, userPath(name), { error: failure(err) });
    }
    return back(c, userPath(name), { notice: 'Permissions boundary set.' });
  });
  app.post('/users/:name/boundary/delete', async (c) => {
    const name = c.req.param('name');
    try {
      await c.var.call('iam', 'DeleteUserPermissionsBoundary', { UserName: name });
    } catch (err) {
      return back(c, userPath(name), { error: failure(err) });
    }
    return back(c, userPath(name), { notice: 'Permissions boundary removed.' });
  });
}
