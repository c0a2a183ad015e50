import type {
  GetOpenIDConnectProviderResponse,
  ListOpenIDConnectProvidersResponse,
} from '../../../wire/generated/iam.js';
import { AwsError } from '../../../shared/aws-error.js';
import type { ConsoleApp, ConsoleContext } from '../../env.js';
import { formText, formatDate, withFlash } from '../../ui/form-data.js';
import { Csrf, Field, TextArea } from '../../ui/forms.js';
import { Layout } from '../../ui/layout.js';
import { ErrorNotice, FlashNotice } from '../../ui/notices.js';
import { pageChrome } from '../chrome.js';
import { splitList } from '../simulator/principal-options.js';
import { registerProviderDetail } from './provider-detail.js';
import { providerHref, providerName } from './provider-links.js';
import {
  AddSamlProvider,
  type SamlRow,
  type SamlValues,
  SamlRows,
  listSamlProviders,
  registerSamlProviders,
} from './saml-providers.js';

const PAGE = '/console/identity-providers';

type ProviderRow = { arn: string; details?: GetOpenIDConnectProviderResponse };

async function listProviders(c: ConsoleContext): Promise<ProviderRow[]> {
  const list =
    (await c.var.call<ListOpenIDConnectProvidersResponse>('iam', 'ListOpenIDConnectProviders'))
      .OpenIDConnectProviderList ?? [];
  return Promise.all(
    list.map(async ({ Arn }) => ({
      arn: Arn!,
      // A denied Get leaves the row with its name only.
      details: await c.var
        .call<GetOpenIDConnectProviderResponse>('iam', 'GetOpenIDConnectProvider', { OpenIDConnectProviderArn: Arn })
        .catch(() => undefined),
    })),
  );
}

const NO_SAML: { values: SamlValues; error?: unknown } = { values: { name: '', metadata: '' } };
const NO_OIDC = { url: '', audiences: '', thumbprints: '' };

async function providersPage(
  c: ConsoleContext,
  values: { url: string; audiences: string; thumbprints: string },
  error?: unknown,
  saml = NO_SAML,
) {
  let rows: ProviderRow[] = [];
  let samlRows: SamlRow[] = [];
  let listError: unknown;
  try {
    [rows, samlRows] = await Promise.all([listProviders(c), listSamlProviders(c)]);
  } catch (err) {
    listError = err;
  }
  return c.html(
    <Layout title="Identity providers" {...await pageChrome(c, PAGE)}>
      <FlashNotice c={c} />
      {listError ? (
        <ErrorNotice error={listError} />
      ) : rows.length + samlRows.length === 0 ? (
        <p>No identity providers to display.</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="providers">
            <thead>
              <tr>
                <th scope="col">Provider</th>
                <th scope="col">Type</th>
                <th scope="col">Audiences</th>
                <th scope="col">Creation time</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={providerHref(r.arn)}>{providerName(r.arn)}</a>
                  </td>
                  <td>OpenID Connect</td>
                  <td>{(r.details?.ClientIDList ?? []).join(', ') || '—'}</td>
                  <td>{formatDate(r.details?.CreateDate)}</td>
                </tr>
              ))}
              <SamlRows rows={samlRows} />
            </tbody>
          </table>
        </div>
      )}
      <form method="post" action={PAGE} class="card">
        <h2>Add provider</h2>
        {error ? <ErrorNotice error={error} /> : null}
        <Csrf token={c.var.csrf} />
        <Field
          label="Provider URL"
          name="url"
          type="url"
          value={values.url}
          required
          placeholder="https://"
          hint="The issuer's secure URL, such as https://token.actions.githubusercontent.com."
        />
        <TextArea
          label="Audiences"
          name="audiences"
          value={values.audiences}
          rows={2}
          hint="Client IDs, comma or newline separated."
        />
        <TextArea
          label="Thumbprints - optional"
          name="thumbprints"
          value={values.thumbprints}
          rows={2}
          mono
          hint="SHA-1 thumbprints (40 hex characters) of the provider's certificate."
        />
        <button type="submit">Add provider</button>
      </form>
      <AddSamlProvider c={c} values={saml.values} error={saml.error} />
    </Layout>,
  );
}

export function registerIdentityProviders(app: ConsoleApp): void {
  app.get('/identity-providers', (c) => providersPage(c, NO_OIDC));
  registerSamlProviders(app, (c, saml) => providersPage(c, NO_OIDC, undefined, saml));

  app.post('/identity-providers', async (c) => {
    const body = await c.req.parseBody();
    const values = {
      url: formText(body, 'url'),
      audiences: formText(body, 'audiences'),
      thumbprints: formText(body, 'thumbprints'),
    };
    const thumbprints = splitList(values.thumbprints);
    try {
      await c.var.call('iam', 'CreateOpenIDConnectProvider', {
        Url: values.url,
        ClientIDList: splitList(values.audiences),
        ...(thumbprints.length ? { ThumbprintList: thumbprints } : {}),
      });
      return c.redirect(withFlash(c, PAGE, 'notice', `Provider ${values.url.replace(/^https:\/\//, '')} added.`), 302);
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      return providersPage(c, values, err);
    }
  });

  registerProviderDetail(app);
}
