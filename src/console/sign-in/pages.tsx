import { Csrf, Field } from '../ui/forms.js';
import { Layout } from '../ui/layout.js';
import { Notice } from '../ui/notices.js';

export interface SignInPageProps {
  as: 'root' | 'iam';
  csrf: string;
  account?: string | undefined;
  email?: string | undefined;
  userName?: string | undefined;
  redirect?: string | undefined;
  error?: string | undefined;
  notice?: string | undefined;
}

/** AWS's sign-in page: root by email, or an IAM user by account ID or alias and user name. */
export function SignInPage(p: SignInPageProps) {
  const redirect = p.redirect ? <input type="hidden" name="redirect" value={p.redirect} /> : null;
  const qs = (as: string) => `/console/signin?as=${as}${p.account ? `&account=${encodeURIComponent(p.account)}` : ''}`;
  return (
    <Layout title="Sign in">
      {p.error ? <Notice kind="error">{p.error}</Notice> : null}
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      <div class="tabs" role="navigation" aria-label="Sign in as">
        <a href={qs('root')} aria-current={p.as === 'root' ? 'page' : undefined}>
          Root user
        </a>
        <a href={qs('iam')} aria-current={p.as === 'iam' ? 'page' : undefined}>
          IAM user
        </a>
      </div>
      <div class="card">
        {p.as === 'root' ? (
          <form method="post" action="/console/signin/root">
            <p class="hint">Account owner that performs tasks requiring unrestricted access.</p>
            <Csrf token={p.csrf} />
            {redirect}
            <Field
              label="Root user email address"
              name="email"
              type="email"
              value={p.email}
              required
              autocomplete="username"
              autofocus
            />
            <Field label="Password" name="password" type="password" required autocomplete="current-password" />
            <div class="actions">
              <button type="submit">Sign in</button>
              <a href="/console/forgot-password">Forgot password?</a>
            </div>
          </form>
        ) : (
          <form method="post" action="/console/signin/iam">
            <p class="hint">User within an account that performs daily tasks.</p>
            <Csrf token={p.csrf} />
            {redirect}
            <Field
              label="Account ID (12 digits) or account alias"
              name="account"
              value={p.account}
              required
              autocomplete="organization"
              autofocus={!p.account}
            />
            <Field
              label="IAM user name"
              name="userName"
              value={p.userName}
              required
              autocomplete="username"
              autofocus={!!p.account}
            />
            <Field label="Password" name="password" type="password" required autocomplete="current-password" />
            <div class="actions">
              <button type="submit">Sign in</button>
            </div>
          </form>
        )}
      </div>
    </Layout>
  );
}

export function MfaPage(p: { csrf: string; error?: string | undefined }) {
  return (
    <Layout title="Multi-factor authentication">
      {p.error ? <Notice kind="error">{p.error}</Notice> : null}
      <div class="card">
        <form method="post" action="/console/mfa">
          <Csrf token={p.csrf} />
          <p>Enter the code shown by your authenticator app.</p>
          <Field
            label="MFA code"
            name="code"
            required
            autocomplete="one-time-code"
            inputmode="numeric"
            pattern="[0-9]{6}"
            maxlength={6}
            autofocus
          />
          <div class="actions">
            <button type="submit">Submit</button>
          </div>
        </form>
        <SignOutLink csrf={p.csrf} />
      </div>
    </Layout>
  );
}

export function ChangePasswordPage(p: {
  csrf: string;
  forced: boolean;
  root: boolean;
  error?: string | undefined;
  policyText?: string[] | undefined;
}) {
  return (
    <Layout title={p.forced ? 'Password change required' : 'Change password'}>
      {p.forced ? <Notice kind="warning">You must change your password to continue.</Notice> : null}
      {p.error ? <Notice kind="error">{p.error}</Notice> : null}
      <div class="card">
        <form method="post" action="/console/change-password">
          <Csrf token={p.csrf} />
          <Field
            label="Current password"
            name="oldPassword"
            type="password"
            required
            autocomplete="current-password"
            autofocus
          />
          <Field label="New password" name="newPassword" type="password" required autocomplete="new-password" />
          <Field
            label="Confirm new password"
            name="confirmPassword"
            type="password"
            required
            autocomplete="new-password"
          />
          {p.policyText && p.policyText.length > 0 ? (
            <ul class="hint">
              {p.policyText.map((t) => (
                <li>{t}</li>
              ))}
            </ul>
          ) : null}
          <div class="actions">
            <button type="submit">Change password</button>
          </div>
        </form>
        {p.forced ? <SignOutLink csrf={p.csrf} /> : null}
      </div>
    </Layout>
  );
}

export function RegisterMfaPrompt(p: { csrf: string; skippable: boolean }) {
  return (
    <Layout title="Assign MFA to the root user">
      <Notice kind="warning" title="Your root user has no MFA device">
        The root user has unrestricted access to this account. Assign a multi-factor authentication device to protect
        it.
      </Notice>
      <div class="actions">
        <a class="button" href="/console/security-credentials/mfa">
          Assign MFA
        </a>
        {p.skippable ? (
          <a class="button secondary" href="/console/home">
            Skip for now
          </a>
        ) : (
          <span class="hint">The operator requires MFA for the root user; assign a device to continue.</span>
        )}
      </div>
      <SignOutLink csrf={p.csrf} />
    </Layout>
  );
}

export function ForgotPasswordPage(p: {
  csrf: string;
  sent?: boolean;
  error?: string | undefined;
  email?: string | undefined;
}) {
  return (
    <Layout title="Password recovery">
      {p.error ? <Notice kind="error">{p.error}</Notice> : null}
      {p.sent ? (
        <Notice kind="success" title="Check your email">
          If the address belongs to a root user that may recover its password, a link to reset it was sent there. The
          link expires in an hour.
        </Notice>
      ) : null}
      <div class="card">
        <form method="post" action="/console/forgot-password">
          <Csrf token={p.csrf} />
          <Field
            label="Root user email address"
            name="email"
            type="email"
            value={p.email}
            required
            autocomplete="username"
            autofocus
          />
          <div class="actions">
            <button type="submit">Send reset link</button>
            <a href="/console/signin?as=root">Back to sign in</a>
          </div>
        </form>
      </div>
    </Layout>
  );
}

export function ResetPasswordPage(p: { csrf: string; token: string; error?: string | undefined }) {
  return (
    <Layout title="Reset root user password">
      {p.error ? <Notice kind="error">{p.error}</Notice> : null}
      <div class="card">
        <form method="post" action="/console/reset-password">
          <Csrf token={p.csrf} />
          <input type="hidden" name="token" value={p.token} />
          <Field
            label="New password"
            name="newPassword"
            type="password"
            required
            autocomplete="new-password"
            autofocus
          />
          <Field
            label="Confirm new password"
            name="confirmPassword"
            type="password"
            required
            autocomplete="new-password"
          />
          <div class="actions">
            <button type="submit">Reset password</button>
          </div>
        </form>
      </div>
    </Layout>
  );
}

function SignOutLink({ csrf }: { csrf: string }) {
  return (
    <form method="post" action="/console/signout" class="inline">
      <Csrf token={csrf} />
      <button type="submit" class="link">
        Sign out
      </button>
    </form>
  );
}
