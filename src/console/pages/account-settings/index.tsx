import type { GetAccountPasswordPolicyResponse, PasswordPolicy } from '../../../wire/generated/iam.js';
import { AwsError } from '../../../shared/aws-error.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { failureText, formText, withFlash } from '../../ui/form-data.js';
import { ActionButton, Checkbox, Csrf, Field } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice, Notice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';

const PAGE = '/console/account-settings';

/** The policy IAM applies when the account has none ("Set an account password policy for IAM users"). */
function DefaultPolicy() {
  return (
    <Notice kind="info" title="This AWS account uses the default password policy">
      <ul>
        <li>Minimum password length is 8 characters</li>
        <li>
          Include a minimum of three of the following mix of character types: uppercase, lowercase, numbers, and symbols
        </li>
        <li>Must not be identical to your AWS account name or email address</li>
      </ul>
    </Notice>
  );
}

function PolicyForm({ c, policy }: { c: ConsoleContext; policy: PasswordPolicy | undefined }) {
  const n = (v: number | undefined) => (v === undefined ? '' : String(v));
  return (
    <form method="post" action={PAGE} class="card">
      <h2>Password policy</h2>
      <Csrf token={c.var.csrf} />
      <Field
        label="Password minimum length"
        name="minLength"
        type="number"
        inputmode="numeric"
        value={n(policy?.MinimumPasswordLength ?? 8)}
        hint="Needs to be between 6 and 128 characters."
        required
      />
      <fieldset>
        <legend>Password strength</legend>
        <Checkbox
          label="Require at least one uppercase letter from the Latin alphabet (A-Z)"
          name="upper"
          checked={policy?.RequireUppercaseCharacters}
        />
        <Checkbox
          label="Require at least one lowercase letter from the Latin alphabet (a-z)"
          name="lower"
          checked={policy?.RequireLowercaseCharacters}
        />
        <Checkbox label="Require at least one number" name="numbers" checked={policy?.RequireNumbers} />
        <Checkbox
          label="Require at least one non-alphanumeric character (! @ # $ % ^ & * ( ) _ + - = [ ] { } | ')"
          name="symbols"
          checked={policy?.RequireSymbols}
        />
      </fieldset>
      <fieldset>
        <legend>Other requirements</legend>
        <Checkbox label="Turn on password expiration" name="expire" checked={policy?.ExpirePasswords} />
        <Field
          label="Expire passwords in day(s)"
          name="maxAge"
          type="number"
          inputmode="numeric"
          value={n(policy?.MaxPasswordAge ?? 90)}
          hint="Needs to be between 1 and 1095 days."
        />
        <Checkbox
          label="Password expiration requires administrator reset"
          name="hardExpiry"
          checked={policy?.HardExpiry}
        />
        <Checkbox
          label="Allow users to change their own password"
          name="allowChange"
          checked={policy?.AllowUsersToChangePassword}
        />
        <Checkbox
          label="Prevent password reuse"
          name="preventReuse"
          checked={(policy?.PasswordReusePrevention ?? 0) > 0}
        />
        <Field
          label="Remember password(s)"
          name="reuse"
          type="number"
          inputmode="numeric"
          value={n(policy?.PasswordReusePrevention ?? 5)}
          hint="Needs to be between 1 and 24 passwords."
        />
      </fieldset>
      <button type="submit">Save changes</button>
    </form>
  );
}

/** The UpdateAccountPasswordPolicy input the form describes; unchecked options are sent as false, as the console does. */
function policyInput(body: Record<string, unknown>): Record<string, unknown> {
  const on = (name: string) => formText(body, name) !== '';
  const num = (name: string) => Number(formText(body, name));
  return {
    MinimumPasswordLength: num('minLength'),
    RequireUppercaseCharacters: on('upper'),
    RequireLowercaseCharacters: on('lower'),
    RequireNumbers: on('numbers'),
    RequireSymbols: on('symbols'),
    AllowUsersToChangePassword: on('allowChange'),
    HardExpiry: on('hardExpiry'),
    ...(on('expire') ? { MaxPasswordAge: num('maxAge') } : {}),
    ...(on('preventReuse') ? { PasswordReusePrevention: num('reuse') } : {}),
  };
}

async function settingsPage(c: ConsoleContext, error?: unknown) {
  let policy: PasswordPolicy | undefined;
  let readError: unknown;
  try {
    policy = (await c.var.call<GetAccountPasswordPolicyResponse>('iam', 'GetAccountPasswordPolicy')).PasswordPolicy;
  } catch (err) {
    if (!(err instanceof AwsError)) throw err;
    if (err.code !== 'NoSuchEntity') readError = err;
  }
  return c.html(
    <Layout title="Account settings" {...await pageChrome(c, PAGE)}>
      <FlashNotice c={c} />
      {error ? <ErrorNotice error={error} /> : null}
      {readError ? (
        <ErrorNotice error={readError} />
      ) : policy ? (
        <p data-testid="policy-state">This AWS account uses a custom password policy.</p>
      ) : (
        <DefaultPolicy />
      )}
      <PolicyForm c={c} policy={policy} />
      {policy ? (
        <ActionButton
          action={`${PAGE}/reset`}
          csrf={c.var.csrf}
          label="Reset to default"
          confirm="Reset the password policy to the default?"
        />
      ) : null}
    </Layout>,
  );
}

export function registerAccountSettings(app: ConsoleApp): void {
  app.get('/account-settings', (c) => settingsPage(c));

  app.post('/account-settings', async (c) => {
    try {
      await c.var.call('iam', 'UpdateAccountPasswordPolicy', policyInput(await c.req.parseBody()));
      return c.redirect(withFlash(c, PAGE, 'notice', 'Password policy updated.'), 302);
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      return settingsPage(c, err);
    }
  });

  app.post('/account-settings/reset', async (c) => {
    try {
      await c.var.call('iam', 'DeleteAccountPasswordPolicy');
      return c.redirect(withFlash(c, PAGE, 'notice', 'The password policy is reset to the default.'), 302);
    } catch (err) {
      return c.redirect(withFlash(c, PAGE, 'error', failureText(err)), 302);
    }
  });
}
