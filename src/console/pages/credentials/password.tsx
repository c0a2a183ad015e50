import { AwsError } from '../../../shared/aws-error.js';
import type { GetLoginProfileResponse, GetUserResponse } from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { baseUrlOf } from '../../env.js';
import { formText, formatDate } from '../../ui/form-data.js';
import { ActionButton, Checkbox, Csrf, Field } from '../../ui/forms.js';
import { Section } from './section.js';
import { type Target, actAndReturn, formBody, targetOf, whose } from './target.js';

type LoginProfile = GetLoginProfileResponse['LoginProfile'];

/** The login profile, or undefined when console access is off (IAM answers NoSuchEntity). */
async function loginProfile(c: ConsoleContext, target: Target): Promise<LoginProfile | undefined> {
  try {
    return (await c.var.call<GetLoginProfileResponse>('iam', 'GetLoginProfile', whose(target))).LoginProfile;
  } catch (err) {
    if (err instanceof AwsError && err.code === 'NoSuchEntity') return undefined;
    throw err;
  }
}

/** One's own console password: when it was set and last used, and the way to change it. */
export async function PasswordSection({ c, target }: { c: ConsoleContext; target: Target }) {
  return (
    <Section
      id="console-password"
      title="Console password"
      load={async () => {
        const profile = await loginProfile(c, target);
        const user = (await c.var.call<GetUserResponse>('iam', 'GetUser', {})).User;
        return (
          <>
            <dl class="summary">
              <dt>Console password</dt>
              <dd>{profile ? 'Enabled' : 'Not enabled'}</dd>
              <dt>Password set</dt>
              <dd>{formatDate(profile?.CreateDate)}</dd>
              <dt>Last used</dt>
              <dd>{user.PasswordLastUsed ? formatDate(user.PasswordLastUsed) : 'Never'}</dd>
            </dl>
            <div class="actions">
              <a class="button secondary" href="/console/change-password">
                Change password
              </a>
            </div>
          </>
        );
      }}
    />
  );
}

/** An administrator's view of another user's console access: enable with a password, reset it, or disable. */
export async function ConsoleAccessSection({ c, target }: { c: ConsoleContext; target: Target }) {
  const action = `${target.base}/console-access`;
  return (
    <Section
      id="console-access"
      title="Console sign-in"
      load={async () => {
        const profile = await loginProfile(c, target);
        const alias = c.var.session.accountAlias ?? c.var.session.principal.accountId;
        return (
          <>
            <dl class="summary">
              <dt>Console sign-in link</dt>
              <dd>{`${baseUrlOf(c)}/console/${alias}`}</dd>
              <dt>Console access</dt>
              <dd data-testid="console-access">{profile ? 'Enabled' : 'Disabled'}</dd>
              {profile ? (
                <>
                  <dt>Password set</dt>
                  <dd>{formatDate(profile.CreateDate)}</dd>
                  <dt>Password reset required</dt>
                  <dd>{profile.PasswordResetRequired ? 'Yes' : 'No'}</dd>
                </>
              ) : null}
            </dl>
            <details>
              <summary>{profile ? 'Reset password' : 'Enable console access'}</summary>
              <form method="post" action={action}>
                <Csrf token={c.var.csrf} />
                <input type="hidden" name="mode" value={profile ? 'update' : 'create'} />
                <Field
                  label="Custom password"
                  name="Password"
                  type="password"
                  required
                  autocomplete="new-password"
                  hint="The password must meet the account's password policy."
                />
                <Checkbox
                  label="User must create a new password at next sign-in"
                  name="PasswordResetRequired"
                  checked
                />
                <div class="actions">
                  <button type="submit">{profile ? 'Reset password' : 'Enable console access'}</button>
                </div>
              </form>
            </details>
            {profile ? (
              <div class="actions">
                <ActionButton
                  action={`${action}/disable`}
                  csrf={c.var.csrf}
                  label="Disable console access"
                  danger
                  confirm="Disable console access? The user can no longer sign in to the console."
                />
              </div>
            ) : null}
          </>
        );
      }}
    />
  );
}

export function registerConsoleAccessRoutes(app: ConsoleApp): void {
  const base = '/users/:name/security-credentials/console-access';
  app.post(base, async (c) => {
    const target = targetOf(c);
    const body = await formBody(c);
    const create = formText(body, 'mode') === 'create';
    const input = {
      UserName: target.userName,
      Password: typeof body.Password === 'string' ? body.Password : '',
      PasswordResetRequired: body.PasswordResetRequired === 'on',
    };
    const notice = create ? 'Console access enabled.' : 'Console password reset.';
    return actAndReturn(
      c,
      target,
      notice,
      () => c.var.call('iam', create ? 'CreateLoginProfile' : 'UpdateLoginProfile', input),
      '#console-access',
    );
  });
  app.post(`${base}/disable`, async (c) => {
    const target = targetOf(c);
    return actAndReturn(
      c,
      target,
      'Console access disabled.',
      () => c.var.call('iam', 'DeleteLoginProfile', whose(target)),
      '#console-access',
    );
  });
}
