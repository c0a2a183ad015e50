import type { ConsoleApp, ConsoleContext } from '../env.js';
import { baseUrlOf } from '../env.js';
import { Layout } from '../ui/layout.js';
import { ErrorNotice, FlashNotice, Notice } from '../ui/notices.js';
import { pageChrome } from './chrome.js';

/** The IAM dashboard: the account's sign-in URL, resource counts and security recommendations. */
export function registerHome(app: ConsoleApp): void {
  app.get('/home', async (c) => {
    const { session } = c.var;
    const accountId = session.principal.accountId;
    let summary: Record<string, number> | undefined;
    let denied: unknown;
    try {
      summary =
        (await c.var.call<{ SummaryMap?: Record<string, number> }>('iam', 'GetAccountSummary')).SummaryMap ?? {};
    } catch (err) {
      denied = err;
    }
    const signInUrl = `${baseUrlOf(c)}/console/${session.accountAlias ?? accountId}`;
    return c.html(
      <Layout title="IAM Dashboard" {...await pageChrome(c, '/console/home')}>
        <FlashNotice c={c} />
        <div class="card">
          <h2>AWS Account</h2>
          <dl class="summary">
            <dt>Account ID</dt>
            <dd data-testid="account-id">{accountId}</dd>
            <dt>Account alias</dt>
            <dd>{session.accountAlias ?? '—'}</dd>
            <dt>Sign-in URL for IAM users in this account</dt>
            <dd>
              <a href={signInUrl} data-testid="signin-url">
                {signInUrl}
              </a>
            </dd>
          </dl>
        </div>
        {await recommendations(c, summary)}
        <h2>IAM resources</h2>
        {denied ? (
          <ErrorNotice error={denied} />
        ) : (
          <div class="card">
            <dl class="summary">
              {(
                [
                  ['User groups', 'Groups'],
                  ['Users', 'Users'],
                  ['Roles', 'Roles'],
                  ['Customer managed policies', 'Policies'],
                  ['Identity providers', 'Providers'],
                ] as const
              ).map(([label, key]) => (
                <>
                  <dt>{label}</dt>
                  <dd>{String(summary?.[key] ?? 0)}</dd>
                </>
              ))}
            </dl>
          </div>
        )}
      </Layout>,
    );
  });
}

async function recommendations(c: ConsoleContext, summary: Record<string, number> | undefined) {
  const { session } = c.var;
  if (session.principal.kind !== 'root') return null;
  const mfa = summary?.AccountMFAEnabled === 1;
  const keys = summary?.AccountAccessKeysPresent === 1;
  return (
    <>
      <h2>Security recommendations</h2>
      {mfa ? (
        <Notice kind="success">The root user has MFA.</Notice>
      ) : (
        <Notice kind="warning" title="Add MFA for the root user">
          Assign an MFA device to the root user to improve security for this account.{' '}
          <a href="/console/security-credentials/mfa">Add MFA</a>
        </Notice>
      )}
      {keys ? (
        <Notice kind="warning" title="The root user has active access keys">
          Use access keys attached to an IAM user instead of the root user.{' '}
          <a href="/console/security-credentials">Manage access keys</a>
        </Notice>
      ) : (
        <Notice kind="success">The root user has no active access keys.</Notice>
      )}
    </>
  );
}
