import type { GetOpenIDConnectProviderResponse } from '../../../wire/generated/iam.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { failureText, formText, formatDate, withFlash } from '../../ui/form-data.js';
import { ActionButton, Csrf, Field } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { providerHref, providerName } from './provider-links.js';

function ProviderDetail({ c, arn, p }: { c: ConsoleContext; arn: string; p: GetOpenIDConnectProviderResponse }) {
  return (
    <>
      <div class="card">
        <h2>Summary</h2>
        <dl class="summary">
          <dt>Provider</dt>
          <dd>{p.Url}</dd>
          <dt>Provider type</dt>
          <dd>OpenID Connect</dd>
          <dt>ARN</dt>
          <dd class="mono">{arn}</dd>
          <dt>Creation time</dt>
          <dd>{formatDate(p.CreateDate)}</dd>
          <dt>Thumbprints</dt>
          <dd class="mono">{(p.ThumbprintList ?? []).join(', ') || '—'}</dd>
        </dl>
      </div>
      <h2>{`Audiences (${(p.ClientIDList ?? []).length})`}</h2>
      <div class="table-wrap">
        <table data-testid="audiences">
          <thead>
            <tr>
              <th scope="col">Audience</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {(p.ClientIDList ?? []).map((id) => (
              <tr>
                <td>{id}</td>
                <td>
                  <ActionButton
                    action="/console/identity-providers/audiences/remove"
                    csrf={c.var.csrf}
                    label={`Remove ${id}`}
                    fields={{ arn, audience: id }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="post" action="/console/identity-providers/audiences/add" class="card">
        <Csrf token={c.var.csrf} />
        <input type="hidden" name="arn" value={arn} />
        <Field
          label="Audience"
          name="audience"
          required
          maxlength={255}
          hint="The client ID issued by the identity provider for your app."
        />
        <button type="submit">Add audience</button>
      </form>
      <ActionButton
        action="/console/identity-providers/delete"
        csrf={c.var.csrf}
        label="Delete provider"
        danger
        fields={{ arn }}
        confirm={`Delete ${providerName(arn)}?`}
      />
    </>
  );
}

export function registerProviderDetail(app: ConsoleApp): void {
  app.get('/identity-providers/details', async (c) => {
    const arn = c.req.query('arn') ?? '';
    let provider: GetOpenIDConnectProviderResponse | undefined;
    let error: unknown;
    try {
      provider = await c.var.call<GetOpenIDConnectProviderResponse>('iam', 'GetOpenIDConnectProvider', {
        OpenIDConnectProviderArn: arn,
      });
    } catch (err) {
      error = err;
    }
    return c.html(
      <Layout title={providerName(arn)} {...await pageChrome(c, '/console/identity-providers')}>
        <p>
          <a href="/console/identity-providers">Identity providers</a> › {providerName(arn)}
        </p>
        <FlashNotice c={c} />
        {error || !provider ? <ErrorNotice error={error} /> : <ProviderDetail c={c} arn={arn} p={provider} />}
      </Layout>,
    );
  });

  const audienceAction = (path: string, operation: string, done: string) =>
    app.post(path, async (c) => {
      const body = await c.req.parseBody();
      const arn = formText(body, 'arn');
      try {
        await c.var.call('iam', operation, { OpenIDConnectProviderArn: arn, ClientID: formText(body, 'audience') });
        return c.redirect(withFlash(c, providerHref(arn), 'notice', done), 302);
      } catch (err) {
        return c.redirect(withFlash(c, providerHref(arn), 'error', failureText(err)), 302);
      }
    });
  audienceAction('/identity-providers/audiences/add', 'AddClientIDToOpenIDConnectProvider', 'Audience added.');
  audienceAction(
    '/identity-providers/audiences/remove',
    'RemoveClientIDFromOpenIDConnectProvider',
    'Audience removed.',
  );

  app.post('/identity-providers/delete', async (c) => {
    const arn = formText(await c.req.parseBody(), 'arn');
    try {
      await c.var.call('iam', 'DeleteOpenIDConnectProvider', { OpenIDConnectProviderArn: arn });
      return c.redirect(
        withFlash(c, '/console/identity-providers', 'notice', `Provider ${providerName(arn)} deleted.`),
        302,
      );
    } catch (err) {
      return c.redirect(withFlash(c, providerHref(arn), 'error', failureText(err)), 302);
    }
  });
}
