import type {
  AccessKeyMetadata,
  CreateAccessKeyResponse,
  GetAccessKeyLastUsedResponse,
  ListAccessKeysResponse,
} from '../../../wire/generated/iam.js';
import { iamErrors } from '../../../iam/errors.js';
import { IAM_QUOTAS } from '../../../iam/quotas.js';
import { csvRecord } from '../../../shared/csv.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { failureText, formatDate, withFlash } from '../../ui/form-data.js';
import { ActionButton } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { Notice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { Section, StatusBadge } from './section.js';
import { ROUTE_BASES, type Target, actAndReturn, formBody, statusField, targetOf, whose } from './target.js';

/** The LimitExceeded message CreateAccessKey answers at the quota, shown while the create button is disabled. */
const LIMIT_MESSAGE = iamErrors.quota('AccessKeysPerUser', IAM_QUOTAS.AccessKeysPerUser).message;

export async function AccessKeysSection({ c, target }: { c: ConsoleContext; target: Target }) {
  return (
    <Section
      id="access-keys"
      title="Access keys"
      intro="Use access keys to send programmatic calls to AWS from the AWS CLI, AWS Tools for PowerShell, AWS SDKs, or direct AWS API calls. You can have a maximum of two access keys (active or inactive) at a time."
      load={async () => {
        const keys = (await c.var.call<ListAccessKeysResponse>('iam', 'ListAccessKeys', whose(target)))
          .AccessKeyMetadata;
        const atLimit = keys.length >= IAM_QUOTAS.AccessKeysPerUser;
        const rows = await Promise.all(keys.map(async (k) => ({ key: k, used: await lastUsed(c, k) })));
        return (
          <>
            {atLimit ? (
              <Notice kind="info" title="Limit exceeded">
                <p data-testid="access-key-limit">{LIMIT_MESSAGE}</p>
                <p>You can have a maximum of two access keys. Delete an access key before you create a new one.</p>
              </Notice>
            ) : null}
            <div class="actions">
              <ActionButton
                action={`${target.base}/access-keys`}
                csrf={c.var.csrf}
                label="Create access key"
                disabled={atLimit}
              />
            </div>
            {rows.length === 0 ? (
              <p>No access keys. As a best practice, avoid using long-term credentials like access keys.</p>
            ) : (
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Access key ID</th>
                      <th scope="col">Status</th>
                      <th scope="col">Created</th>
                      <th scope="col">Last used</th>
                      <th scope="col">Last used service</th>
                      <th scope="col">Last used region</th>
                      <th scope="col">Actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map(({ key, used }) => (
                      <tr data-key={key.AccessKeyId}>
                        <td class="mono">{key.AccessKeyId}</td>
                        <td>
                          <StatusBadge status={key.Status} />
                        </td>
                        <td>{formatDate(key.CreateDate)}</td>
                        <td>{used.date}</td>
                        <td>{used.service}</td>
                        <td>{used.region}</td>
                        <td>
                          <KeyActions c={c} target={target} keyId={key.AccessKeyId ?? ''} status={key.Status} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        );
      }}
    />
  );
}

function KeyActions({
  c,
  target,
  keyId,
  status,
}: {
  c: ConsoleContext;
  target: Target;
  keyId: string;
  status: string | undefined;
}) {
  const base = `${target.base}/access-keys/${encodeURIComponent(keyId)}`;
  const active = status === 'Active';
  return (
    <div class="actions">
      <ActionButton
        action={`${base}/status`}
        csrf={c.var.csrf}
        label={active ? 'Deactivate' : 'Activate'}
        fields={{ Status: active ? 'Inactive' : 'Active' }}
      />
      <ActionButton
        action={`${base}/delete`}
        csrf={c.var.csrf}
        label="Delete"
        danger
        confirm={`Delete access key ${keyId}? Applications using it stop working.`}
      />
    </div>
  );
}

/** A key's last use as AWS's console lists it; a denied GetAccessKeyLastUsed leaves the columns unknown rather than failing the table. */
async function lastUsed(
  c: ConsoleContext,
  key: AccessKeyMetadata,
): Promise<{ date: string; service: string; region: string }> {
  try {
    const out = await c.var.call<GetAccessKeyLastUsedResponse>('iam', 'GetAccessKeyLastUsed', {
      AccessKeyId: key.AccessKeyId,
    });
    const used = out.AccessKeyLastUsed;
    if (!used?.LastUsedDate) return { date: 'Never', service: 'N/A', region: 'N/A' };
    return { date: formatDate(used.LastUsedDate), service: used.ServiceName ?? 'N/A', region: used.Region ?? 'N/A' };
  } catch (err) {
    failureText(err);
    return { date: '—', service: '—', region: '—' };
  }
}

/** The file AWS's console downloads: `<user>_accessKeys.csv` (`rootkey.csv` for root) with exactly these two columns. */
export function accessKeyCsv(accessKeyId: string, secret: string): string {
  return `${csvRecord(['Access key ID', 'Secret access key'])}\n${csvRecord([accessKeyId, secret])}\n`;
}

export function csvFileName(userName: string | undefined): string {
  return userName ? `${userName}_accessKeys.csv` : 'rootkey.csv';
}

/**
 * The "Retrieve access keys" page. The secret is in this response only: it is never put in the
 * session, a cookie or a URL, and the CSV travels inside the page as a data: link.
 */
function RetrieveKeyPage({
  c,
  target,
  created,
}: {
  c: ConsoleContext;
  target: Target;
  created: NonNullable<CreateAccessKeyResponse['AccessKey']>;
}) {
  const userName = target.userName ?? (c.var.session.principal.kind === 'user' ? created.UserName : undefined);
  const csv = accessKeyCsv(created.AccessKeyId, created.SecretAccessKey);
  return (
    <>
      <Notice kind="success">Access key created</Notice>
      <Notice kind="warning" title="This is the only time that the secret access key can be viewed or downloaded.">
        You cannot recover it later. However, you can create a new access key any time.
      </Notice>
      <div class="card cred-card">
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Access key</th>
                <th scope="col">Secret access key</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td class="mono" data-testid="new-access-key-id">
                  {created.AccessKeyId}
                </td>
                <td>
                  <details>
                    <summary>Show</summary>
                    <span class="secret" data-testid="new-secret-access-key">
                      {created.SecretAccessKey}
                    </span>
                  </details>
                </td>
              </tr>
            </tbody>
          </table>
        </div>
        <div class="actions">
          <a
            class="button secondary"
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`}
            download={csvFileName(userName)}
          >
            Download .csv file
          </a>
          <a class="button" href={target.base}>
            Done
          </a>
        </div>
      </div>
    </>
  );
}

export function registerAccessKeyRoutes(app: ConsoleApp): void {
  for (const base of ROUTE_BASES) {
    app.post(`${base}/access-keys`, async (c) => {
      const target = targetOf(c);
      let created: CreateAccessKeyResponse;
      try {
        created = await c.var.call<CreateAccessKeyResponse>('iam', 'CreateAccessKey', whose(target));
      } catch (err) {
        return c.redirect(withFlash(c, target.base, 'error', failureText(err)), 302);
      }
      return c.html(
        <Layout title="Retrieve access keys" {...await pageChrome(c, target.nav)}>
          <RetrieveKeyPage c={c} target={target} created={created.AccessKey} />
        </Layout>,
      );
    });
    app.post(`${base}/access-keys/:id/status`, async (c) => {
      const target = targetOf(c);
      const status = statusField(await formBody(c));
      const id = c.req.param('id');
      const notice = `Access key ${id} ${status === 'Active' ? 'activated' : 'deactivated'}.`;
      return actAndReturn(
        c,
        target,
        notice,
        () => c.var.call('iam', 'UpdateAccessKey', { ...whose(target), AccessKeyId: id, Status: status }),
        '#access-keys',
      );
    });
    app.post(`${base}/access-keys/:id/delete`, async (c) => {
      const target = targetOf(c);
      const id = c.req.param('id');
      return actAndReturn(
        c,
        target,
        `Access key ${id} deleted.`,
        () => c.var.call('iam', 'DeleteAccessKey', { ...whose(target), AccessKeyId: id }),
        '#access-keys',
      );
    });
  }
}
