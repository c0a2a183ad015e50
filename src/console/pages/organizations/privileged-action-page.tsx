import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { AwsError } from '../../../shared/aws-error.js';
import { ActionButton } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice, Notice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { actThenRedirect, date } from './org-shared.js';
import { type RootCredentials, TASKS, auditRoot, deleteRootCredentials, rootSession } from './root-tasks.js';

const HOME = '/console/organizations/root-access';
const selfOf = (id: string) => `${HOME}/${encodeURIComponent(id)}`;

/** "Take privileged action" on one member account: each task is its own AssumeRoot session. */
export function registerPrivilegedActions(app: ConsoleApp): void {
  app.get('/organizations/root-access/:account{[0-9]{12}}', (c) => page(c, c.req.param('account')));

  // Auditing changes nothing, so its result is shown at once rather than after a redirect.
  app.post('/organizations/root-access/:account{[0-9]{12}}/audit', async (c) => {
    const account = c.req.param('account');
    try {
      return await page(c, account, { audit: await auditRoot(await rootSession(c, account, TASKS.audit)) });
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      return page(c, account, { error: err });
    }
  });

  app.post('/organizations/root-access/:account{[0-9]{12}}/delete', (c) => {
    const account = c.req.param('account');
    return actThenRedirect(c, selfOf(account), async () =>
      deleteRootCredentials(await rootSession(c, account, TASKS.delete)),
    );
  });

  app.post('/organizations/root-access/:account{[0-9]{12}}/allow-password-recovery', (c) => {
    const account = c.req.param('account');
    return actThenRedirect(c, selfOf(account), async () => {
      // No UserName and no Password: the member root gets a login profile it must recover through "Forgot password?".
      await (
        await rootSession(c, account, TASKS.password)
      )('CreateLoginProfile');
      return 'Password recovery is allowed: the root user can now use "Forgot password?" on the sign-in page.';
    });
  });
}

async function page(c: ConsoleContext, account: string, result: { audit?: RootCredentials; error?: unknown } = {}) {
  const self = selfOf(account);
  const csrf = c.var.csrf;
  return c.html(
    <Layout title={`Take privileged action on ${account}`} {...await pageChrome(c, '/console/organizations')}>
      <FlashNotice c={c} />
      {result.error ? <ErrorNotice error={result.error} /> : null}
      <p>
        Each task starts a short-term root session (sts:AssumeRoot) on the member account, limited to the task's AWS
        managed policy.
      </p>
      <div class="card">
        <h2>Delete root user credentials</h2>
        <p>
          Audit the root user's console password, access keys, MFA devices and signing certificates, or delete them.
        </p>
        <ActionButton action={`${self}/audit`} csrf={csrf} label="Audit root user credentials" />{' '}
        <ActionButton
          action={`${self}/delete`}
          csrf={csrf}
          label="Delete root user credentials"
          danger
          confirm="Delete every credential of this account's root user?"
        />
      </div>
      <div class="card">
        <h2>Allow password recovery</h2>
        <p>Lets the root user recover a console password with "Forgot password?" on the sign-in page.</p>
        <ActionButton action={`${self}/allow-password-recovery`} csrf={csrf} label="Allow password recovery" />
      </div>
      {result.audit ? <AuditResult audit={result.audit} /> : null}
      <p>
        <a href={HOME}>Back to root access management</a>
      </p>
    </Layout>,
    (result.error instanceof AwsError ? result.error.status : 200) as ContentfulStatusCode,
  );
}

function AuditResult({ audit }: { audit: RootCredentials }) {
  const rows: Array<[string, string, string]> = [
    ...(audit.loginProfile
      ? [['Console password', 'Login profile', date(audit.loginProfile.CreateDate)] as [string, string, string]]
      : []),
    ...audit.accessKeys.map((k): [string, string, string] => [
      'Access key',
      `${k.AccessKeyId} (${k.Status})`,
      date(k.CreateDate),
    ]),
    ...audit.mfaDevices.map((d): [string, string, string] => ['MFA device', d.SerialNumber ?? '', date(d.EnableDate)]),
    ...audit.certificates.map((s): [string, string, string] => [
      'Signing certificate',
      `${s.CertificateId} (${s.Status})`,
      date(s.UploadDate),
    ]),
  ];
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Root user credentials</h2>
      {rows.length === 0 ? (
        <Notice kind="success">The root user has no credentials.</Notice>
      ) : (
        <div class="table-wrap">
          <table data-testid="root-credentials">
            <thead>
              <tr>
                <th scope="col">Credential</th>
                <th scope="col">Identifier</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([kind, id, when]) => (
                <tr>
                  <td>{kind}</td>
                  <td class="mono">{id}</td>
                  <td>{when}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
