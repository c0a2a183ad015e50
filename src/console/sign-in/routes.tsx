import { mustChangePassword } from '../../iam/core/password-policy.js';
import { verifyMfaCode } from '../../iam/core/mfa-verify.js';
import { AwsError } from '../../shared/aws-error.js';
import type { Principal } from '../../shared/principal.js';
import { type ConsoleApp, type ConsoleContext, baseUrlOf, originOf, requestOriginOf } from '../env.js';
import { SESSION_COOKIE, clearConsoleCookie, readConsoleCookie, setConsoleCookie } from '../session/cookies.js';
import { preSessionCsrf, requireSignIn } from '../session/guard.js';
import type { LoadedSession } from '../session/sessions.js';
import { sameToken } from '../session/tokens.js';
import {
  ChangePasswordPage,
  ForgotPasswordPage,
  MfaPage,
  RegisterMfaPrompt,
  ResetPasswordPage,
  SignInPage,
} from './pages.js';
import { changeOwnPassword } from './change-password.js';
import { checkConsolePassword } from './check-password.js';
import { withFlash } from '../ui/form-data.js';
import { signedOutNotice } from '../ui/flash.js';
import { assignedMfaSerials, pageOfStage, stageAfterSecondFactor } from './steps.js';

/** AWS's one answer for an unknown user, an unknown account and a wrong password alike. */
export const BAD_CREDENTIALS = 'Your authentication information is incorrect. Please try again.';
const LOCKED = 'Too many failed sign-in attempts. Wait 15 minutes, then try again.';

export function registerSignIn(app: ConsoleApp): void {
  app.get('/', (c) => c.redirect('/console/home', 302));

  app.get('/signin', preSessionCsrf, (c) => {
    const account = c.req.query('account');
    const as = c.req.query('as') === 'root' || (c.req.query('as') !== 'iam' && !account) ? 'root' : 'iam';
    return c.html(
      <SignInPage
        as={as}
        csrf={c.var.csrf}
        account={account}
        redirect={c.req.query('redirect')}
        notice={signedOutNotice(c.req.query('notice'))}
      />,
    );
  });

  app.post('/signin/root', preSessionCsrf, async (c) => {
    const form = await c.req.parseBody();
    const email = String(form.email ?? '').trim();
    const password = String(form.password ?? '');
    const redirect = typeof form.redirect === 'string' ? form.redirect : undefined;
    const { deps, throttle } = c.var;
    const now = deps.clock();
    const origin = originOf(c);
    const subjects = throttle.subjects(`root:${email}`, origin.sourceIp);
    const fail = (message: string, accountId: string) => {
      deps.audit.recordSignIn({
        at: now,
        accountId,
        sourceIp: origin.sourceIp,
        userAgent: origin.userAgent,
        success: false,
        mfaUsed: false,
        errorMessage: 'Failed authentication',
      });
      return c.html(<SignInPage as="root" csrf={c.var.csrf} email={email} redirect={redirect} error={message} />, 401);
    };
    // The slot is taken before the password is checked: parallel guesses are counted too.
    if (!(await throttle.attempt(subjects, now))) return fail(LOCKED, deps.managementAccountId);
    const account = email ? await deps.store.accounts.findByRootEmail(email) : undefined;
    const verdict = await checkConsolePassword(
      deps.store,
      account ? { accountId: account.accountId } : undefined,
      password,
      now,
    );
    if (!account || !verdict.ok) return fail(BAD_CREDENTIALS, account?.accountId ?? deps.managementAccountId);
    await throttle.succeeded(subjects, now);
    return passwordAccepted(c, account.accountId, undefined, verdict.mustChange, redirect);
  });

  app.post('/signin/iam', preSessionCsrf, async (c) => {
    const form = await c.req.parseBody();
    const accountText = String(form.account ?? '')
      .trim()
      .toLowerCase();
    const userName = String(form.userName ?? '').trim();
    const password = String(form.password ?? '');
    const redirect = typeof form.redirect === 'string' ? form.redirect : undefined;
    const { deps, throttle } = c.var;
    const now = deps.clock();
    const origin = originOf(c);
    const accountId = await resolveAccount(c, accountText);
    const subjects = throttle.subjects(`user:${accountId ?? accountText}/${userName}`, origin.sourceIp);
    const fail = (message: string) => {
      deps.audit.recordSignIn({
        at: now,
        accountId: accountId ?? deps.managementAccountId,
        userName,
        sourceIp: origin.sourceIp,
        userAgent: origin.userAgent,
        success: false,
        mfaUsed: false,
        errorMessage: 'Failed authentication',
      });
      return c.html(
        <SignInPage
          as="iam"
          csrf={c.var.csrf}
          account={accountText}
          userName={userName}
          redirect={redirect}
          error={message}
        />,
        401,
      );
    };
    if (!(await throttle.attempt(subjects, now))) return fail(LOCKED);
    const found = accountId && userName ? await deps.store.users.getByName(accountId, userName) : undefined;
    // Only the root user of a closed account may still sign in (AWS). Its IAM users are refused
    // as an unknown user is: the same answer, and the password checked against the decoy, so
    // neither the words nor the cost tell a closed account from a wrong password.
    const user = found && (await deps.accountStatus.isActive(found.accountId)) ? found : undefined;
    const verdict = await checkConsolePassword(
      deps.store,
      user ? { accountId: user.accountId, userId: user.userId, userName: user.userName } : undefined,
      password,
      now,
    );
    if (!user || !verdict.ok) return fail(BAD_CREDENTIALS);
    await throttle.succeeded(subjects, now);
    return passwordAccepted(c, user.accountId, user.userId, verdict.mustChange, redirect);
  });

  app.get('/mfa', requireSignIn, (c) => c.html(<MfaPage csrf={c.var.csrf} />));

  app.post('/mfa', requireSignIn, async (c) => {
    const { deps, throttle, session } = c.var;
    const form = await c.req.parseBody();
    const code = String(form.code ?? '').trim();
    const now = deps.clock();
    const { accountId, userId } = session.record;
    const origin = originOf(c);
    const subjects = throttle.subjects(`mfa:${accountId}/${userId ?? 'root'}`, origin.sourceIp);
    if (!(await throttle.attempt(subjects, now))) return c.html(<MfaPage csrf={c.var.csrf} error={LOCKED} />, 401);
    let ok = false;
    if (/^\d{6}$/.test(code)) {
      for (const serial of await assignedMfaSerials(deps.store, accountId, userId)) {
        if ((await verifyMfaCode(deps.store, undefined, serial, code, now)) === 'ok') ok = true;
        if (ok) break;
      }
    }
    if (!ok) {
      recordSignIn(c, session.principal, false, true, 'Failed authentication');
      return c.html(
        <MfaPage csrf={c.var.csrf} error="Your authentication information is incorrect. Please try again." />,
        401,
      );
    }
    await throttle.succeeded(subjects, now);
    const mustChange = await mustChangePassword(deps.store, accountId, userId, now);
    const stage = stageAfterSecondFactor(mustChange, false, deps.rootMfaSkippable);
    await c.var.sessions.advance(session.record, { stage, mfaAt: now });
    recordSignIn(c, session.principal, true, true);
    return c.redirect(pageOfStage(stage, false, undefined), 302);
  });

  app.get('/change-password', requireSignIn, async (c) => {
    const { session } = c.var;
    return c.html(
      <ChangePasswordPage
        csrf={c.var.csrf}
        forced={session.record.stage === 'change-password'}
        root={session.principal.kind === 'root'}
      />,
    );
  });

  app.post('/change-password', requireSignIn, async (c) => {
    const { session, deps } = c.var;
    const form = await c.req.parseBody();
    const forced = session.record.stage === 'change-password';
    const problem = await changeOwnPassword(
      c,
      String(form.oldPassword ?? ''),
      String(form.newPassword ?? ''),
      String(form.confirmPassword ?? ''),
    );
    if (problem)
      return c.html(
        <ChangePasswordPage
          csrf={c.var.csrf}
          forced={forced}
          root={session.principal.kind === 'root'}
          error={problem}
        />,
        400,
      );
    await c.var.sessions.endOthers(session.record);
    const rootWithoutMfa = await rootLacksMfa(c, session);
    if (forced) {
      const stage = stageAfterSecondFactor(false, rootWithoutMfa, deps.rootMfaSkippable);
      await c.var.sessions.advance(session.record, { stage });
      return c.redirect(pageOfStage(stage, rootWithoutMfa, undefined), 302);
    }
    return c.redirect(withFlash(c, '/console/security-credentials', 'notice', 'Your password has been changed.'), 302);
  });

  app.get('/register-mfa', requireSignIn, (c) =>
    c.html(<RegisterMfaPrompt csrf={c.var.csrf} skippable={c.var.session.record.stage !== 'register-mfa'} />),
  );

  app.post('/signout', async (c) => {
    const session = await c.var.sessions.load(readConsoleCookie(c, SESSION_COOKIE), c.var.deps.clock());
    if (session) {
      const form = await c.req.parseBody();
      if (!sameToken(typeof form._csrf === 'string' ? form._csrf : undefined, session.record.csrf))
        return c.text('This form has expired.', 403);
      await c.var.sessions.end(session.record);
    }
    clearConsoleCookie(c, SESSION_COOKIE);
    return c.redirect('/console/signin?notice=signed-out', 302);
  });

  app.get('/forgot-password', preSessionCsrf, (c) => c.html(<ForgotPasswordPage csrf={c.var.csrf} />));

  app.post('/forgot-password', preSessionCsrf, async (c) => {
    const { deps, throttle } = c.var;
    const form = await c.req.parseBody();
    const email = String(form.email ?? '').trim();
    const now = deps.clock();
    const subjects = throttle.subjects(`recover:${email}`, originOf(c).sourceIp);
    if (!deps.recovery)
      return c.html(
        <ForgotPasswordPage csrf={c.var.csrf} email={email} error="Password recovery is not available on this Ward." />,
        503,
      );
    // Each request counts toward the limit and is never given back: a recovery email is itself something to throttle.
    if (!(await throttle.attempt(subjects, now)))
      return c.html(<ForgotPasswordPage csrf={c.var.csrf} email={email} error={LOCKED} />, 429);
    await deps.recovery.start(email, now, baseUrlOf(c), requestOriginOf(c));
    return c.html(<ForgotPasswordPage csrf={c.var.csrf} sent />);
  });

  app.get('/reset-password', preSessionCsrf, (c) =>
    c.html(<ResetPasswordPage csrf={c.var.csrf} token={c.req.query('token') ?? ''} />),
  );

  app.post('/reset-password', preSessionCsrf, async (c) => {
    const { deps } = c.var;
    const form = await c.req.parseBody();
    const token = String(form.token ?? '');
    const newPassword = String(form.newPassword ?? '');
    if (!deps.recovery)
      return c.html(
        <ResetPasswordPage csrf={c.var.csrf} token={token} error="Password recovery is not available on this Ward." />,
        503,
      );
    if (newPassword !== String(form.confirmPassword ?? ''))
      return c.html(<ResetPasswordPage csrf={c.var.csrf} token={token} error="The passwords do not match." />, 400);
    try {
      await deps.recovery.complete(token, newPassword, deps.clock(), requestOriginOf(c));
    } catch (err) {
      const message =
        err instanceof AwsError || err instanceof Error ? err.message : 'The password could not be reset.';
      return c.html(<ResetPasswordPage csrf={c.var.csrf} token={token} error={message} />, 400);
    }
    return c.redirect('/console/signin?as=root&notice=password-reset', 302);
  });
}

/** `/console/<account-id-or-alias>`: AWS's account sign-in URL, with the account filled in. */
export function registerAccountSignInUrl(app: ConsoleApp): void {
  app.get('/:account', async (c, next) => {
    const text = c.req.param('account').toLowerCase();
    if (!(await resolveAccount(c, text))) return next();
    const signedIn = await c.var.sessions.load(readConsoleCookie(c, SESSION_COOKIE), c.var.deps.clock());
    if (signedIn) return c.redirect('/console/home', 302);
    return c.redirect(`/console/signin?as=iam&account=${encodeURIComponent(text)}`, 302);
  });
}

async function resolveAccount(c: ConsoleContext, text: string): Promise<string | undefined> {
  const { store } = c.var.deps;
  if (/^\d{12}$/.test(text)) return (await store.accounts.get(text)) ? text : undefined;
  if (!/^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$/.test(text)) return undefined;
  return store.accounts.findByAlias(text);
}

/** The password was right: open a session at the next step (MFA code, new password, MFA prompt, or in). */
async function passwordAccepted(
  c: ConsoleContext,
  accountId: string,
  userId: string | undefined,
  mustChange: boolean,
  redirect: string | undefined,
) {
  const { deps, sessions } = c.var;
  const now = deps.clock();
  const serials = await assignedMfaSerials(deps.store, accountId, userId);
  const rootWithoutMfa = userId === undefined && serials.length === 0;
  const stage = serials.length > 0 ? 'mfa' : stageAfterSecondFactor(mustChange, rootWithoutMfa, deps.rootMfaSkippable);
  const { token } = await sessions.start(accountId, userId, stage, now);
  setConsoleCookie(c, SESSION_COOKIE, token, deps.sessionHours * 3600);
  if (stage !== 'mfa') {
    const loaded = await sessions.load(token, now);
    if (loaded) recordSignIn(c, loaded.principal, true, false);
  }
  return c.redirect(pageOfStage(stage, rootWithoutMfa, redirect), 302);
}

function recordSignIn(
  c: ConsoleContext,
  principal: Principal,
  success: boolean,
  mfaUsed: boolean,
  errorMessage?: string,
): void {
  const origin = originOf(c);
  c.var.deps.audit.recordSignIn({
    at: c.var.deps.clock(),
    accountId: principal.accountId,
    principal,
    ...(principal.kind === 'user' ? { userName: principal.userName } : {}),
    sourceIp: origin.sourceIp,
    userAgent: origin.userAgent,
    success,
    mfaUsed,
    ...(errorMessage ? { errorMessage } : {}),
  });
}

async function rootLacksMfa(c: ConsoleContext, session: LoadedSession): Promise<boolean> {
  if (session.principal.kind !== 'root') return false;
  return (await assignedMfaSerials(c.var.deps.store, session.record.accountId, undefined)).length === 0;
}
