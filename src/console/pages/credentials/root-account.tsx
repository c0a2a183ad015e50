import type { GetAccountInformationResponse, GetPrimaryEmailResponse } from '../../../wire/generated/account.js';
import type { ListAccountAliasesResponse } from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { failureText, formText, withFlash } from '../../ui/form-data.js';
import { ActionButton, Csrf, Field } from '../../ui/forms.js';
import { Section } from './section.js';
import { SELF_BASE, actAndReturn, formBody, targetOf } from './target.js';

/** Account calls name the caller's own account: AWS's Account API requires the ID on some operations. */
const own = (c: ConsoleContext) => ({ AccountId: c.var.session.principal.accountId });

function OneFieldForm(p: {
  c: ConsoleContext;
  action: string;
  label: string;
  name: string;
  value?: string | undefined;
  button: string;
  type?: string;
  hint?: string;
  hidden?: Record<string, string>;
}) {
  return (
    <form method="post" action={p.action}>
      <Csrf token={p.c.var.csrf} />
      {Object.entries(p.hidden ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <Field
        label={p.label}
        name={p.name}
        value={p.value}
        type={p.type}
        required
        {...(p.hint ? { hint: p.hint } : {})}
      />
      <div class="actions">
        <button type="submit">{p.button}</button>
      </div>
    </form>
  );
}

/** Root's account details: name, primary email (confirmed with a code sent to the new address) and alias. */
export async function RootAccountSections({ c }: { c: ConsoleContext }) {
  // The address a started email update waits on, carried by the redirect (it is not secret; the code is).
  const pending = new URL(c.req.url).searchParams.get('pendingEmail') ?? undefined;
  return (
    <>
      <Section
        id="account-details"
        title="Account details"
        load={async () => {
          const info = await c.var.call<GetAccountInformationResponse>('account', 'GetAccountInformation', own(c));
          const email = await c.var.call<GetPrimaryEmailResponse>('account', 'GetPrimaryEmail', own(c));
          return (
            <>
              <dl class="summary">
                <dt>Account ID</dt>
                <dd>{info.AccountId}</dd>
                <dt>Account name</dt>
                <dd data-testid="account-name">{info.AccountName ?? '—'}</dd>
                <dt>Email address</dt>
                <dd data-testid="account-email">{email.PrimaryEmail ?? '—'}</dd>
              </dl>
              <h3>Account name</h3>
              <OneFieldForm
                c={c}
                action={`${SELF_BASE}/account-name`}
                label="Account name"
                name="AccountName"
                value={info.AccountName}
                button="Update account name"
              />
              <h3>Email address</h3>
              {pending ? (
                <OneFieldForm
                  c={c}
                  action={`${SELF_BASE}/email/confirm`}
                  label="Verification code"
                  name="Otp"
                  button="Confirm email address"
                  hint={`Enter the code sent to ${pending}. It expires in 24 hours.`}
                  hidden={{ PrimaryEmail: pending }}
                />
              ) : (
                <OneFieldForm
                  c={c}
                  action={`${SELF_BASE}/email`}
                  label="New email address"
                  name="PrimaryEmail"
                  type="email"
                  button="Send verification code"
                  hint="A one-time code is sent to the new address; the change takes effect once you enter it."
                />
              )}
            </>
          );
        }}
      />
      <Section
        id="account-alias"
        title="Account alias"
        intro="The alias replaces the account ID in the sign-in URL for IAM users in this account."
        load={async () => {
          const alias = (await c.var.call<ListAccountAliasesResponse>('iam', 'ListAccountAliases', {}))
            .AccountAliases[0];
          return (
            <>
              <p>
                Current alias: <strong data-testid="account-alias">{alias ?? 'None'}</strong>
              </p>
              <OneFieldForm
                c={c}
                action={`${SELF_BASE}/account-alias`}
                label="Preferred alias"
                name="AccountAlias"
                value={alias}
                button={alias ? 'Edit alias' : 'Create alias'}
                hint="3 to 63 lowercase letters, digits and hyphens; it cannot start or end with a hyphen."
              />
              {alias ? (
                <ActionButton
                  action={`${SELF_BASE}/account-alias/delete`}
                  csrf={c.var.csrf}
                  label="Delete alias"
                  danger
                  fields={{ AccountAlias: alias }}
                  confirm={`Delete the alias ${alias}?`}
                />
              ) : null}
            </>
          );
        }}
      />
    </>
  );
}

export function registerRootAccountRoutes(app: ConsoleApp): void {
  const base = '/security-credentials';
  app.post(`${base}/account-name`, async (c) => {
    const name = formText(await formBody(c), 'AccountName');
    return actAndReturn(
      c,
      targetOf(c),
      'Account name updated.',
      () => c.var.call('account', 'PutAccountName', { ...own(c), AccountName: name }),
      '#account-details',
    );
  });
  app.post(`${base}/email`, async (c) => {
    const email = formText(await formBody(c), 'PrimaryEmail');
    try {
      await c.var.call('account', 'StartPrimaryEmailUpdate', { ...own(c), PrimaryEmail: email });
    } catch (err) {
      return c.redirect(withFlash(c, SELF_BASE, 'error', failureText(err)) + '#account-details', 302);
    }
    const next = `${SELF_BASE}?pendingEmail=${encodeURIComponent(email)}`;
    return c.redirect(
      withFlash(c, next, 'notice', `We sent a verification code to ${email}.`) + '#account-details',
      302,
    );
  });
  app.post(`${base}/email/confirm`, async (c) => {
    const body = await formBody(c);
    const input = { ...own(c), PrimaryEmail: formText(body, 'PrimaryEmail'), Otp: formText(body, 'Otp') };
    return actAndReturn(
      c,
      targetOf(c),
      'Email address updated.',
      () => c.var.call('account', 'AcceptPrimaryEmailUpdate', input),
      '#account-details',
    );
  });
  app.post(`${base}/account-alias`, async (c) => {
    const alias = formText(await formBody(c), 'AccountAlias');
    return actAndReturn(
      c,
      targetOf(c),
      `Account alias ${alias} saved.`,
      () => c.var.call('iam', 'CreateAccountAlias', { AccountAlias: alias }),
      '#account-alias',
    );
  });
  app.post(`${base}/account-alias/delete`, async (c) => {
    const alias = formText(await formBody(c), 'AccountAlias');
    return actAndReturn(
      c,
      targetOf(c),
      `Account alias ${alias} deleted.`,
      () => c.var.call('iam', 'DeleteAccountAlias', { AccountAlias: alias }),
      '#account-alias',
    );
  });
}
